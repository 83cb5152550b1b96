package dev.coffer.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.app.Backends;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.rest.RestBackend;
import dev.coffer.repo.backend.CountingBackend;
import dev.coffer.repo.backend.RetryPolicy;
import dev.coffer.repo.backend.RetryingBackend;
import dev.coffer.repo.model.FileType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ntfy messages from real runs, received by a recording HTTP server. */
class NotificationTest {
    static final String NTFY_PASSWORD = "ntfy-secret-7f3e2a";

    @TempDir
    Path dir;
    private MockWebServer ntfy;
    private Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        ntfy = new MockWebServer();
        ntfy.start();
        f = new Fixture(dir);
        f.env.put("NTFY_ENABLED", "true");
        f.env.put("NTFY_SERVER", ntfy.url("/").toString());
        f.env.put("NTFY_TOPIC", "k8s-backups");
        f.env.put("NTFY_CREDS", "-u alerts:" + NTFY_PASSWORD);
        f.env.put("NTFY_TAG", "warning,backup");
        f.env.put("NTFY_TITLE", "{hostname} - {operation} {status}");
    }

    @AfterEach
    void tearDown() {
        ntfy.close();
    }

    private RecordedRequest onlyMessage() throws InterruptedException {
        RecordedRequest req = ntfy.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(req, "no ntfy message arrived");
        assertEquals(1, ntfy.getRequestCount(), "exactly one message");
        assertEquals("POST", req.getMethod());
        assertEquals("/k8s-backups", req.getUrl().encodedPath());
        assertEquals("app - backup failed", req.getHeaders().get("Title"));
        assertEquals("4", req.getHeaders().get("Priority"));
        assertEquals("warning,backup", req.getHeaders().get("Tags"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("alerts:" + NTFY_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)), req.getHeaders().get("Authorization"));
        String body = req.getBody().utf8();
        assertFalse(body.contains(Fixture.PASSWORD), body);
        assertFalse(body.contains(NTFY_PASSWORD), body);
        assertTrue(body.contains("Backup of job 'default' on host app FAILED"), body);
        return req;
    }

    @Test
    void wrongPassword() throws Exception {
        f.init("the-other-password-1234");
        ntfy.enqueue(new MockResponse.Builder().code(200).build());

        int exit = Daemon.create(f.config(), f.services()).runOnce();

        assertEquals(12, exit);
        String body = onlyMessage().getBody().utf8();
        assertTrue(body.contains("exit code 12"), body);
        assertTrue(body.contains("wrong password"), body);
        assertTrue(body.contains("What to do: the repository password is wrong"), body);
        assertFalse(body.contains("the-other-password-1234"), body);
    }

    @Test
    void unreachableRepositoryIsNotCreatedEvenWithAutoInit() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        f.env.put("RESTIC_REPOSITORY", "rest:http://127.0.0.1:" + port + "/repo");
        f.env.put("AUTO_INIT", "true");
        ntfy.enqueue(new MockResponse.Builder().code(200).build());
        // the product's stack for rest:, with a short retry so the test does not wait two minutes
        BackendOpener fastRetry = repository -> {
            RestBackend rest = RestBackend.open((RepositoryLocation.Rest) RepositoryLocation.parse(repository), Map.of());
            CountingBackend counter = new CountingBackend(rest);
            return new Backends.Stack(new RetryingBackend(counter, new RetryPolicy(2, Duration.ofMillis(10),
                    Duration.ofMillis(10)), d -> Thread.sleep(d.toMillis()), new Random(1)), counter);
        };

        int exit = Daemon.create(f.config(), f.services(fastRetry)).runOnce();

        assertEquals(1, exit);
        String body = onlyMessage().getBody().utf8();
        assertTrue(body.contains("cannot open the repository rest:http://127.0.0.1:" + port + "/repo"), body);
        assertTrue(body.contains("check RESTIC_REPOSITORY, the network and the storage credentials"), body);
    }

    @Test
    void failingPreHookStopsTheBackupAndItsOutputIsScrubbed() throws Exception {
        f.init(Fixture.PASSWORD);
        f.env.put("PRE_BACKUP_COMMAND", "echo \"dumping with password $RESTIC_PASSWORD\"; echo 'pg_dump: connection refused' >&2; exit 3");
        ntfy.enqueue(new MockResponse.Builder().code(200).build());

        int exit = Daemon.create(f.config(), f.services()).runOnce();

        assertEquals(1, exit);
        String body = onlyMessage().getBody().utf8();
        assertTrue(body.contains("PRE_BACKUP_COMMAND failed with exit code 3"), body);
        assertTrue(body.contains("dumping with password ***"), body);
        assertTrue(body.contains("pg_dump: connection refused"), body);
        assertTrue(body.contains("the backup did not run"), body);
        assertEquals(0, f.open().list(FileType.SNAPSHOT).size(), "no snapshot after a failed pre hook");
        assertEquals(0, f.open().list(FileType.LOCK).size(), "the lock is released");
    }

    @Test
    void successIsNotifiedOnlyWhenAsked() throws Exception {
        f.init(Fixture.PASSWORD);
        assertEquals(0, Daemon.create(f.config(), f.services()).runOnce());
        assertEquals(0, ntfy.getRequestCount());

        f.env.put("NTFY_ON_SUCCESS", "true");
        ntfy.enqueue(new MockResponse.Builder().code(200).build());
        assertEquals(0, Daemon.create(f.config(), f.services()).runOnce());
        RecordedRequest req = ntfy.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(req);
        assertEquals("app - backup succeeded", req.getHeaders().get("Title"));
        assertEquals("2", req.getHeaders().get("Priority"));
        String body = req.getBody().utf8();
        assertTrue(body.contains("Snapshot: "), body);
        assertTrue(body.contains("Files: 2 processed"), body);
        assertTrue(Files.exists(f.repo.resolve("config")));
    }
}
