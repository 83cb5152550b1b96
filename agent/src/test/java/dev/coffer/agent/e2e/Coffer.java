package dev.coffer.agent.e2e;

import dev.coffer.agent.app.Environment;
import dev.coffer.agent.cli.Context;
import dev.coffer.agent.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code coffer -r REPO ...} in-process with its own environment map (password, AWS
 * credentials), as a user would run it, and reports exit code, output and wall time.
 */
final class Coffer {
    private final String repo;
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> options = new ArrayList<>();

    Coffer(String repo, Path cwd, Map<String, String> extraEnv) {
        this.repo = repo;
        this.cwd = cwd;
        env.put("RESTIC_PASSWORD", Restic.PASSWORD);
        env.putAll(extraEnv);
    }

    /** Adds {@code -o key=value} to every later command. */
    Coffer option(String keyValue) {
        options.add(keyValue);
        return this;
    }

    /** What one command did. */
    record Result(int exit, String out, String err, long millis) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("coffer exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    Result run(String... args) {
        List<String> argv = new ArrayList<>(List.of("-r", repo));
        for (String o : options) {
            argv.add("-o");
            argv.add(o);
        }
        argv.addAll(List.of(args));
        Environment e = new Environment(Map.copyOf(env), "e2e-host", "tester", -1, -1,
                ProcessHandle.current().pid(), cwd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context ctx = new Context(e, Clock.systemDefaultZone(), new SecureRandom(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        int code = Main.run(ctx, argv.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), millis);
    }
}
