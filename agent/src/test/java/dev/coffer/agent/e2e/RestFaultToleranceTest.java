package dev.coffer.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.rest.RcloneRestServer;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coffer on a REST server ({@code rclone serve restic}) through a {@link FaultProxy} that fails,
 * resets and stalls a seeded share of requests, and stalls the first large upload: backup and
 * restore succeed by retrying ({@code -o rest.timeout=1s}), and restic checks every byte.
 */
@Tag("slow")
class RestFaultToleranceTest {
    @TempDir
    Path tmp;

    @Test
    void backupAndRestoreSurviveFaultsOnRest() throws Exception {
        try (RcloneRestServer server = RcloneRestServer.start(tmp.resolve("served"), "u", "p4ss");
             FaultProxy proxy = FaultProxy.start(URI.create(server.url("", "")).getPort())) {
            String repo = "rest:http://u:p4ss@127.0.0.1:" + proxy.port() + "/faulty/";
            Path src = tmp.resolve("src");
            TestData.mixed(src, 73, 3);
            Coffer coffer = new Coffer(repo, tmp, Map.of()).option("rest.timeout=1s");
            coffer.run("init").ok();
            proxy.plan(FaultPlan.firstLargeUploadsStall(1, Duration.ofMinutes(5)));
            Coffer.Result first = coffer.run("backup", src.toString()).ok();
            assertEquals(1, proxy.injected(Fault.STALL_UPLOAD));
            assertTrue(first.millis() < 60_000, "the stalled upload was given up: " + first.millis() + " ms");

            proxy.plan(new FaultPlan(20251124, 0.12, 0.08, 0.05, Duration.ofSeconds(10)));
            Files.writeString(src.resolve("docs/second.txt"), "second backup\n");
            coffer.run("backup", src.toString()).ok();
            Path out = tmp.resolve("restored");
            coffer.run("restore", "latest", "--target", out.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), true));
            String injected = FaultProxyReport.injected(proxy);
            System.out.println("REST faults injected: " + injected);
            for (Fault f : List.of(Fault.ERROR_500, Fault.ERROR_503, Fault.RESET, Fault.STALL)) {
                assertTrue(proxy.injected(f) > 0, "no " + f + " was injected: " + injected);
            }

            Restic restic = new Restic("rest:" + server.url("u:p4ss@", "faulty/"), tmp, Map.of());
            assertTrue(restic.run("check", "--read-data").ok().out().contains("no errors were found"));
        }
    }
}
