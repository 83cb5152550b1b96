package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.coffer.repo.testing.TreeCompare;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime the image ships, built by {@code packaging/jlink.sh} as the Dockerfile builds it,
 * runs Coffer: {@code version}, and a backup/restore round trip through the launcher laid out as
 * in the image ({@code /opt/coffer/{bin,lib,runtime}}), as user 65534, on a read-only root file
 * system with one writable mount (what Kubernetes gives the sidecar), with no locale set.
 */
@Tag("slow")
class RuntimeImageTest {
    private static final int NOBODY = 65534;
    private static final String PASSWORD = "ship-test-password";
    private static Path runtime;

    @BeforeAll
    static void buildRuntime() throws Exception {
        runtime = RuntimeImage.shared();
    }

    @Test
    void versionRunsOnTheRuntime() throws Exception {
        Run.Result r = Run.run(Duration.ofMinutes(1), Map.of(),
                runtime.resolve("bin/java").toString(), "-jar", Project.jar().toString(), "version").ok();
        assertTrue(r.out().startsWith("coffer ") && r.out().contains("restic repository format 2"), r.toString());
    }

    @Test
    void runtimeHoldsWhatTlsAndSignalsNeedAndNoCompiler() throws Exception {
        List<String> modules = Run.run(Duration.ofMinutes(1), Map.of(),
                runtime.resolve("bin/java").toString(), "--list-modules").ok().out().lines()
                .map(l -> l.replaceAll("@.*", "")).toList();
        for (String m : List.of("java.base", "jdk.crypto.ec", "jdk.unsupported", "jdk.httpserver", "java.naming")) {
            assertTrue(modules.contains(m), m + " missing from " + modules);
        }
        assertTrue(!modules.contains("jdk.compiler") && !modules.contains("jdk.jshell"), "not a JDK: " + modules);
    }

    @Test
    void backupAndRestoreAsUser65534OnAReadOnlyRoot(@TempDir Path tmp) throws Exception {
        requireRoot();
        Path w = worldReadable(tmp);
        Path home = installLikeTheImage(w.resolve("opt/coffer"));
        Path src = sourceTree(w.resolve("src"));
        Path cache = Files.createDirectories(w.resolve("cache")); // the emptyDir: the only writable place
        Files.setAttribute(cache, "unix:uid", NOBODY);
        Files.setAttribute(cache, "unix:gid", NOBODY);
        Path repo = cache.resolve("repo");
        Path target = cache.resolve("restore");
        Path coffer = home.resolve("bin/coffer");

        asNobodyOnReadOnlyRoot(cache, coffer.toString(), "init");
        Run.Result backup = asNobodyOnReadOnlyRoot(cache, coffer.toString(), "backup", src.toString(), "--tag", "ship");
        assertTrue(backup.out().contains("snapshot") && backup.out().contains("saved"), backup.toString());
        Run.Result snapshots = asNobodyOnReadOnlyRoot(cache, coffer.toString(), "snapshots", "--json");
        assertTrue(snapshots.out().contains("\"ship\""), snapshots.toString());
        asNobodyOnReadOnlyRoot(cache, coffer.toString(), "restore", "latest", "--target", target.toString());

        Path restored = target.resolve(src.getRoot().relativize(src));
        assertEquals(List.of(), TreeCompare.diff(src, restored, false), "restored tree differs from the source");
        assertTrue(Files.exists(restored.resolve("grüße/日本語 ファイル.txt")), "non-ASCII names survive");

        // the real restic accepts what the jlink runtime wrote (zstd-compressed, via zstd-jni's native library)
        Run.run(Duration.ofMinutes(2), Map.of("RESTIC_PASSWORD", PASSWORD, "RESTIC_CACHE_DIR", w.resolve("rc").toString()),
                Project.tool("restic", "restic").toString(), "-r", repo.toString(), "check", "--read-data").ok();
        try (Stream<Path> s = Files.list(cache.resolve("tmp"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")), "no JVM crash report");
        }
    }

    @Test
    void launcherRefusesAnUnwritableTempFolderOnAReadOnlyRoot(@TempDir Path tmp) throws Exception {
        requireRoot();
        Path w = worldReadable(tmp);
        Path home = installLikeTheImage(w.resolve("opt/coffer"));
        Path cache = Files.createDirectories(w.resolve("cache"));
        Files.setAttribute(cache, "unix:uid", NOBODY);
        Run.Result r = runOnReadOnlyRoot(cache, Map.of("COFFER_TMPDIR", w.resolve("not-mounted").toString()),
                home.resolve("bin/coffer").toString(), "version");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not writable; mount a writable volume"), r.toString());
    }

    /** Copies the runtime, the jar and the launcher into {@code home} as the Dockerfile does. */
    private static Path installLikeTheImage(Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        copyTree(runtime, home.resolve("runtime"));
        Files.copy(Project.jar(), home.resolve("lib/coffer.jar"));
        Files.copy(Project.path("packaging/coffer"), home.resolve("bin/coffer"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(home.resolve("bin/coffer"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static Path sourceTree(Path src) throws IOException {
        Files.createDirectories(src.resolve("grüße"));
        Files.writeString(src.resolve("grüße/日本語 ファイル.txt"), "non-ASCII names need a UTF-8 locale\n");
        StringBuilder log = new StringBuilder();
        for (int i = 0; log.length() < 4 << 20; i++) {
            log.append("2024-05-01T10:00:").append(i % 60).append("Z level=info msg=\"request ").append(i).append("\"\n");
        }
        Files.writeString(src.resolve("app.log"), log, StandardCharsets.UTF_8); // compressible: zstd works
        byte[] random = new byte[3 << 20];
        new Random(42).nextBytes(random);
        Files.write(src.resolve("random.bin"), random);
        Files.createFile(src.resolve("empty"));
        Files.createSymbolicLink(src.resolve("current.log"), Path.of("app.log"));
        return src;
    }

    private static Run.Result asNobodyOnReadOnlyRoot(Path writable, String... command) throws Exception {
        return runOnReadOnlyRoot(writable, Map.of("RESTIC_REPOSITORY", writable.resolve("repo").toString()), command)
                .ok();
    }

    /**
     * Runs {@code command} in a private mount namespace where / is read-only and only
     * {@code writable} can be written, as uid/gid 65534, with an empty environment but for PATH,
     * the password and COFFER_TMPDIR under the writable folder (as the image sets it).
     */
    private static Run.Result runOnReadOnlyRoot(Path writable, Map<String, String> extraEnv, String... command)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Project.tool("unshare", "util-linux").toString(), "--mount", "--propagation", "private", "--",
                "sh", "-c", "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro / && cd / && shift"
                        + " && exec \"$@\"",
                "sh", writable.toString(),
                Project.tool("setpriv", "util-linux").toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--",
                "env", "-i", "PATH=/usr/bin:/bin", "RESTIC_PASSWORD=" + PASSWORD,
                "COFFER_TMPDIR=" + writable.resolve("tmp")));
        extraEnv.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(List.of(command));
        return Run.run(cmd, Path.of("/"), Map.of(), false, Duration.ofMinutes(3));
    }

    private static void requireRoot() throws Exception {
        String uid = Run.run(Duration.ofSeconds(10), Map.of(), "id", "-u").ok().out().trim();
        if (!uid.equals("0")) {
            fail("this check runs Coffer as user 65534 on a read-only root (unshare, setpriv) and needs root,"
                    + " as CI has; run 'mvn -B verify' as root or in .ci/run");
        }
    }

    private static Path worldReadable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
