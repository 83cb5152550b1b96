package dev.coffer.agent.cli;

import dev.coffer.agent.app.Environment;
import dev.coffer.repo.testing.Restic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Byte-exact runs of coffer and restic, and other tools, for the read-command tests. */
final class Tools {
    private Tools() {
    }

    /** Runs a command in {@code dir}; asserts exit 0 and returns its stdout. A missing tool fails. */
    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        return new String(bytes(dir, Map.of(), cmd), StandardCharsets.UTF_8);
    }

    static byte[] bytes(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("tool-out", ".bin");
        Path err = Files.createTempFile("tool-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + Files.readString(err));
            }
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** restic's exact stdout bytes (for binary output); asserts exit 0. */
    static byte[] restic(Path repo, String password, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Restic.binary(), "-r", repo.toString(), "--no-cache"));
        cmd.addAll(List.of(args));
        return bytes(repo.getParent(), Map.of("RESTIC_PASSWORD", password), cmd.toArray(String[]::new));
    }

    /** coffer's exact stdout bytes, run in-process as {@link Cli#run} does; asserts exit 0. */
    static byte[] coffer(Cli cli, String... args) {
        Environment e = new Environment(Map.copyOf(cli.env), "testhost", "tester", Cli.uid(), 0, ProcessHandle.current().pid(), cli.cwd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context ctx = new Context(e, Clock.systemDefaultZone(), new SecureRandom(), new PrintStream(out, true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, args);
        if (code != 0) {
            throw new AssertionError("coffer " + String.join(" ", args) + " exited " + code + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
