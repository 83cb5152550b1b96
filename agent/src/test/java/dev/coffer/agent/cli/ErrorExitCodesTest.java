package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.testing.Restic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error path prints one clear line and restic's exit code. */
class ErrorExitCodesTest {
    @TempDir
    Path tmp;

    @Test
    void wrongPasswordIsExit12WithOneLine() throws Exception {
        Path repo = tmp.resolve("repo");
        new Cli(tmp, "right").run("-r", repo.toString(), "init").ok();
        Cli.Result r = new Cli(tmp, "wrong").run("-r", repo.toString(), "snapshots");
        assertEquals(12, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("wrong password"), r.err());
        assertFalse(r.err().contains("right") || r.err().contains("wrong\n"), "password leaked: " + r.err());
    }

    @Test
    void missingRepositoryIsExit10() {
        Cli.Result r = new Cli(tmp, "pw").run("-r", tmp.resolve("nothing-here").toString(), "snapshots");
        assertEquals(10, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("coffer init"), r.err());
    }

    @Test
    void noRepositoryGivenIsExit1() {
        Cli.Result r = new Cli(tmp, "pw").run("snapshots");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("RESTIC_REPOSITORY"), r.err());
    }

    @Test
    void passwordFileIsRead() throws Exception {
        Path pwFile = Files.writeString(tmp.resolve("pw"), "from-file\n");
        Cli cli = new Cli(tmp, "ignored");
        cli.env.remove("RESTIC_PASSWORD");
        cli.run("-r", tmp.resolve("repo").toString(), "--password-file", pwFile.toString(), "init").ok();
        new Restic(tmp.resolve("repo"), "from-file").run("snapshots").ok();
        cli.env.put("RESTIC_PASSWORD_FILE", pwFile.toString());
        cli.env.put("RESTIC_REPOSITORY", tmp.resolve("repo").toString());
        cli.run("snapshots").ok();
    }

    @Test
    void unreadableFileIsReportedAndTheRestBackedUpWithExit3() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("ok.txt"), "readable");
        Path secret = Files.writeString(src.resolve("secret.txt"), "unreadable");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path repo = tmp.resolve("repo");
        Cli cli = new Cli(tmp, "pw");
        cli.run("-r", repo.toString(), "init").ok();
        Cli.Result r = cli.fork(true, "-r", repo.toString(), "backup", src.toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("secret.txt") && r.err().contains("permission denied"), r.err());
        Path out = tmp.resolve("out");
        new Restic(repo, "pw").run("restore", "latest", "--target", out.toString()).ok();
        Path restored = out.resolve(tmp.getRoot().relativize(src));
        assertEquals("readable", Files.readString(restored.resolve("ok.txt"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(restored.resolve("secret.txt")));
    }

    @Test
    void unknownFlagIsExit1WithHint() {
        Cli.Result r = new Cli(tmp, "pw").run("backup", "--no-such-flag", "x");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--help"), r.err());
    }
}
