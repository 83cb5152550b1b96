package dev.coffer.agent.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the agent's settings: {@link ConfigLoader#load} over a fuzzed environment (every
 * variable: retention, durations, cron, URLs, ports, booleans, ntfy, hooks) and, when present, a
 * fuzzed {@code COFFER_CONFIG} jobs file. The result is an {@link AgentConfig} or one
 * {@link ConfigException} listing problems, nothing else; a loaded configuration also prints
 * ({@link ConfigPrinter}). Input: {@code NAME=value} lines; a line {@code ---} ends them and the
 * rest is the jobs file (YAML). Seeds: the settings of the example manifests and the README's jobs
 * file.
 */
@Tag("fuzz")
class EnvConfigFuzzTest {
    private static final Path JOBS_FILE = jobsFile();

    @FuzzTest
    void load(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf("\n---\n");
        String envText = split < 0 ? text : text.substring(0, split);
        Map<String, String> env = new HashMap<>();
        for (String line : envText.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        // never let the fuzzer point the loader at a file outside this test (/dev/zero, a FIFO)
        env.remove("COFFER_CONFIG");
        if (split >= 0) {
            Files.writeString(JOBS_FILE, text.substring(split + 5), StandardCharsets.UTF_8);
            env.put("COFFER_CONFIG", JOBS_FILE.toString());
        }
        AgentConfig config;
        try {
            config = new ConfigLoader(FileSystems.getDefault(), () -> "fuzz-host").load(env);
        } catch (ConfigException expected) {
            assertFalse(expected.problems().isEmpty(), "a ConfigException without problems");
            return;
        }
        assertNotNull(ConfigPrinter.render(config));
    }

    private static Path jobsFile() {
        try {
            Path p = Files.createTempFile("coffer-fuzz-jobs", ".yaml");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
