package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in the source tree, and the external tools the checks need. */
final class Project {
    private Project() {
    }

    /** The project's root folder (the parent of this module, holding packaging/ and examples/). */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path p = module; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("packaging/jlink.sh")) && Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        return fail("cannot find the project root (with packaging/jlink.sh) above " + module);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** agent/target/coffer.jar, which the agent module's package phase built before these tests. */
    static Path jar() {
        Path jar = path("agent/target/coffer.jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing; run 'mvn -B verify' from the project root (the agent module builds it)");
        }
        return jar;
    }

    /** The JDK running the tests (its jlink and keytool). */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The absolute path of {@code name} on PATH or in /usr/bin and /usr/sbin; fails the test if absent. */
    static Path tool(String name, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/sbin:/bin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return fail(name + " is not installed; this check needs it (apt-get install " + debianPackage + ")");
    }
}
