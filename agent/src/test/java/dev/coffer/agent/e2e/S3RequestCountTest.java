package dev.coffer.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.repo.testing.TestData;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 requests of an initial and a no-change backup of the same tree, Coffer beside restic (with
 * its local cache, as users run it, and without), all counted by one {@link FaultProxy} in front of
 * one S3Proxy; then once more after ten snapshots. Prints the table for the notes.
 *
 * <p>The source's parent folders are part of every snapshot, and other processes change
 * {@code /tmp} at any time: a "no-change" backup may then save a new tree pack and index (two
 * PUTs), for either tool. The comparison leaves a margin for that.
 */
@Tag("slow")
class S3RequestCountTest {
    @TempDir
    Path tmp;

    @Test
    void noChangeBackupCostsFewerRequestsThanRestics() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start();
             FaultProxy proxy = FaultProxy.start(URI.create(server.endpoint()).getPort())) {
            Path src = tmp.resolve("src");
            TestData.mixed(src, 81, 4);
            Map<String, Map<String, Long>> table = new LinkedHashMap<>();
            Map<String, Map<String, Long>> byFile = new LinkedHashMap<>();

            Map<String, String> cofferEnv = new HashMap<>(server.env());
            cofferEnv.put("XDG_CACHE_HOME", tmp.resolve("coffer-cache").toString());
            Coffer coffer = new Coffer("s3:" + proxy.endpoint() + "/counts/coffer", tmp, cofferEnv);
            String resticRepo = "s3:" + proxy.endpoint() + "/counts/restic";
            Restic restic = new Restic(resticRepo, tmp, server.env(), tmp.resolve("restic-cache"));
            coffer.run("init").ok();
            restic.run("init", "--repository-version", "2").ok();

            count(proxy, table, byFile, "coffer initial", () -> coffer.run("backup", src.toString()).ok());
            String verbose = count(proxy, table, byFile, "coffer no-change",
                    () -> coffer.run("-v", "backup", src.toString()).ok()).err();
            count(proxy, table, byFile, "restic initial", () -> restic.run("backup", src.toString()).ok());
            count(proxy, table, byFile, "restic no-change", () -> restic.run("backup", src.toString()).ok());
            count(proxy, table, byFile, "restic --no-cache no-change",
                    () -> new Restic(resticRepo, tmp, server.env()).run("backup", src.toString()).ok());
            for (int i = 0; i < 7; i++) {
                coffer.run("backup", src.toString()).ok();
                restic.run("backup", src.toString()).ok();
            }
            count(proxy, table, byFile, "coffer no-change, 10th snapshot", () -> coffer.run("backup", src.toString()).ok());
            count(proxy, table, byFile, "restic no-change, 11th snapshot", () -> restic.run("backup", src.toString()).ok());

            System.out.println(format(table));
            byFile.forEach((run, counts) -> System.out.println(run + ": " + counts));
            Map<String, Long> ours = table.get("coffer no-change");
            String line = verbose.lines().filter(l -> l.startsWith("storage requests:")).findFirst().orElse("");
            assertEquals("storage requests: " + ours.getOrDefault("LIST", 0L) + " list, " + ours.getOrDefault("HEAD", 0L)
                    + " head, " + ours.getOrDefault("GET", 0L) + " get, " + ours.getOrDefault("PUT", 0L) + " put, "
                    + ours.getOrDefault("DELETE", 0L) + " delete", line, "coffer -v counts what the server saw");

            long theirs = total(table.get("restic no-change"));
            long churn = byFile.get("restic no-change").getOrDefault("PUT data", 0L)
                    + byFile.get("restic no-change").getOrDefault("PUT index", 0L);
            assertTrue(total(ours) < theirs - churn, "a no-change backup cost Coffer " + total(ours)
                    + " requests, restic " + theirs + " (" + churn + " of them for changed parent folders)\n"
                    + format(table));
            for (String run : new String[] {"coffer no-change", "coffer no-change, 10th snapshot"}) {
                Map<String, Long> f = byFile.get(run);
                assertFalse(f.containsKey("GET snapshots") || f.containsKey("GET index"),
                        "snapshots and indexes come from the local cache: " + f);
            }
        }
    }

    /** Runs {@code run} and records the requests the proxy saw meanwhile. */
    private static <T> T count(FaultProxy proxy, Map<String, Map<String, Long>> table,
            Map<String, Map<String, Long>> byFile, String name, ThrowingSupplier<T> run) throws Exception {
        proxy.tally().reset();
        T result = run.get();
        table.put(name, proxy.tally().snapshot());
        byFile.put(name, proxy.tally().byFile());
        return result;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A Markdown table: one row per run, one column per request kind, and the total. */
    static String format(Map<String, Map<String, Long>> table) {
        TreeSet<String> kinds = new TreeSet<>();
        table.values().forEach(m -> kinds.addAll(m.keySet()));
        StringBuilder sb = new StringBuilder("| run |");
        kinds.forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append(" total |\n|---|");
        kinds.forEach(k -> sb.append("---:|"));
        sb.append("---:|\n");
        table.forEach((run, counts) -> {
            sb.append("| ").append(run).append(" |");
            kinds.forEach(k -> sb.append(' ').append(counts.getOrDefault(k, 0L)).append(" |"));
            sb.append(' ').append(total(counts)).append(" |\n");
        });
        return sb.toString();
    }
}
