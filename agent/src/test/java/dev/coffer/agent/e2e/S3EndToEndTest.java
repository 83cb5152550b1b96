package dev.coffer.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code coffer} command line on S3 (S3Proxy on loopback, credentials from the environment):
 * init, backup, restore, forget --prune and check, with the real restic reading, checking and
 * restoring the same bucket; and the other way round, with Coffer's local cache of snapshot and
 * index files on.
 */
@Tag("slow")
class S3EndToEndTest {
    private static S3ProxyServer server;
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void cofferBacksUpRestoresForgetsPrunesAndChecksAndResticAgrees() throws Exception {
        String repo = "s3:" + server.endpoint() + "/coffer-e2e/team/app";
        Path src = tmp.resolve("src");
        TestData.mixed(src, 51, 3);
        Path inRestore = tmp.getRoot().relativize(src);
        Coffer coffer = new Coffer(repo, tmp, server.env());
        String init = coffer.run("init").ok().out();
        assertTrue(init.contains("created restic repository") && init.contains("s3:"), init);
        coffer.run("backup", "--tag", "e2e", src.toString()).ok();
        Path first = tmp.resolve("first-restored-by-coffer");
        coffer.run("restore", "latest", "--target", first.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, first.resolve(inRestore), true));

        Files.delete(src.resolve("big.bin"));
        Files.writeString(src.resolve("docs/added.txt"), "second run\n");
        coffer.run("backup", "--tag", "e2e", src.toString()).ok();
        assertEquals(2, json.readTree(coffer.run("snapshots", "--json").ok().out()).size());
        coffer.run("forget", "--keep-last", "1", "--prune", "--max-unused", "0").ok();
        JsonNode ours = json.readTree(coffer.run("snapshots", "--json").ok().out());
        assertEquals(1, ours.size(), ours.toString());
        Path out = tmp.resolve("restored-by-coffer");
        coffer.run("restore", "latest", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out.resolve(inRestore), true));
        String check = coffer.run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);

        Restic restic = new Restic(repo, tmp, server.env());
        String theirCheck = restic.run("check", "--read-data").ok().out();
        assertTrue(theirCheck.contains("no errors were found"), theirCheck);
        assertEquals(ids(ours), ids(json.readTree(restic.run("snapshots", "--json").ok().out())));
        Path out2 = tmp.resolve("restored-by-restic");
        restic.run("restore", "latest", "--target", out2.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out2.resolve(inRestore), true));
    }

    @Test
    void cofferReadsAndContinuesWhatResticWrote() throws Exception {
        String repo = "s3:" + server.endpoint() + "/restic-e2e";
        Path src = tmp.resolve("src");
        TestData.mixed(src, 52, 3);
        Restic restic = new Restic(repo, tmp, server.env());
        restic.run("init", "--repository-version", "2").ok();
        restic.run("backup", "--host", "e2e-host", src.toString()).ok();

        Map<String, String> withCache = new HashMap<>(server.env());
        withCache.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Coffer coffer = new Coffer(repo, tmp, withCache);
        JsonNode theirs = json.readTree(restic.run("snapshots", "--json").ok().out());
        assertEquals(ids(theirs), ids(json.readTree(coffer.run("snapshots", "--json").ok().out())));
        Path out = tmp.resolve("restored-by-coffer");
        coffer.run("restore", "latest", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), true));

        Files.writeString(src.resolve("docs/added-by-coffer.txt"), "coffer was here\n");
        JsonNode summary = lastLine(coffer.run("backup", "--json", src.toString()).ok().out());
        assertTrue(summary.get("data_blobs").asLong() <= 2, "only the new file's content is new: " + summary);
        assertTrue(coffer.run("check", "--read-data").ok().out().contains("no errors were found"));
        assertTrue(Files.isDirectory(tmp.resolve("cache/coffer")), "snapshots and indexes were cached");

        assertTrue(restic.run("check", "--read-data").ok().out().contains("no errors were found"));
        assertEquals(2, json.readTree(restic.run("snapshots", "--json").ok().out()).size());
        restic.run("backup", src.toString()).ok();
        assertEquals(3, json.readTree(coffer.run("snapshots", "--json").ok().out()).size(),
                "the cache does not hide a snapshot restic added");
        Path out2 = tmp.resolve("restored-by-restic");
        restic.run("restore", "latest", "--target", out2.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out2.resolve(tmp.getRoot().relativize(src)), true));
    }

    private JsonNode lastLine(String out) throws Exception {
        return json.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    static Set<String> ids(JsonNode snapshots) {
        Set<String> out = new TreeSet<>();
        snapshots.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
