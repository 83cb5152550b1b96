package dev.coffer.agent.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.config.NtfyAuth;
import dev.coffer.agent.config.NtfyConfig;
import dev.coffer.agent.config.Secret;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NtfyNotifierTest {
    static final String REPO_PASSWORD = "repo-password-4711";
    static final String NTFY_PASSWORD = "ntfy-password-0815";
    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

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

    private NtfyConfig config(NtfyAuth auth, boolean onSuccess) {
        return new NtfyConfig(true, URI.create(server.url("/").toString()), "k8s-backups",
                "emby - {operation} {status}", 4, List.of("bangbang", "backup"), auth, onSuccess);
    }

    private NtfyNotifier notifier(NtfyConfig config) {
        return new NtfyNotifier(config, NtfyNotifier.defaultClient(), "emby", Set.of(REPO_PASSWORD, NTFY_PASSWORD));
    }

    private static RunResult failure(String message, int exitCode) {
        return RunResult.failure("default", Operation.BACKUP, START, Duration.ofSeconds(12), message, exitCode);
    }

    @Test
    void failureWithBasicAuthHeadersAndNoSecretsInTheBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        notifier(config(new NtfyAuth.Basic("mne-adm", new Secret(NTFY_PASSWORD)), false)).notify(failure(
                "cannot open rest:https://user:" + REPO_PASSWORD + "@rest.example.org/emby: wrong password "
                        + REPO_PASSWORD, 12));
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", req.getMethod());
        assertEquals("/k8s-backups", req.getUrl().encodedPath());
        assertEquals("emby - backup failed", req.getHeaders().get("Title"));
        assertEquals("4", req.getHeaders().get("Priority"));
        assertEquals("bangbang,backup", req.getHeaders().get("Tags"));
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                ("mne-adm:" + NTFY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertEquals(expectedAuth, req.getHeaders().get("Authorization"));
        String body = req.getBody().utf8();
        assertTrue(body.contains("Backup of job 'default' on host emby FAILED"), body);
        assertTrue(body.contains("exit code 12"), body);
        assertTrue(body.contains("What to do: the repository password is wrong"), body);
        assertTrue(body.contains("rest:https://user:***@rest.example.org/emby"), body);
        assertFalse(body.contains(REPO_PASSWORD), body);
        assertFalse(body.contains(NTFY_PASSWORD), body);
    }

    @Test
    void bearerToken() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        notifier(config(new NtfyAuth.Bearer(new Secret("tk_abcdef")), false)).notify(failure("boom", 1));
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("Bearer tk_abcdef", req.getHeaders().get("Authorization"));
        assertTrue(req.getBody().utf8().contains("read the agent's log"));
    }

    @Test
    void successIsSentOnlyWhenAskedWithLowPriority() throws Exception {
        RunResult ok = RunResult.success("default", Operation.BACKUP, START, Duration.ofSeconds(3))
                .withBackupStats(1200, 5L << 30, 12, 3L << 20, "4f2a9c1e");
        notifier(config(new NtfyAuth.None(), false)).notify(ok);
        assertEquals(0, server.getRequestCount());

        server.enqueue(new MockResponse.Builder().code(200).build());
        notifier(config(new NtfyAuth.None(), true)).notify(ok);
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("2", req.getHeaders().get("Priority"));
        assertEquals("white_check_mark", req.getHeaders().get("Tags"));
        assertEquals("emby - backup succeeded", req.getHeaders().get("Title"));
        assertNull(req.getHeaders().get("Authorization"));
        String body = req.getBody().utf8();
        assertTrue(body.contains("Snapshot: 4f2a9c1e"), body);
        assertTrue(body.contains("1200 processed (5.0 GiB), 12 new or changed; 3.0 MiB added"), body);
    }

    @Test
    void aFailedDeliveryIsLoggedNeverThrown() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        notifier(config(new NtfyAuth.None(), false)).notify(failure("boom", 1));
        assertEquals(1, server.getRequestCount());
        server.close();
        notifier(config(new NtfyAuth.None(), false)).notify(failure("boom", 1));
    }

    @Test
    void disabledSendsNothing() {
        NtfyConfig off = new NtfyConfig(false, URI.create(server.url("/").toString()), "t", "x", 4, List.of(),
                new NtfyAuth.None(), true);
        notifier(off).notify(failure("boom", 1));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void nonAsciiTitlesAreEncodedWords() {
        assertEquals("plain title", NtfyNotifier.headerValue("plain title"));
        String encoded = NtfyNotifier.headerValue("Sicherung fehlgeschlagen ✗");
        assertTrue(encoded.startsWith("=?UTF-8?B?") && encoded.endsWith("?="), encoded);
        assertEquals("a b", NtfyNotifier.headerValue("a\r\nb"));
    }
}
