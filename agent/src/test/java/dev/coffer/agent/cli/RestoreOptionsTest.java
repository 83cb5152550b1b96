package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.restore.MetadataWriter;
import dev.coffer.agent.restore.RestoreOptions;
import dev.coffer.agent.restore.RestoreResult;
import dev.coffer.agent.restore.Restorer;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restore's flags, with restic's restore of the same snapshot as the judge. */
class RestoreOptionsTest {
    private static final String PW = "pw";

    @TempDir
    Path tmp;
    Path repo;
    Path src;
    Cli coffer;

    @BeforeEach
    void backup() throws Exception {
        repo = tmp.resolve("repo");
        src = tmp.resolve("src");
        TestData.mixed(src, 5, 1);
        Files.write(src.resolve("sparse.img"), new byte[3 << 20]);
        coffer = new Cli(tmp, PW);
        coffer.run("-r", repo.toString(), "init").ok();
        coffer.run("-r", repo.toString(), "backup", src.toString()).ok();
    }

    private List<String> tree(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> out.add(root.relativize(p).toString()));
        }
        out.sort(null);
        return out;
    }

    private void compareWithRestic(String snapshotArg, String... flags) throws Exception {
        Path ours = tmp.resolve("ours" + System.nanoTime());
        Path theirs = tmp.resolve("theirs" + System.nanoTime());
        List<String> a = new ArrayList<>(List.of("-r", repo.toString(), "restore", snapshotArg, "--target", ours.toString()));
        a.addAll(List.of(flags));
        coffer.run(a.toArray(String[]::new)).ok();
        List<String> b = new ArrayList<>(List.of("restore", snapshotArg, "--target", theirs.toString()));
        b.addAll(List.of(flags));
        new Restic(repo, PW).run(b.toArray(String[]::new)).ok();
        assertEquals(tree(theirs), tree(ours), String.join(" ", flags));
    }

    @Test
    void includeExcludeAndSubfolderSelectWhatResticSelects() throws Exception {
        String inner = src.toString();
        compareWithRestic("latest", "--include", inner + "/docs/deep");
        compareWithRestic("latest", "--exclude", "*.dat", "--exclude", "private");
        compareWithRestic("latest", "--include", "*.txt");
        // restic 0.14 has no SNAPSHOT:subfolder; it must equal that folder of a full restore
        Path ours = tmp.resolve("sub");
        coffer.run("-r", repo.toString(), "restore", "latest:" + inner + "/docs", "--target", ours.toString()).ok();
        Path theirs = tmp.resolve("full");
        new Restic(repo, PW).run("restore", "latest", "--target", theirs.toString()).ok();
        Path docs = theirs.resolve(tmp.getRoot().relativize(src)).resolve("docs");
        assertEquals(tree(docs), tree(ours));
        assertEquals(List.of(), dev.coffer.repo.testing.TreeCompare.diff(docs, ours, false));
    }

    @Test
    void verifyPassesAndCatchesAFileAlteredAfterRestore() throws Exception {
        Path out = tmp.resolve("out");
        Cli.Result r = coffer.run("-r", repo.toString(), "restore", "latest", "--verify", "--target", out.toString()).ok();
        assertTrue(r.out().contains("verified"), r.out());
        Path restored = out.resolve(tmp.getRoot().relativize(src));
        Path victim = restored.resolve("docs/log.txt");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[1000] ^= 1;
        Files.write(victim, bytes);
        Repository opened = Repository.open(new dev.coffer.repo.backend.LocalBackend(repo), PW.toCharArray(), new SecureRandom());
        opened.loadIndex();
        Snapshot s = opened.listSnapshots().get(0);
        RestoreResult check = new Restorer(opened, 2, new MetadataWriter(false), RestoreOptions.DEFAULT).verifyOnly(s.file().tree(), out);
        assertEquals(1, check.errors().size(), check.errors().toString());
        assertTrue(check.errors().get(0).contains("log.txt"));
    }

    @Test
    void sparseRestoreLeavesHoles() throws Exception {
        Path out = tmp.resolve("sparse");
        coffer.run("-r", repo.toString(), "restore", "latest", "--sparse", "--target", out.toString()).ok();
        Path img = out.resolve(tmp.getRoot().relativize(src)).resolve("sparse.img");
        assertEquals(3 << 20, Files.size(img));
        Process p = new ProcessBuilder("stat", "-c", "%b", img.toString()).start();
        long blocks = Long.parseLong(new String(p.getInputStream().readAllBytes()).strip());
        assertTrue(blocks * 512 < (1 << 20), "allocated " + blocks * 512 + " bytes for 3 MiB of zeros");
    }

    @Test
    void unknownSubfolderIsAClearError() {
        Cli.Result r = coffer.run("-r", repo.toString(), "restore", "latest:/no/such/dir", "--target", tmp.resolve("x").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("is not a folder"), r.err());
    }
}
