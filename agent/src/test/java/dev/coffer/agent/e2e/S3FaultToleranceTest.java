package dev.coffer.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coffer through a {@link FaultProxy} that fails, resets and stalls a seeded share of S3
 * requests: backup, restore and check still succeed by retrying, and the real restic finds the
 * repository sound. Requests time out after a second ({@code -o s3.timeout=1s}), so that a stall
 * costs a second, not the default two minutes.
 */
@Tag("slow")
class S3FaultToleranceTest {
    private static final String TIMEOUT = "s3.timeout=1s";

    @TempDir
    Path tmp;

    @Test
    void backupRestoreAndCheckSurviveErrorsResetsAndStalls() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start();
             FaultProxy proxy = FaultProxy.start(URI.create(server.endpoint()).getPort())) {
            String repo = "s3:" + proxy.endpoint() + "/faulty/repo";
            Path src = tmp.resolve("src");
            TestData.mixed(src, 71, 2);
            Coffer coffer = new Coffer(repo, tmp, server.env()).option(TIMEOUT);
            proxy.plan(new FaultPlan(20251123, 0.12, 0.08, 0.05, Duration.ofSeconds(10)));

            coffer.run("init").ok();
            coffer.run("backup", src.toString()).ok();
            Files.writeString(src.resolve("docs/second.txt"), "second backup\n");
            coffer.run("backup", src.toString()).ok();
            Path out = tmp.resolve("restored");
            coffer.run("restore", "latest", "--target", out.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), true));
            assertTrue(coffer.run("check", "--read-data").ok().out().contains("no errors were found"));

            String injected = FaultProxyReport.injected(proxy);
            System.out.println("S3 faults injected: " + injected);
            for (Fault f : List.of(Fault.ERROR_500, Fault.ERROR_503, Fault.RESET, Fault.STALL)) {
                assertTrue(proxy.injected(f) > 0, "no " + f + " was injected: " + injected);
            }

            Restic restic = new Restic("s3:" + server.endpoint() + "/faulty/repo", tmp, server.env());
            String check = restic.run("check", "--read-data").ok().out();
            assertTrue(check.contains("no errors were found"), check);
            assertEquals(2, restic.run("snapshots", "--json").ok().out().split("\"short_id\"").length - 1);
        }
    }

    /**
     * A server that stops reading an upload would hang a blocking socket write forever; the upload
     * deadline (one timeout, plus one per started 4 MiB) abandons it, and the retry succeeds.
     */
    @Test
    void aStalledUploadIsAbandonedAtItsDeadlineAndRetried() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start();
             FaultProxy proxy = FaultProxy.start(URI.create(server.endpoint()).getPort())) {
            String repo = "s3:" + proxy.endpoint() + "/stalled";
            Path src = Files.createDirectories(tmp.resolve("src"));
            Files.write(src.resolve("random.bin"), TestData.random(72, 12 << 20));
            Coffer coffer = new Coffer(repo, tmp, server.env()).option(TIMEOUT);
            coffer.run("init").ok();
            proxy.plan(FaultPlan.firstLargeUploadsStall(1, Duration.ofMinutes(5)));
            Coffer.Result backup = coffer.run("backup", src.toString()).ok();
            assertEquals(1, proxy.injected(Fault.STALL_UPLOAD));
            assertTrue(backup.millis() < 60_000, "the stalled upload was given up after its deadline (at most 4 s "
                    + "for a 12 MiB pack), not after the proxy's 5 minutes: " + backup.millis() + " ms");
            System.out.println("S3 backup with one stalled 12 MiB upload took " + backup.millis() + " ms");
            Restic restic = new Restic("s3:" + server.endpoint() + "/stalled", tmp, server.env());
            assertTrue(restic.run("check", "--read-data").ok().out().contains("no errors were found"));
        }
    }
}
