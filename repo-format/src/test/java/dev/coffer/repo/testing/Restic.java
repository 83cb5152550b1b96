package dev.coffer.repo.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real restic binary, the oracle for format compatibility. Fails (never skips) when restic
 * is not installed: install it with {@code apt-get install -y restic}.
 */
public final class Restic {
    private final String repo;
    private final String password;
    private final Map<String, String> extraEnv;
    private final Path cwd;

    public Restic(Path repo, String password) {
        this(repo, password, Map.of());
    }

    public Restic(Path repo, String password, Map<String, String> extraEnv) {
        this(repo.toString(), password, extraEnv, repo.getParent() != null ? repo.getParent() : Path.of("/"));
    }

    /**
     * A repository named by a string restic parses ({@code s3:http://host:port/bucket}, {@code rest:...}),
     * run in {@code cwd} unless a call names another folder.
     */
    public Restic(String repository, String password, Map<String, String> extraEnv, Path cwd) {
        this.repo = repository;
        this.password = password;
        this.extraEnv = Map.copyOf(extraEnv);
        this.cwd = cwd;
    }

    /** What a run printed and its exit code. */
    public record Result(int exit, String out, String err) {
        public Result ok() {
            if (exit != 0) {
                throw new AssertionError("restic exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    public static String binary() {
        for (String p : new String[] {"/usr/bin/restic", "/usr/local/bin/restic"}) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        throw new AssertionError("restic is not installed; the compatibility tests need it: apt-get install -y restic");
    }

    /** Runs {@code restic -r REPO args...} in {@code cwd}. */
    public Result run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.add("-r");
        cmd.add(repo);
        cmd.add("--no-cache");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("RESTIC_PASSWORD", password);
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile("restic-out", ".txt");
        Path err = Files.createTempFile("restic-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic " + String.join(" ", args) + " timed out");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return run(cwd, args);
    }
}
