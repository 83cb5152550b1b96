package dev.coffer.agent.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real restic binary on a repository string ({@code s3:http://...}, {@code rest:...}),
 * which {@link dev.coffer.repo.testing.Restic} cannot take because it wants a path. Without a
 * cache directory restic runs with {@code --no-cache}; with one, it keeps its cache there, as a
 * user's restic would. Fails (never skips) when restic is missing.
 */
final class Restic {
    static final String PASSWORD = "e2e password, not a secret";

    private final String repo;
    private final Path cwd;
    private final Map<String, String> env;
    private final Path cacheDir;

    Restic(String repo, Path cwd, Map<String, String> env, Path cacheDir) {
        this.repo = repo;
        this.cwd = cwd;
        this.env = Map.copyOf(env);
        this.cacheDir = cacheDir;
    }

    Restic(String repo, Path cwd, Map<String, String> env) {
        this(repo, cwd, env, null);
    }

    /** What one run did. */
    record Result(int exit, String out, String err, long millis) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("restic exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(dev.coffer.repo.testing.Restic.binary(), "-r", repo));
        if (cacheDir == null) {
            cmd.add("--no-cache");
        } else {
            cmd.addAll(List.of("--cache-dir", cacheDir.toString()));
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("RESTIC_REPOSITORY");
        pb.environment().remove("RESTIC_PASSWORD_FILE");
        pb.environment().put("RESTIC_PASSWORD", PASSWORD);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("restic-out", ".txt");
        Path err = Files.createTempFile("restic-err", ".txt");
        try {
            long start = System.nanoTime();
            Process p = pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic " + String.join(" ", args) + " did not finish in 3 minutes");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
