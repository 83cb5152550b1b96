package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coffer and the real restic 0.14 binary read and write each other's repositories. */
@Tag("slow")
class ResticCompatibilityTest {
    private static final String PW = "correct horse battery staple";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void resticChecksAndRestoresWhatCofferWrites() throws Exception {
        Path src = tmp.resolve("src");
        TestData.mixed(src, 1, 12);
        Path repo = tmp.resolve("repo");
        Cli coffer = new Cli(tmp, PW);
        coffer.run("-r", repo.toString(), "init").ok();
        Cli.Result b = coffer.run("-r", repo.toString(), "backup", "--json", "--tag", "t1,t2", "--host", "web", src.toString()).ok();
        JsonNode summary = json.readTree(b.out().strip().lines().reduce((a, c) -> c).orElseThrow());
        assertEquals("summary", summary.get("message_type").asText());
        assertTrue(summary.get("data_blobs").asLong() > 10, b.out());

        Restic restic = new Restic(repo, PW);
        Restic.Result check = restic.run("check", "--read-data").ok();
        assertTrue(check.out().contains("no errors were found"), check.out());
        JsonNode snaps = json.readTree(restic.run("snapshots", "--json").ok().out());
        assertEquals(1, snaps.size());
        assertEquals("web", snaps.get(0).get("hostname").asText());
        assertEquals(List.of("t1", "t2"), List.of(snaps.get(0).get("tags").get(0).asText(), snaps.get(0).get("tags").get(1).asText()));
        assertTrue(summary.get("snapshot_id").asText().startsWith(snaps.get(0).get("short_id").asText()));

        Path out = tmp.resolve("restored");
        restic.run("restore", "latest", "--target", out.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out.resolve(tmp.getRoot().relativize(src)), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "off"})
    void cofferListsAndRestoresWhatResticWrites(String compression) throws Exception {
        Path src = tmp.resolve("src");
        TestData.mixed(src, 2, 10);
        Path repo = tmp.resolve("repo");
        Restic restic = new Restic(repo, PW);
        restic.run("init", "--repository-version", "2").ok();
        restic.run(tmp, "backup", "--compression", compression, "--tag", "nightly", src.toString()).ok();
        restic.run(tmp, "backup", "--compression", compression, "src").ok();

        Cli coffer = new Cli(tmp, PW);
        JsonNode ours = json.readTree(coffer.run("-r", repo.toString(), "snapshots", "--json").ok().out());
        JsonNode theirs = json.readTree(restic.run("snapshots", "--json").ok().out());
        assertEquals(ids(theirs), ids(ours));

        String first = theirs.get(0).get("id").asText();
        Path out1 = tmp.resolve("out1");
        coffer.run("-r", repo.toString(), "restore", first.substring(0, 8), "--target", out1.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out1.resolve(tmp.getRoot().relativize(src)), true));
        Path out2 = tmp.resolve("out2");
        coffer.run("-r", repo.toString(), "restore", "latest", "--target", out2.toString()).ok();
        assertEquals(List.of(), TreeCompare.diff(src, out2.resolve("src"), true));

        List<String> ourLs = lsPaths(coffer.run("-r", repo.toString(), "ls", "--json", first).ok().out());
        List<String> theirLs = lsPaths(restic.run("ls", "--json", first).ok().out());
        assertEquals(theirLs, ourLs);
    }

    @Test
    void chunkerCutsWhereResticCuts() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.write(src.resolve("random.bin"), TestData.random(7, 40 << 20));
        Files.write(src.resolve("text.log"), TestData.text(8, 24 << 20));
        Path repo = tmp.resolve("repo");
        Restic restic = new Restic(repo, PW);
        restic.run("init", "--repository-version", "2").ok();
        restic.run(tmp, "backup", "src").ok();
        Cli coffer = new Cli(tmp, PW);
        JsonNode s = json.readTree(coffer.run("-r", repo.toString(), "backup", "--json", src.toString()).ok().out().strip().lines()
                .reduce((a, b) -> b).orElseThrow());
        assertEquals(0, s.get("data_blobs").asLong(), s.toString());
        assertEquals(2, s.get("files_new").asLong());
        assertTrue(restic.run("check", "--read-data").ok().out().contains("no errors were found"));
    }

    private static Set<String> ids(JsonNode arr) {
        Set<String> out = new TreeSet<>();
        arr.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    private List<String> lsPaths(String out) throws Exception {
        List<String> paths = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            JsonNode n = json.readTree(line);
            if (n.get("struct_type").asText().equals("node")) {
                paths.add(n.get("path").asText() + " " + n.get("type").asText() + " " + n.path("size").asLong()
                        + " " + n.get("mode").asLong() + " " + n.get("mtime").asText());
            }
        }
        return paths;
    }
}
