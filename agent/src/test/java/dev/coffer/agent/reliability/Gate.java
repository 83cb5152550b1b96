package dev.coffer.agent.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds a child coffer inside its run for as long as a test needs: a shell command (a
 * PRE_BACKUP_COMMAND, which the agent runs while holding its lock, or a backup's
 * {@code --stdin-from-command}) that waits until the test opens the gate. Opening it also ends the
 * waiting shells of a child that was killed.
 */
record Gate(Path dir) {
    Gate {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sh -c} text that waits for the gate, then runs {@code then} (may be empty). */
    String script(String then) {
        return "while [ ! -e '" + dir.resolve("open") + "' ]; do sleep 0.05; done" + (then.isEmpty() ? "" : "; " + then);
    }

    void open() throws IOException {
        if (!Files.exists(dir.resolve("open"))) {
            Files.createFile(dir.resolve("open"));
        }
    }
}
