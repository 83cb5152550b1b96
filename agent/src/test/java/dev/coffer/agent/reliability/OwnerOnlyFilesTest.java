package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.agent.cli.Main;
import dev.coffer.repo.testing.Restic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and folders coffer creates in a local repository and in its cache are readable by their
 * owner only, even under {@code umask 000}: repository folders 0700 and files 0400 (exactly what
 * restic 0.14 makes, checked against it), cache folders 0700 and files 0600.
 */
@Tag("slow")
class OwnerOnlyFilesTest {
    @TempDir
    Path tmp;

    @Test
    void repositoryLockAndCacheFilesAreOwnerOnlyUnderAPermissiveUmask() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/sub"));
        Files.writeString(src.resolve("f.txt"), "owner only\n");
        Path repo = tmp.resolve("deep/er/repo");
        Map<String, String> env = Map.of("RESTIC_PASSWORD", "perm-pw", "RESTIC_REPOSITORY", repo.toString());
        run(env, "init");
        run(env, "backup", tmp.resolve("src").toString());
        // a lock lives only while a command runs: look at it during a backup that waits for its input
        Process slow = start(env, "backup", "--stdin-from-command", "--", "sh", "-c", "sleep 4; echo late");
        Path lock = waitForLock(repo.resolve("locks"), slow);
        assertEquals("r--------", mode(lock), "lock file " + lock);
        assertTrue(slow.waitFor(2, TimeUnit.MINUTES) && slow.exitValue() == 0, "backup with a lock failed");

        Map<String, String> ours = modes(repo);
        assertTrue(ours.containsKey("data/*/* (file)") && ours.containsKey("keys/* (file)"), ours.toString());
        for (var e : ours.entrySet()) {
            assertTrue(e.getKey().endsWith("(dir)") ? e.getValue().equals("rwx------") : e.getValue().equals("r--------"),
                    e.toString());
        }
        assertEquals("rwx------", mode(tmp.resolve("deep")), "parent folders init created");

        Path resticRepo = tmp.resolve("restic-repo");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "umask 000; exec \"$0\" -r \"$1\" --no-cache init",
                Restic.binary(), resticRepo.toString());
        pb.environment().put("RESTIC_PASSWORD", "perm-pw");
        Process r = pb.redirectErrorStream(true).redirectOutput(tmp.resolve("restic.log").toFile()).start();
        assertTrue(r.waitFor(1, TimeUnit.MINUTES) && r.exitValue() == 0, Files.readString(tmp.resolve("restic.log")));
        Map<String, String> theirs = modes(resticRepo);
        for (var e : theirs.entrySet()) {
            assertEquals(e.getValue(), ours.get(e.getKey()), "restic 0.14's mode for " + e.getKey());
        }

        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            Path cache = tmp.resolve("cache-home");
            Map<String, String> remote = new java.util.HashMap<>(s3.env());
            remote.put("RESTIC_PASSWORD", "perm-pw");
            remote.put("RESTIC_REPOSITORY", "s3:" + s3.endpoint() + "/perm-bucket/repo");
            remote.put("RESTIC_CACHE_DIR", cache.toString());
            run(remote, "init");
            run(remote, "backup", tmp.resolve("src").toString());
            run(remote, "snapshots");
            List<String> wrong = new ArrayList<>();
            int files = 0;
            try (Stream<Path> all = Files.walk(cache)) {
                for (Path p : all.toList()) {
                    boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                    files += dir ? 0 : 1;
                    if (!mode(p).equals(dir ? "rwx------" : "rw-------")) {
                        wrong.add(mode(p) + " " + cache.relativize(p));
                    }
                }
            }
            assertTrue(files >= 2, "nothing cached in " + cache);
            assertEquals(List.of(), wrong);
        }
    }

    /** Path patterns ({@code data/*}/{@code *}, {@code keys/*}) to the one mode all their entries have. */
    private static Map<String, String> modes(Path repo) throws IOException {
        Map<String, java.util.Set<String>> seen = new TreeMap<>();
        try (Stream<Path> all = Files.walk(repo)) {
            for (Path p : all.toList()) {
                String rel = repo.relativize(p).toString();
                String pattern = rel.isEmpty() ? "." : rel.startsWith("data/") ? rel.replaceAll("data/[^/]+", "data/*")
                        .replaceAll("data/\\*/[^/]+", "data/*/*") : rel.replaceAll("/[^/]+$", "/*");
                pattern += Files.isDirectory(p) ? " (dir)" : " (file)";
                seen.computeIfAbsent(pattern, k -> new TreeSet<>()).add(mode(p));
            }
        }
        Map<String, String> out = new TreeMap<>();
        seen.forEach((k, v) -> {
            assertEquals(1, v.size(), k + " has modes " + v);
            out.put(k, v.iterator().next());
        });
        return out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private void run(Map<String, String> env, String... args) throws Exception {
        Process p = start(env, args);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + List.of(args));
        assertEquals(0, p.exitValue(), List.of(args) + ": " + Files.readString(tmp.resolve("coffer.log")));
    }

    /** coffer in a child JVM started by {@code sh -c 'umask 000; exec java ...'}. */
    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("coffer.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RESTIC_") || k.startsWith("AWS_") || k.startsWith("XDG_"));
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Path waitForLock(Path locks, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.exists(locks) ? Files.list(locks) : Stream.empty()) {
                var found = s.filter(f -> !f.getFileName().toString().contains("tmp")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no lock file appeared in " + locks);
    }
}
