package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.app.Environment;
import dev.coffer.agent.keys.KeyManager;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository password is handed to commands as a char[] and wiped (all zero) once the key is
 * derived: after init, after opening (successfully or with a wrong password), after key add and
 * key passwd; and the new password given to a key change is wiped too.
 */
class PasswordWipeTest {
    @TempDir
    Path tmp;

    /** Every array handed out, to look at after the command. */
    private final List<char[]> handed = new ArrayList<>();

    private int run(String password, String... args) {
        Environment env = new Environment(Map.of("RESTIC_REPOSITORY", tmp.resolve("repo").toString()), "host", "user",
                1000, 1000, ProcessHandle.current().pid(), tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context ctx = new Context(env, Clock.systemUTC(), new SecureRandom(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), (e, file) -> {
                    char[] pw = password.toCharArray();
                    handed.add(pw);
                    return pw;
                });
        return Main.run(ctx, args);
    }

    private void assertAllWiped(String after) {
        assertTrue(!handed.isEmpty(), after + ": no password was asked for");
        for (char[] pw : handed) {
            assertEquals(new String(new char[pw.length]), new String(pw), after + ": the password array was not wiped");
        }
        handed.clear();
    }

    @Test
    void everyPasswordArrayIsZeroAfterTheCommand() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("f"), "x");
        Path newPw = Files.writeString(tmp.resolve("new-pw"), "second-password\n");
        assertEquals(0, run("first-password", "init"));
        assertAllWiped("init");
        assertEquals(0, run("first-password", "backup", src.toString()));
        assertAllWiped("backup");
        assertEquals(0, run("first-password", "snapshots"));
        assertAllWiped("snapshots");
        assertEquals(12, run("not-the-password", "snapshots"));
        assertAllWiped("snapshots with a wrong password");
        assertEquals(0, run("first-password", "key", "add", "--new-password-file", newPw.toString()));
        assertAllWiped("key add");
        Files.writeString(newPw, "third-password\n");
        assertEquals(0, run("second-password", "key", "passwd", "--new-password-file", newPw.toString()));
        assertAllWiped("key passwd");
        assertEquals(0, run("third-password", "check"));
        assertAllWiped("check");
    }

    @Test
    void keyManagerWipesTheNewPassword() throws Exception {
        char[] first = "first".toCharArray();
        Repository repo = Repository.init(new LocalBackend(tmp.resolve("r")), first, new ScryptParams(1024, 8, 1),
                new SecureRandom(), Clock.systemUTC(), "u", "h");
        char[] added = "added-password".toCharArray();
        KeyManager keys = new KeyManager(repo.backend(), repo.key(), repo.keyId(), new ScryptParams(1024, 8, 1),
                new SecureRandom(), Clock.systemUTC());
        keys.add(added, "u", "h");
        assertEquals(new String(new char[added.length]), new String(added));
        char[] changed = "changed-password".toCharArray();
        keys.changePassword(changed, "u", "h");
        assertEquals(new String(new char[changed.length]), new String(changed));
    }
}
