package dev.coffer.agent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts coffer in a child JVM that a test may kill at any moment (unlike {@link Cli#fork}, which waits). */
final class ForkedCoffer {
    private ForkedCoffer() {
    }

    /**
     * Starts {@code coffer args...} in {@code cwd} with {@code env} added to the environment,
     * standard output to {@code out} and standard error to {@code err}.
     */
    static Process start(Path cwd, Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        String cp = System.getProperty("surefire.test.class.path");
        cmd.add(cp != null ? cp : System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("RESTIC_PASSWORD");
        pb.environment().remove("RESTIC_REPOSITORY");
        pb.environment().putAll(env);
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }
}
