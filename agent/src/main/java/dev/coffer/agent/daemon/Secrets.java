package dev.coffer.agent.daemon;

import dev.coffer.agent.config.AgentConfig;
import dev.coffer.agent.config.JobConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Every secret value the agent knows, for scrubbing logs and notifications. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * The configuration's secrets ({@link AgentConfig#secretValues()}) plus the passwords held in
     * RESTIC_PASSWORD_FILE files (read now; a file that cannot be read adds nothing). Never print.
     */
    public static Set<String> of(AgentConfig config) {
        Set<String> out = new HashSet<>(config.secretValues());
        for (JobConfig job : config.jobs()) {
            job.passwordFile().ifPresent(f -> read(f, out));
        }
        out.removeIf(String::isBlank);
        return Set.copyOf(out);
    }

    private static void read(Path file, Set<String> out) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            out.add(s.replaceAll("[\\r\\n]+$", ""));
        } catch (IOException | RuntimeException e) {
            // the run reports an unreadable password file itself
        }
    }
}
