package dev.coffer.ship;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Builds Coffer's jlink runtime with {@code packaging/jlink.sh}, the script the Dockerfile runs,
 * into this module's {@code target/coffer-runtime}, with the JDK running the tests.
 */
final class RuntimeImage {
    private static Path shared;

    private RuntimeImage() {
    }

    /** The runtime in {@code ship/target/coffer-runtime}, built once per test JVM. */
    static synchronized Path shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = build(Project.path("ship/target/coffer-runtime"));
        }
        return shared;
    }

    /** Runs the script and returns the runtime's folder; fails the test when the script fails. */
    static Path build(Path target) throws IOException, InterruptedException {
        Run.run(Duration.ofMinutes(5), Map.of("JAVA_HOME", jdkHome().toString()),
                "bash", Project.path("packaging/jlink.sh").toString(), Project.jar().toString(), target.toString()).ok();
        return target;
    }

    /** The JDK (not only a JRE) that runs the tests: its jlink, jdeps and jmods. */
    static Path jdkHome() {
        return Project.javaHome();
    }
}
