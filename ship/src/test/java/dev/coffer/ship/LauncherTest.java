package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/coffer, the image's ENTRYPOINT, on the JDK running the tests: the JVM flags it sets,
 * the UTF-8 locale whatever the caller's, the temp folder, and one-line errors for bad settings.
 * (RuntimeImageTest runs it on the jlink runtime, as user 65534 on a read-only root.)
 */
class LauncherTest {
    @TempDir
    Path tmp;

    private Run.Result coffer(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin",
                "COFFER_JAVA", Project.javaHome().resolve("bin/java").toString(),
                "COFFER_JAR", Project.jar().toString(), "COFFER_TMPDIR", tmp.resolve("t").toString()));
        env.putAll(extra);
        List<String> cmd = new java.util.ArrayList<>(List.of(Project.path("packaging/coffer").toString()));
        cmd.addAll(List.of(args));
        return Run.run(cmd, tmp, env, true, Duration.ofMinutes(1));
    }

    @Test
    void setsContainerFriendlyJvmFlags() throws Exception {
        Run.Result r = coffer(Map.of("COFFER_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "version").ok();
        for (String flag : List.of("-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:MaxNewSize=8388608",
                "-XX:FreqInlineSize=100", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-XX:ErrorFile=" + tmp.resolve("t"))) {
            assertTrue(r.out().contains(flag), flag + " missing:\n" + r);
        }
        assertTrue(r.out().contains("coffer "), r.toString());
        Run.Result g1 = coffer(Map.of("COFFER_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "COFFER_GC", "g1",
                "COFFER_MAX_RAM_PERCENTAGE", "70"), "version").ok();
        assertTrue(g1.out().contains("-XX:+UseG1GC") && g1.out().contains("-XX:MaxRAMPercentage=70"), g1.toString());
        // G1 sizes its young generation itself: a fixed cap would defeat its pause-time goal
        assertFalse(g1.out().contains("-XX:MaxNewSize=8388608"), g1.toString());
    }

    @Test
    void utf8FileNamesAndTempFolderWhateverTheCallersLocale() throws Exception {
        Run.Result r = coffer(Map.of("LANG", "C", "LC_ALL", "POSIX", "COFFER_JAVA_OPTS", "-XshowSettings:properties"),
                "version").ok();
        assertTrue(r.err().contains("sun.jnu.encoding = UTF-8"), r.toString());
        assertTrue(r.err().contains("java.io.tmpdir = " + tmp.resolve("t")), r.toString());
        assertTrue(Files.isDirectory(tmp.resolve("t")), "the temp folder is created");
    }

    @Test
    void findsTheJarThroughASymlinkFromASourceCheckout() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("coffer"), Project.path("packaging/coffer"));
        Run.Result r = Run.run(List.of(link.toString(), "version"), tmp, Map.of("PATH", "/usr/bin:/bin",
                "JAVA_HOME", Project.javaHome().toString(), "COFFER_TMPDIR", tmp.resolve("t").toString()), true,
                Duration.ofMinutes(1)).ok();
        assertTrue(r.out().startsWith("coffer "), r.toString());
    }

    @Test
    void badSettingsFailWithOneLineSayingWhatToDo() throws Exception {
        Run.Result gc = coffer(Map.of("COFFER_GC", "zgc"), "version");
        assertEquals(1, gc.exitCode());
        assertEquals("coffer: COFFER_GC must be serial or g1, got 'zgc'\n", gc.err());
        Run.Result ram = coffer(Map.of("COFFER_MAX_RAM_PERCENTAGE", "half"), "version");
        assertEquals(1, ram.exitCode());
        assertTrue(ram.err().startsWith("coffer: COFFER_MAX_RAM_PERCENTAGE must be a number"), ram.toString());
        Run.Result jar = coffer(Map.of("COFFER_JAR", tmp.resolve("nothing.jar").toString()), "version");
        assertEquals(1, jar.exitCode());
        assertTrue(jar.err().contains("nothing.jar not found; set COFFER_JAR or build"), jar.toString());
        Run.Result tmpdir = coffer(Map.of("COFFER_TMPDIR", "/proc/coffer-cannot-write-here"), "version");
        assertEquals(1, tmpdir.exitCode());
        assertTrue(tmpdir.err().contains("is not writable; mount a writable volume (an emptyDir) there"), tmpdir.toString());
    }
}
