package dev.coffer.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.backend.rest.RcloneRestServer;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code coffer} command line on a restic REST server ({@code rclone serve restic} with basic
 * auth on loopback), with the real restic on the same repository both ways: Coffer continues,
 * forgets and prunes a repository restic made, and restic checks every byte afterwards.
 */
@Tag("slow")
class RestEndToEndTest {
    private static final String USER = "e2e-user";
    private static final String PASS = "e2e-pass-0123";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void cofferAndResticShareARestRepositoryBothWays() throws Exception {
        try (RcloneRestServer server = RcloneRestServer.start(tmp.resolve("served"), USER, PASS)) {
            String repo = "rest:" + server.url(USER + ":" + PASS + "@", "by-coffer/");
            Path src = tmp.resolve("src");
            TestData.mixed(src, 61, 3);
            Coffer coffer = new Coffer(repo, tmp, Map.of());
            String init = coffer.run("init").ok().out();
            assertFalse(init.contains(PASS), "the REST password leaked: " + init);
            coffer.run("backup", src.toString()).ok();
            assertTrue(Files.isDirectory(server.root().resolve("by-coffer/data")), "rclone stores under the path");
            JsonNode ours = json.readTree(coffer.run("snapshots", "--json").ok().out());
            assertEquals(1, ours.size());
            Path out = tmp.resolve("restored-by-coffer");
            coffer.run("restore", "latest", "--target", out.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), true));
            assertTrue(coffer.run("check", "--read-data").ok().out().contains("no errors were found"));

            Restic restic = new Restic(repo, tmp, Map.of());
            assertTrue(restic.run("check", "--read-data").ok().out().contains("no errors were found"));
            assertEquals(S3EndToEndTest.ids(ours), S3EndToEndTest.ids(json.readTree(restic.run("snapshots", "--json").ok().out())));
            Path out2 = tmp.resolve("restored-by-restic");
            restic.run("restore", "latest", "--target", out2.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, out2.resolve(tmp.getRoot().relativize(src)), true));

            String theirRepo = "rest:" + server.url(USER + ":" + PASS + "@", "by-restic/");
            Restic theirs = new Restic(theirRepo, tmp, Map.of());
            theirs.run("init", "--repository-version", "2").ok();
            theirs.run("backup", "--host", "e2e-host", src.toString()).ok();
            Coffer continuing = new Coffer(theirRepo, tmp, Map.of());
            Path out3 = tmp.resolve("restic-repo-restored-by-coffer");
            continuing.run("restore", "latest", "--target", out3.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, out3.resolve(tmp.getRoot().relativize(src)), true));
            Files.delete(src.resolve("big.bin"));
            Files.writeString(src.resolve("docs/added-by-coffer.txt"), "coffer was here\n");
            continuing.run("backup", src.toString()).ok();
            continuing.run("forget", "--keep-last", "1", "--prune", "--max-unused", "0").ok();
            assertEquals(1, json.readTree(theirs.run("snapshots", "--json").ok().out()).size());
            assertTrue(theirs.run("check", "--read-data").ok().out().contains("no errors were found"));
            Path out4 = tmp.resolve("continued-restored-by-restic");
            theirs.run("restore", "latest", "--target", out4.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, out4.resolve(tmp.getRoot().relativize(src)), true));
        }
    }
}
