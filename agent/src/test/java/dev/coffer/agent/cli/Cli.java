package dev.coffer.agent.cli;

import dev.coffer.agent.app.Environment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs coffer commands in-process (fast) or in a child JVM (for exit codes and privileges). */
final class Cli {
    final Path cwd;
    final Map<String, String> env = new HashMap<>();

    Cli(Path cwd, String password) {
        this.cwd = cwd;
        env.put("RESTIC_PASSWORD", password);
    }

    record Result(int exit, String out, String err) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("coffer exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    Result run(String... args) {
        Environment e = new Environment(Map.copyOf(env), "testhost", "tester", uid(), 0, ProcessHandle.current().pid(), cwd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context ctx = new Context(e, Clock.systemDefaultZone(), new SecureRandom(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs coffer in a child JVM, optionally without the root capabilities that bypass file permissions. */
    Result fork(boolean dropDacOverride, String... args) throws IOException, InterruptedException {
        return fork(dropDacOverride, null, args);
    }

    /** Like {@link #fork(boolean, String...)}, feeding {@code stdin} (or nothing) to standard input. */
    Result fork(boolean dropDacOverride, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (dropDacOverride && uid() == 0) {
            cmd.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        String cp = System.getProperty("surefire.test.class.path");
        cmd.add(cp != null ? cp : System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("RESTIC_PASSWORD");
        pb.environment().remove("RESTIC_REPOSITORY");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("coffer-out", ".txt");
        Path err = Files.createTempFile("coffer-err", ".txt");
        try {
            Path in = Files.createTempFile("coffer-in", ".bin");
            Files.write(in, stdin == null ? new byte[0] : stdin);
            Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("coffer " + String.join(" ", args) + " timed out");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static long uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return -1;
    }
}
