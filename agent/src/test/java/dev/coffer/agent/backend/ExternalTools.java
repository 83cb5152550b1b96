package dev.coffer.agent.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real restic and rclone binaries for interop tests. A missing binary fails the test
 * (it never skips): install the Debian packages restic and rclone.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** The absolute path of {@code name} on PATH or in /usr/bin; fails the test if absent. */
    public static Path require(String name) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, name));
            }
        }
        candidates.add(Path.of("/usr/bin", name));
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail(name + " is not installed; this test needs the real binary (apt-get install " + name + ")");
    }

    /** A loopback port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs restic with RESTIC_PASSWORD set and the given extra environment; asserts exit 0 and
     * returns its standard output.
     */
    public static String restic(Map<String, String> env, Path workDir, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(require("restic").toString());
        cmd.add("--no-cache");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("RESTIC_PASSWORD", "interop-test-password");
        pb.environment().putAll(env);
        Path err = Files.createTempFile(workDir, "restic", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("restic " + String.join(" ", args) + " did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "restic " + String.join(" ", args) + " failed:\n" + out
                + readQuietly(err));
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }
}
