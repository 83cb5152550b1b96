package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every error path of key, unlock, cat, tag, dump, find, diff and stats: one line on stderr, restic's exit code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadCommandErrorsTest {
    private static final String A64 = "a".repeat(64);
    private Path tmp;
    private SmallRepo repo;
    private String ambiguousSnapshot;
    private String ambiguousKey;

    @BeforeAll
    void makeRepository(@TempDir Path dir) throws Exception {
        tmp = dir;
        repo = new SmallRepo(dir);
        ambiguousSnapshot = repo.ambiguousSnapshotPrefix();
        ambiguousKey = repo.ambiguousKeyPrefix();
    }

    /** Asserts the exit code and a single stderr line containing {@code text}. */
    private void fails(int exit, String text, String... args) {
        Cli.Result r = repo.run(args);
        assertEquals(exit, r.exit(), String.join(" ", args) + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(text), "'" + text + "' in: " + r.err());
    }

    /** Asserts success with one warning line on stderr. */
    private void warns(String text, String... args) {
        Cli.Result r = repo.run(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().strip().lines().anyMatch(l -> l.equals(text)), "'" + text + "' in: " + r.err());
    }

    @Test
    void cat() {
        fails(1, "cat foo is not supported; use one of config, masterkey", "--no-lock", "cat", "foo");
        fails(1, "cat index needs an ID", "--no-lock", "cat", "index");
        fails(1, "cat index needs a full 64-character id, not 'abc'", "--no-lock", "cat", "index", "abc");
        fails(1, "index/" + A64 + " does not exist", "--no-lock", "cat", "index", A64);
        fails(1, "blob " + A64 + " is not in the index", "--no-lock", "cat", "blob", A64);
        fails(1, "no snapshot matches 'zz'", "--no-lock", "cat", "snapshot", "zz");
        fails(1, "snapshot prefix '" + ambiguousSnapshot + "' is ambiguous", "--no-lock", "cat", "snapshot", ambiguousSnapshot);
        fails(1, "'/nope' is not a folder in that snapshot", "--no-lock", "cat", "tree", "latest:/nope");
    }

    @Test
    void key() throws Exception {
        fails(1, "key needs one of list, add, remove ID, passwd", "key");
        fails(1, "key needs one of list, add, remove ID, passwd", "key", "bogus");
        fails(1, "key remove needs the ID of the key to remove", "key", "remove");
        fails(1, "key list takes no further arguments", "key", "list", "extra");
        String current = repo.open().keyId().hex();
        fails(1, "refusing to remove key " + current.substring(0, 8) + ": it is the key this session uses", "key", "remove", current);
        fails(1, "no key matches \"zz\"; list them with 'coffer key list'", "key", "remove", "zz");
        fails(1, "key prefix \"" + ambiguousKey + "\" is ambiguous", "key", "remove", ambiguousKey);
        fails(1, "new password file " + tmp.resolve("missing") + " does not exist", "key", "add", "--new-password-file",
                tmp.resolve("missing").toString());
        Path empty = Files.writeString(tmp.resolve("empty"), " \n");
        fails(1, "is empty; an empty password is not allowed", "key", "passwd", "--new-password-file", empty.toString());
        fails(1, "no new password given: pass --new-password-file FILE", "key", "add");
        Cli wrong = new Cli(tmp, "wrong");
        Cli.Result r = wrong.run("-r", repo.repo.toString(), "key", "list");
        assertEquals(12, r.exit(), r.err());
    }

    @Test
    void dump() {
        fails(1, "unknown archive format \"rar\": use tar or zip", "--no-lock", "dump", "--archive", "rar", "latest", "/");
        fails(1, "cannot dump file: path \"/nope\" not found in snapshot; see 'coffer ls latest'", "--no-lock", "dump", "latest", "/nope");
        fails(1, "should be a dir, but is a \"file\"", "--no-lock", "dump", "latest", tmp.resolve("src/dir/file.txt/x").toString());
        fails(1, "should be a file, but is a \"symlink\"", "--no-lock", "dump", "latest", tmp.resolve("src/dir/link").toString());
        fails(1, "no snapshot matches 'zz'", "--no-lock", "dump", "zz", "/");
        fails(1, "Missing required parameter: 'PATH'", "--no-lock", "dump", "latest");
    }

    @Test
    void statsTagAndFindWarnAboutUnknownSnapshotsLikeRestic() {
        fails(1, "unknown counting mode: bogus", "--no-lock", "stats", "--mode", "bogus");
        warns("Ignoring \"zz\": no matching ID found for prefix \"zz\"", "--no-lock", "stats", "zz");
        warns("Ignoring \"" + ambiguousSnapshot + "\": multiple IDs with prefix \"" + ambiguousSnapshot + "\" found", "--no-lock",
                "stats", ambiguousSnapshot);
        warns("Ignoring \"zz\": no matching ID found for prefix \"zz\"", "--no-lock", "find", "-s", "zz", "*");
        warns("Ignoring \"latest\", no snapshot matched given filter (Paths:[] Tags:[] Hosts:[nohost])", "--no-lock", "stats",
                "--host", "nohost", "latest");
        warns("Ignoring filters as there are explicit snapshot ids given", "--no-lock", "stats", "--host", "x", ambiguousSnapshot);
        warns("Ignoring \"zz\": no matching ID found for prefix \"zz\"", "--no-lock", "tag", "--add", "x", "zz");
    }

    @Test
    void tagFindAndDiffUsage() {
        fails(1, "nothing to do: give --set, --add or --remove", "tag", "latest");
        fails(1, "--set and --add/--remove cannot be given at the same time", "tag", "--set", "a", "--remove", "b");
        fails(1, "syntax error in pattern [: check its brackets and backslashes", "--no-lock", "find", "[");
        fails(1, "unable to parse time: \"bogus\"", "--no-lock", "find", "--oldest", "bogus", "x");
        fails(1, "Missing required parameter: 'PATTERN'", "--no-lock", "find");
        fails(1, "Missing required parameter: 'SNAPSHOT2'", "--no-lock", "diff", "latest");
        fails(1, "no snapshot matches 'zz'", "--no-lock", "diff", "latest", "zz");
        fails(1, "is ambiguous", "--no-lock", "diff", ambiguousSnapshot, "latest");
        fails(1, "invalid duration '5x': use a number with a unit, like 30s, 5m or 1h30m", "--retry-lock", "5x", "stats");
    }

    @Test
    void missingRepositoryIsExit10() {
        Cli.Result r = repo.cli.run("-r", tmp.resolve("nothing").toString(), "unlock");
        assertEquals(10, r.exit(), r.err());
        r = repo.cli.run("-r", tmp.resolve("nothing").toString(), "stats");
        assertEquals(10, r.exit(), r.err());
    }
}
