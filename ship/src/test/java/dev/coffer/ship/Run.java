package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to its end, capturing its output; a command that hangs fails the test. */
final class Run {
    /** What a finished command gave. */
    record Result(List<String> command, int exitCode, String out, String err) {
        /** Fails the test unless the exit code is 0; returns this. */
        Result ok() {
            if (exitCode != 0) {
                fail(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run() {
    }

    /**
     * Runs {@code command} in {@code dir}; {@code env} replaces the whole environment when
     * {@code clearEnv}, else is added to this process's.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, boolean clearEnv, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (clearEnv) {
            pb.environment().clear();
        }
        pb.environment().putAll(env);
        Path out = Files.createTempFile("ship-run", ".out");
        Path err = Files.createTempFile("ship-run", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile()));
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
            }
            return new Result(List.copyOf(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs with this process's environment plus {@code env}, in the project root. */
    static Result run(Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        return run(List.of(command), Project.root(), env, false, timeout);
    }
}
