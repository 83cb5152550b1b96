package dev.coffer.agent.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.app.Environment;
import dev.coffer.agent.cli.Context;
import dev.coffer.agent.cli.Main;
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

/**
 * Runs coffer against one repository: in-process (fast), or as a child JVM that a test can kill or
 * run without the root capabilities that bypass file permissions.
 */
final class Coffer {
    static final String PASSWORD = "reliability-pw";
    /** The real host name, as a child coffer process records it in its lock. */
    static final String HOSTNAME = Environment.current().hostname();

    final String repo;
    final Path cwd;
    final Map<String, String> env = new HashMap<>();

    Coffer(Path repo, Path cwd) {
        this(repo.toString(), cwd, Map.of());
    }

    /** A repository string ({@code s3:http://...}) and what else coffer needs in its environment (credentials). */
    Coffer(String repository, Path cwd, Map<String, String> extraEnv) {
        this.repo = repository;
        this.cwd = cwd;
        env.putAll(extraEnv);
        env.put("RESTIC_PASSWORD", PASSWORD);
        env.put("RESTIC_REPOSITORY", repository);
    }

    record Result(int exit, String out, String err) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("coffer exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }

        /** The last line of {@code --json} output that is restic's backup summary. */
        JsonNode summary() throws IOException {
            List<String> lines = out.lines().filter(l -> l.contains("\"message_type\":\"summary\"")).toList();
            if (lines.isEmpty()) {
                throw new AssertionError("no summary line in: " + out + "\nstderr: " + err);
            }
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    /** Runs one command line in this JVM, with this host's name and this process's pid. */
    Result run(String... args) {
        Environment e = new Environment(Map.copyOf(env), HOSTNAME, "tester", uid(), 0, ProcessHandle.current().pid(), cwd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context ctx = new Context(e, Clock.systemDefaultZone(), new SecureRandom(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts coffer in a child JVM with LANG=C.UTF-8; stdout and stderr go to files under
     * {@code logs}. With {@code unprivileged} and running as root, the child loses the capabilities
     * that bypass file permissions (setpriv, util-linux).
     */
    Process start(boolean unprivileged, Path logs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (unprivileged && uid() == 0) {
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
        pb.environment().remove("LC_ALL");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Files.createDirectories(logs);
        return pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(logs.resolve("out.txt").toFile()).redirectError(logs.resolve("err.txt").toFile()).start();
    }

    /** Runs coffer in a child JVM to its end. */
    Result fork(boolean unprivileged, String... args) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory("coffer-fork");
        try {
            Process p = start(unprivileged, logs, args);
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("coffer " + String.join(" ", args) + " timed out");
            }
            return new Result(p.exitValue(), Files.readString(logs.resolve("out.txt")), Files.readString(logs.resolve("err.txt")));
        } finally {
            for (String f : new String[] {"out.txt", "err.txt"}) {
                Files.deleteIfExists(logs.resolve(f));
            }
            Files.deleteIfExists(logs);
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
            // not Linux
        }
        return -1;
    }
}
