package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code coffer forget --prune} on repositories made by restic and by Coffer (six backups of a
 * changing folder, four of them forgotten): {@code restic check --read-data} passes, the kept
 * snapshots restore byte-identically to the folders they were made from, and the repository is
 * at most as large as after {@code restic forget --prune} on an identical copy.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PruneInteropTest {
    private static final String PW = "prune-interop";
    private static final int GENERATIONS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path src;
    /** Repository by maker ("restic", "coffer"). */
    private final Map<String, Path> repos = new HashMap<>();
    /** The source folder as it was at each generation's backup. */
    private final List<Path> kept = new ArrayList<>();
    private int copies;

    @BeforeAll
    void makeRepositories(@TempDir Path tmp) throws Exception {
        dir = tmp;
        src = tmp.resolve("src");
        Path byRestic = tmp.resolve("made-by-restic");
        Path byCoffer = tmp.resolve("made-by-coffer");
        Restic restic = new Restic(byRestic, PW);
        restic.run("init", "--repository-version", "2").ok();
        Cli coffer = new Cli(tmp, PW);
        coffer.run("-r", byCoffer.toString(), "init").ok();
        for (int g = 0; g < GENERATIONS; g++) {
            Generations.write(src, g, 700);
            Path copy = tmp.resolve("kept-" + g);
            RepoDirs.copy(src, copy);
            kept.add(copy);
            restic.run(tmp, "backup", "-q", "--host", "gen" + g, src.toString()).ok();
            coffer.run("-r", byCoffer.toString(), "backup", "-q", "--host", "gen" + g, src.toString()).ok();
        }
        repos.put("restic", byRestic);
        repos.put("coffer", byCoffer);
    }

    /** The blob count of prune's "to repack:" line. */
    private static long repacked(String pruneOut) {
        return Long.parseLong(pruneOut.lines().map(String::strip).filter(l -> l.startsWith("to repack: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'to repack' line in:\n" + pruneOut))
                .replaceAll("to repack: +([0-9]+) blobs.*", "$1"));
    }

        private Path copyOf(Path repo) throws Exception {
        Path c = dir.resolve("copy-" + copies++);
        RepoDirs.copy(repo, c);
        return c;
    }

    @ParameterizedTest(name = "made by {0}, --max-unused {1}")
    @CsvSource({"restic, 5%", "restic, 0", "coffer, 5%", "coffer, 0"})
    void forgetPruneKeepsWhatIsNeededAndReclaimsAtLeastAsMuchAsRestic(String maker, String maxUnused) throws Exception {
        Path ours = copyOf(repos.get(maker));
        Path theirs = copyOf(repos.get(maker));
        long before = RepoDirs.size(ours);
        String[] args = {"forget", "--group-by", "", "--keep-last", "2", "--prune", "--max-unused", maxUnused};

        Cli.Result r = new Cli(dir, PW).run(prepend("-r", ours.toString(), args)).ok();
        assertTrue(r.out().contains("4 snapshots have been removed, running prune\n"), r.out());
        assertTrue(r.out().contains("\nto repack: "), r.out());
        assertTrue(r.out().endsWith("done\n"), r.out());
        String restics = new Restic(theirs, PW).run(args).ok().out();
        // whether partly used packs exist depends on how the backups' workers filled their packs;
        // restic, pruning the same repository, says whether there are any to repack
        assertTrue(maxUnused.equals("5%") || (repacked(r.out()) > 0) == (repacked(restics) > 0),
                "--max-unused 0 repacks the partly used packs when restic does:\n" + r.out() + "\nrestic:\n" + restics);

        Restic check = new Restic(ours, PW);
        assertTrue(check.run("check", "--read-data").ok().out().contains("no errors were found"));
        JsonNode snapshots = JSON.readTree(check.run("snapshots", "--json").ok().out());
        assertEquals(2, snapshots.size());
        for (JsonNode sn : snapshots) {
            int g = Integer.parseInt(sn.get("hostname").asText().substring(3));
            assertTrue(g >= GENERATIONS - 2, "kept generation " + g);
            Path out = dir.resolve("restore-" + copies++);
            check.run("restore", sn.get("id").asText(), "--target", out.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(kept.get(g), out.resolve(src.getRoot().relativize(src)), false),
                    "snapshot of generation " + g);
        }
        assertEquals(List.of(), new Cli(dir, PW).run("-r", ours.toString(), "prune", "--max-unused", maxUnused)
                .ok().err().lines().filter(l -> !l.isBlank()).toList(), "a second prune runs cleanly");

        long coffer = RepoDirs.size(ours);
        long restic = RepoDirs.size(theirs);
        System.out.printf("prune of a repository made by %s, --max-unused %s: %d bytes before, %d after Coffer's prune,"
                + " %d after restic's%n", maker, maxUnused, before, coffer, restic);
        assertTrue(coffer < before * 3 / 4, "reclaimed something: " + before + " -> " + coffer);
        assertTrue(coffer <= restic, "Coffer left " + coffer + " bytes, restic " + restic);
    }

    private static String[] prepend(String a, String b, String[] rest) {
        String[] out = new String[rest.length + 2];
        out[0] = a;
        out[1] = b;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }
}
