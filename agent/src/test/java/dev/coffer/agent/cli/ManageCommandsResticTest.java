package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tag, key and unlock change repositories the way restic 0.14 does (run side by side on copies
 * of one repository), and the read commands agree with restic on a repository coffer made.
 */
@Tag("slow")
class ManageCommandsResticTest {
    private static final String PW = TwoSnapshots.PW;
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Cli.Result coffer(Cli cli, Path repo, String... args) {
        List<String> all = new ArrayList<>(List.of("-r", repo.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private static Path copy(Path from, Path to) throws Exception {
        Tools.run(from.getParent(), "cp", "-a", from.toString(), to.toString());
        return to;
    }

    private String pathOf(Restic restic) throws Exception {
        return json.readTree(restic.run("snapshots", "--json").ok().out()).get(0).get("paths").get(0).asText();
    }

    /** The snapshots' contents without their (random) storage ids, oldest first. */
    private List<String> snapshotsWithoutIds(Restic restic) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : json.readTree(restic.run("snapshots", "--json").ok().out())) {
            ObjectNode o = (ObjectNode) n;
            o.remove("id");
            o.remove("short_id");
            out.add(o.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void tagRewritesSnapshotsAsResticDoes() throws Exception {
        TwoSnapshots base = TwoSnapshots.byRestic(tmp);
        Path theirs = copy(base.repo, tmp.resolve("theirs"));
        Restic resticTheirs = new Restic(theirs, PW);
        Restic resticOurs = new Restic(base.repo, PW);
        Cli cli = new Cli(tmp, PW);
        List<List<String>> steps = List.of(
                List.of("tag", "--add", "a,b", "--add", "c", base.ids.get(0)),
                List.of("tag", "--remove", "one", "--remove", "a", "--tag", "one"),
                List.of("tag", "--add", "z", "latest"),
                List.of("tag", "--set", "x,y", "--host", "web"),
                List.of("tag", "--remove", "nothing-like-this"),
                List.of("tag", "--add", "by-path", "--path", pathOf(resticTheirs)));
        for (List<String> step : steps) {
            String[] args = step.toArray(String[]::new);
            String expected = resticTheirs.run(tmp, args).ok().out();
            assertEquals(expected, coffer(cli, base.repo, args).ok().out(), String.join(" ", step));
            assertEquals(snapshotsWithoutIds(resticTheirs), snapshotsWithoutIds(resticOurs), "after " + String.join(" ", step));
        }
        assertTrue(snapshotsWithoutIds(resticOurs).get(0).contains("\"original\":\"" + base.ids.get(0) + "\""));
        assertTrue(resticOurs.run("check").ok().out().contains("no errors were found"));
        coffer(cli, base.repo, "tag", "--set", "", "latest").ok();
        assertTrue(json.readTree(resticOurs.run("snapshots", "--json", "latest").ok().out()).get(0).path("tags").isMissingNode(),
                "--set '' clears the tags");
    }

    @Test
    void keysAddedAndChangedOpenWithRestic() throws Exception {
        TwoSnapshots base = TwoSnapshots.byRestic(tmp);
        Path repo = base.repo;
        Cli cli = new Cli(tmp, PW);
        Files.writeString(tmp.resolve("pw2"), "second password\n");
        String added = coffer(cli, repo, "key", "add", "--new-password-file", tmp.resolve("pw2").toString(), "--user", "alice",
                "--host", "box").ok().out();
        assertTrue(added.startsWith("saved new key as <Key of alice@box, created on "), added);
        Restic second = new Restic(repo, "second password");
        JsonNode theirs = json.readTree(second.run("key", "list", "--json").ok().out());
        assertEquals(2, theirs.size());
        JsonNode ours = json.readTree(coffer(cli, repo, "key", "list", "--json").ok().out());
        assertEquals(keySet(json.readTree(new Restic(repo, PW).run("key", "list", "--json").ok().out())), keySet(ours));
        assertEquals(lines(new Restic(repo, PW).run("key", "list").ok().out()), lines(coffer(cli, repo, "key", "list").ok().out()));

        String current = currentKey(ours);
        Cli.Result refused = coffer(cli, repo, "key", "remove", current);
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("refusing to remove key " + current), refused.err());

        Files.writeString(tmp.resolve("pw3"), "third password");
        Cli viaSecond = new Cli(tmp, "second password");
        coffer(viaSecond, repo, "key", "passwd", "--new-password-file", tmp.resolve("pw3").toString()).ok();
        assertNotEquals(0, second.run("snapshots").exit(), "the old password no longer opens the repository");
        Restic third = new Restic(repo, "third password");
        assertEquals(2, json.readTree(third.run("snapshots", "--json").ok().out()).size());

        String firstKey = currentKey(json.readTree(coffer(cli, repo, "key", "list", "--json").ok().out()));
        Cli viaThird = new Cli(tmp, "third password");
        String removed = coffer(viaThird, repo, "key", "remove", firstKey).ok().out();
        assertTrue(removed.startsWith("removed key " + firstKey), removed);
        assertNotEquals(0, new Restic(repo, PW).run("snapshots").exit());
        JsonNode left = json.readTree(third.run("key", "list", "--json").ok().out());
        assertEquals(1, left.size());
        Cli.Result last = coffer(viaThird, repo, "key", "remove", left.get(0).get("id").asText());
        assertEquals(1, last.exit());
        assertTrue(last.err().contains("refusing to remove key"), last.err());
    }

    private static Set<String> keySet(JsonNode arr) {
        Set<String> s = new TreeSet<>();
        arr.forEach(n -> s.add(n.toString()));
        return s;
    }

    private static Set<String> lines(String table) {
        return new TreeSet<>(List.of(table.split("\n")));
    }

    private static String currentKey(JsonNode arr) {
        for (JsonNode n : arr) {
            if (n.get("current").asBoolean()) {
                return n.get("id").asText();
            }
        }
        throw new AssertionError("no current key in " + arr);
    }

    @Test
    void unlockRemovesTheLocksResticRemoves() throws Exception {
        TwoSnapshots base = TwoSnapshots.byRestic(tmp);
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Process alive = new ProcessBuilder("sh", "-c", "trap '' HUP; exec sleep 120").start();
        try {
            Repository r = Repository.open(new LocalBackend(base.repo), PW.toCharArray(), new SecureRandom());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Id old = lock(r, now.minusMinutes(31), "other-host", alive.pid());
            Id deadLock = lock(r, now.minusMinutes(1), host, dead.pid());
            Id live = lock(r, now.minusMinutes(1), host, alive.pid());
            Id remote = lock(r, now.minusMinutes(29), "other-host", dead.pid());
            Path theirs = copy(base.repo, tmp.resolve("theirs"));
            new Restic(theirs, PW).run("unlock").ok();
            Cli cli = new Cli(tmp, PW);
            Cli.Result ours = cli.fork(false, "-r", base.repo.toString(), "unlock");
            assertEquals(0, ours.exit(), ours.err());
            assertEquals("successfully removed locks\n", ours.out());
            assertEquals(Set.of(live.hex(), remote.hex()), locks(theirs));
            assertEquals(locks(theirs), locks(base.repo));
            assertTrue(Set.of(old.hex(), deadLock.hex()).stream().noneMatch(locks(base.repo)::contains));
            coffer(cli, base.repo, "unlock", "--remove-all").ok();
            assertEquals(Set.of(), locks(base.repo));
        } finally {
            alive.destroy();
        }
    }

    private static Id lock(Repository r, OffsetDateTime time, String host, long pid) throws Exception {
        return r.saveUnpacked(FileType.LOCK, new LockFile(time, false, host, "someone", pid, 0, 0).encode());
    }

    private static Set<String> locks(Path repo) throws Exception {
        try (Stream<Path> s = Files.list(repo.resolve("locks"))) {
            Set<String> out = new TreeSet<>();
            s.forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }

    @Test
    void readCommandsAgreeWithResticOnARepositoryCofferMade() throws Exception {
        TwoSnapshots t = TwoSnapshots.byCoffer(tmp);
        Restic restic = new Restic(t.repo, PW);
        Cli cli = new Cli(tmp, PW);
        String a = t.ids.get(0);
        String b = t.ids.get(1);
        List<List<String>> commands = List.of(
                List.of("diff", a, b), List.of("diff", "--json", "--metadata", a, b),
                List.of("stats"), List.of("stats", "--mode", "raw-data", "--json"), List.of("stats", "--mode", "files-by-contents", b),
                List.of("stats", "--mode", "blobs-per-file", a),
                List.of("find", "-s", b, "--json", "*.txt", "link", "dup*"), List.of("find", "-s", a, "-l", "**/deep/*", "empty"),
                List.of("cat", "config"));
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(List.of("--no-lock"));
            args.addAll(c);
            String[] arr = args.toArray(String[]::new);
            assertEquals(restic.run(tmp, arr).ok().out(), coffer(cli, t.repo, arr).ok().out(), String.join(" ", c));
        }
        String theirSnapshot = restic.run("cat", "snapshot", b).ok().out();
        ObjectNode ourSnapshot = (ObjectNode) json.readTree(coffer(cli, t.repo, "cat", "snapshot", b).ok().out());
        assertTrue(ourSnapshot.has("summary") && ourSnapshot.has("program_version"),
                "coffer shows the fields restic 0.17 added, which restic 0.14 does not know");
        ourSnapshot.remove(List.of("summary", "program_version"));
        assertEquals(json.readTree(theirSnapshot), ourSnapshot);
        String file = t.src + "/docs/a.txt";
        assertEquals(new String(Tools.restic(t.repo, PW, "dump", b, file)), new String(Tools.coffer(cli, "-r", t.repo.toString(), "dump", b, file)));
        Path theirs = tmp.resolve("r.tar");
        Path ours = tmp.resolve("c.tar");
        Files.write(theirs, Tools.restic(t.repo, PW, "dump", a, t.src.toString()));
        Files.write(ours, Tools.coffer(cli, "-r", t.repo.toString(), "dump", a, t.src.toString()));
        assertEquals(Tools.run(tmp, "tar", "--numeric-owner", "--full-time", "-tvvf", theirs.toString()),
                Tools.run(tmp, "tar", "--numeric-owner", "--full-time", "-tvvf", ours.toString()));
    }
}
