package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.testing.Restic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code coffer forget} against {@code restic forget} 0.14 on one repository of 36 snapshots: four
 * made by {@code restic backup} (two hosts, one and two paths, tags), the others copies of them
 * at earlier times in several UTC offsets. Decisions, JSON and text must be restic's.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgetCommandTest {
    private static final String PW = "forget-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path base;
    private Path work;
    private int copies;

    @BeforeAll
    void createRepository(@TempDir Path dir) throws Exception {
        work = dir;
        Path a = Files.createDirectories(dir.resolve("src/a"));
        Path b = Files.createDirectories(dir.resolve("src/b"));
        Files.writeString(a.resolve("file"), "alpha");
        Files.writeString(b.resolve("file"), "beta");
        base = dir.resolve("base");
        Restic restic = new Restic(base, PW);
        restic.run("init", "--repository-version", "2").ok();
        restic.run(dir, "backup", "-q", "--time", "2023-06-30 23:30:00", "--host", "h1", a.toString()).ok();
        restic.run(dir, "backup", "-q", "--time", "2023-06-29 12:00:00", "--host", "h1", a.toString(), b.toString()).ok();
        restic.run(dir, "backup", "-q", "--time", "2023-06-28 08:00:00", "--host", "h2", "--tag", "t1", b.toString()).ok();
        restic.run(dir, "backup", "-q", "--time", "2023-06-27 06:00:00", "--host", "h2", "--tag", "t1,t2", a.toString()).ok();
        Repository repo = Repository.open(new LocalBackend(base), PW.toCharArray(), new SecureRandom());
        List<Snapshot> real = repo.listSnapshots();
        ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30)};
        for (int i = 0; i < real.size(); i++) {
            SnapshotFile f = real.get(i).file();
            for (int k = 1; k <= 8; k++) {
                OffsetDateTime t = f.time().minusDays(k * k * 3L + i).minusHours(k * 5L)
                        .withOffsetSameInstant(offsets[(i + k) % offsets.length]);
                repo.saveSnapshot(new SnapshotFile(t, f.parent(), f.tree(), f.paths(), f.hostname(), f.username(), f.uid(),
                        f.gid(), f.excludes(), f.tags(), f.original(), f.programVersion(), f.summary()));
            }
        }
        assertEquals(36, RepoDirs.names(base, "snapshots").size());
    }

    /** A fresh copy of the repository. */
    private Path copy() throws Exception {
        Path c = work.resolve("copy-" + copies++);
        RepoDirs.copy(base, c);
        return c;
    }

    private Cli.Result coffer(Path repo, String... args) {
        List<String> all = new ArrayList<>(List.of("-r", repo.toString()));
        all.addAll(Arrays.asList(args));
        return new Cli(work, PW).run(all.toArray(String[]::new));
    }

    private static Restic.Result restic(Path repo, String... args) throws Exception {
        return new Restic(repo, PW).run(args);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--keep-last 3",
        "--keep-daily 2 --keep-weekly 3 --keep-monthly 2",
        "--keep-within 20d --keep-yearly 1",
        "--group-by host --keep-hourly 5 --keep-monthly 1",
        "--group-by tags --keep-tag t2 --keep-last 1",
        "--host h2 --keep-within-daily 1m --keep-weekly 1",
        "--tag t1 --group-by host,tags --keep-monthly 2",
        "--group-by= --keep-weekly 4"})
    void jsonGroupsAreRestics(String flags) throws Exception {
        String[] args = concat(new String[] {"forget", "--dry-run", "--json"}, flags.split(" "));
        String ours = coffer(base, args).ok().out();
        String theirs = restic(base, args).ok().out();
        assertEquals(groups(theirs), groups(ours));
        Set<String> all = new TreeSet<>();
        for (JsonNode g : JSON.readTree(ours)) {
            g.path("keep").forEach(sn -> assertTrue(all.add(sn.get("id").asText())));
            g.path("remove").forEach(sn -> assertTrue(all.add(sn.get("id").asText())));
        }
        assertFalse(all.isEmpty());
        assertEquals(36, RepoDirs.names(base, "snapshots").size(), "a dry run deletes nothing");
    }

    /** Each group of a forget --json output, re-serialised, by (host, paths, tags). */
    private static Map<String, String> groups(String output) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode g : JSON.readTree(output)) {
            m.put(g.get("host") + " " + g.get("paths") + " " + g.get("tags"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(g));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--group-by host --host h1 --keep-last 2 --keep-monthly 3",
        "--group-by host --host h2 --keep-within 10d --keep-tag t2",
        "-c --group-by host --host h2 --keep-weekly 2",
        "-v --group-by host,tags --tag t2 --keep-daily 1",
        "--group-by= --keep-last 1"})
    void textIsRestics(String flags) throws Exception {
        String[] args = concat(new String[] {"forget", "--dry-run"}, flags.split(" "));
        assertEquals(restic(base, args).ok().out(), coffer(base, args).ok().out());
    }

    @Test
    void withoutAPolicyNothingIsRemoved() throws Exception {
        Path repo = copy();
        Cli.Result ours = coffer(repo, "forget").ok();
        assertEquals("no policy was specified, no snapshots will be removed\n", ours.out());
        assertEquals(restic(base, "forget", "--dry-run").ok().out(), ours.out());
        assertEquals("", coffer(repo, "forget", "--json").ok().out());
        assertEquals(36, RepoDirs.names(repo, "snapshots").size());
    }

    @Test
    void forgetRemovesExactlyWhatResticRemoves() throws Exception {
        Path ours = copy();
        Path theirs = copy();
        String[] args = {"forget", "--keep-daily", "3", "--keep-monthly", "2", "--keep-tag", "t2"};
        Cli.Result r = coffer(ours, args).ok();
        restic(theirs, args).ok();
        assertEquals(RepoDirs.names(theirs, "snapshots"), RepoDirs.names(ours, "snapshots"));
        assertTrue(RepoDirs.names(ours, "snapshots").size() < 36);
        assertTrue(r.out().startsWith("Applying Policy: keep 3 daily, 2 monthly snapshots and all snapshots with tags [[t2]]\n"), r.out());
        assertEquals(Set.of(), RepoDirs.names(ours, "locks"), "the exclusive lock is gone");
        assertTrue(restic(ours, "check").ok().out().contains("no errors were found"));
    }

    @Test
    void explicitIdsAreRemovedWhateverThePolicy() throws Exception {
        Path repo = copy();
        List<String> ids = new ArrayList<>(RepoDirs.names(repo, "snapshots"));
        Cli.Result dry = coffer(repo, "forget", "--dry-run", ids.get(0).substring(0, 10), ids.get(1), "deadbeef").ok();
        assertEquals(36, RepoDirs.names(repo, "snapshots").size());
        assertEquals("Would have removed the following snapshots:\n{" + ids.get(0).substring(0, 8) + " "
                + ids.get(1).substring(0, 8) + "}\n\n", dry.out());
        assertTrue(dry.err().contains("Ignoring \"deadbeef\": no matching ID found for prefix \"deadbeef\""), dry.err());

        coffer(repo, "forget", ids.get(0).substring(0, 10), ids.get(1)).ok();
        Set<String> left = RepoDirs.names(repo, "snapshots");
        assertEquals(34, left.size());
        assertFalse(left.contains(ids.get(0)) || left.contains(ids.get(1)));

        Cli.Result latest = coffer(repo, "forget", "--host", "h2", "latest").ok();
        assertEquals(33, RepoDirs.names(repo, "snapshots").size());
        assertEquals("", latest.err(), "the filter picked latest, so it was used");
    }

    @Test
    void removingEverythingNeedsTheUnsafeFlagAndAFilter() throws Exception {
        Path repo = copy();
        Cli.Result refused = coffer(repo, "forget", "--unsafe-allow-remove-all");
        assertEquals(ExitCodes.FAILED, refused.exit());
        assertTrue(refused.err().contains("snapshot filter"), refused.err());
        assertEquals(36, RepoDirs.names(repo, "snapshots").size());

        coffer(repo, "forget", "--unsafe-allow-remove-all", "--host", "h2").ok();
        String h1 = restic(repo, "snapshots", "--json").ok().out();
        JsonNode left = JSON.readTree(h1);
        assertEquals(18, left.size());
        left.forEach(sn -> assertEquals("h1", sn.get("hostname").asText()));
    }

    @Test
    void noLockOnlyWithDryRun() throws Exception {
        Cli.Result r = coffer(base, "--no-lock", "forget", "--keep-last", "1");
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.err().contains("--no-lock is only applicable in combination with --dry-run"), r.err());
        Cli.Result dry = coffer(base, "--no-lock", "forget", "--keep-last", "1", "--dry-run").ok();
        assertNotEquals("", dry.out());
        assertEquals(36, RepoDirs.names(base, "snapshots").size());
    }
}
