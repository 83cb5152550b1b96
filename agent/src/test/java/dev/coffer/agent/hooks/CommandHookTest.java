package dev.coffer.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandHookTest {
    static final BackupPlan PLAN = new BackupPlan(List.of(Path.of("/data")), List.of());

    private static CommandHook hook(String pre, String post, Duration timeout) {
        return new CommandHook("db", Optional.ofNullable(pre), Optional.ofNullable(post), timeout,
                Map.of("APP_SETTING", "from-the-agent"));
    }

    @Test
    void commandsSeeTheJobPhaseStatusAndTheAgentsEnvironment(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CommandHook h = hook("echo \"$COFFER_PHASE $COFFER_JOB $APP_SETTING\" > " + out,
                "echo \"$COFFER_PHASE $COFFER_STATUS $COFFER_SNAPSHOT_ID\" >> " + out, Duration.ofSeconds(10));
        assertEquals(PLAN, h.before(PLAN));
        h.after(Outcome.success("4f2a9c1e"));
        assertEquals(List.of("pre db from-the-agent", "post success 4f2a9c1e"), Files.readAllLines(out));
    }

    @Test
    void aFailingPreCommandNamesItsExitCodeAndLastOutput() {
        HookException e = assertThrows(HookException.class, () -> hook("for i in 1 2 3 4 5 6 7; do echo line $i; done;"
                + " echo 'pg_dump: error: connection refused' >&2; exit 2", null, Duration.ofSeconds(10)).before(PLAN));
        assertTrue(e.getMessage().startsWith("PRE_BACKUP_COMMAND failed with exit code 2 (last output: line 4 | line 5"
                + " | line 6 | line 7 | pg_dump: error: connection refused)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the backup did not run"), e.getMessage());
    }

    @Test
    void aCommandOverItsTimeoutIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("survived");
        long t0 = System.nanoTime();
        HookException e = assertThrows(HookException.class, () -> hook(null, "(sleep 2; touch " + marker + ") & sleep 30",
                Duration.ofMillis(300)).after(Outcome.failure("x")));
        assertTrue((System.nanoTime() - t0) / 1e9 < 5);
        assertTrue(e.getMessage().contains("POST_BACKUP_COMMAND did not finish within"), e.getMessage());
        assertTrue(e.getMessage().contains("HOOK_TIMEOUT"), e.getMessage());
        Thread.sleep(2500);
        assertTrue(Files.notExists(marker), "the command's children were killed too");
    }

    @Test
    void interruptionKillsTheCommand() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                hook("sleep 30", null, Duration.ofMinutes(1)).before(PLAN);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        long t0 = System.nanoTime();
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(5000);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5);
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    }
}
