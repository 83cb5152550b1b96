package dev.coffer.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URL hooks and the TSDB hook's error handling, against a recording HTTP server. */
class HttpHooksTest {
    static final BackupPlan PLAN = new BackupPlan(List.of(Path.of("/prometheus")), List.of());
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI url(String path) {
        return URI.create(server.url(path).toString());
    }

    @Test
    void preAndPostUrlsGetAPostWithTheOutcome() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        HttpHook h = new HttpHook("db", Optional.of(url("/ping/start")), Optional.of(url("/ping")), new OkHttpClient(),
                Duration.ofSeconds(5));
        h.before(PLAN);
        h.after(Outcome.success("4f2a9c1e"));
        RecordedRequest pre = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", pre.getMethod());
        assertEquals("/ping/start", pre.getUrl().encodedPath());
        assertEquals("{\"job\":\"db\",\"phase\":\"pre\"}", pre.getBody().utf8());
        RecordedRequest post = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("{\"job\":\"db\",\"phase\":\"post\",\"status\":\"success\",\"snapshot_id\":\"4f2a9c1e\"}",
                post.getBody().utf8());
    }

    @Test
    void anErrorAnswerFailsTheHookWithoutShowingTheQuery() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        HttpHook h = new HttpHook("db", Optional.of(url("/hook?token=s3cr3t-token")), Optional.empty(), new OkHttpClient(),
                Duration.ofSeconds(5));
        HookException e = assertThrows(HookException.class, () -> h.before(PLAN));
        assertTrue(e.getMessage().startsWith("PRE_BACKUP_URL http://"), e.getMessage());
        assertTrue(e.getMessage().contains("answered HTTP 500"), e.getMessage());
        assertTrue(!e.getMessage().contains("s3cr3t-token"), e.getMessage());
    }

    @Test
    void tsdbHookReportsAMissingAdminApiAndAnUnmountedDataFolder(@TempDir Path dir) throws Exception {
        TsdbSnapshotHook h = new TsdbSnapshotHook(url("/"), dir, new OkHttpClient(), Duration.ofSeconds(5));
        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
        HookException notFound = assertThrows(HookException.class, () -> h.before(PLAN));
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        assertTrue(notFound.getMessage().contains("--web.enable-admin-api"), notFound.getMessage());
        RecordedRequest asked = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", asked.getMethod());
        assertEquals("/api/v1/admin/tsdb/snapshot", asked.getUrl().encodedPath());
        assertEquals("false", asked.getUrl().queryParameter("skip_head"));

        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"status\":\"success\",\"data\":{\"name\":\"20240501T100000Z-abc\"}}").build());
        HookException missing = assertThrows(HookException.class, () -> h.before(PLAN));
        assertTrue(missing.getMessage().contains("PROMETHEUS_DATA_DIR"), missing.getMessage());

        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"status\":\"success\",\"data\":{\"name\":\"../../etc\"}}").build());
        HookException hostile = assertThrows(HookException.class, () -> h.before(PLAN));
        assertTrue(hostile.getMessage().contains("no usable snapshot name"), hostile.getMessage());

        Path snap = Files.createDirectories(dir.resolve("snapshots/20240501T100000Z-def/01HXYZ"));
        Files.writeString(snap.resolve("meta.json"), "{}");
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"status\":\"success\",\"data\":{\"name\":\"20240501T100000Z-def\"}}").build());
        BackupPlan p = h.before(new BackupPlan(List.of(dir), List.of()));
        assertEquals(List.of(dir.resolve("snapshots/20240501T100000Z-def")), p.sources());
        h.after(Outcome.failure("the backup failed"));
        assertTrue(Files.notExists(dir.resolve("snapshots/20240501T100000Z-def")), "deleted after a failed backup too");
    }
}
