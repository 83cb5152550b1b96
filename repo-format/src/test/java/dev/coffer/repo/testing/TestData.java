package dev.coffer.repo.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.SplittableRandom;

/** Deterministic source trees for backup tests: mixed sizes, odd names, modes, symlinks, mtimes. */
public final class TestData {
    private TestData() {
    }

    /** Random bytes from a seeded generator. */
    public static byte[] random(long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i += 8) {
            long v = r.nextLong();
            for (int k = 0; k < 8 && i + k < size; k++) {
                b[i + k] = (byte) (v >>> (8 * k));
            }
        }
        return b;
    }

    /** Compressible text of about {@code size} bytes. */
    public static byte[] text(long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(size + 100);
        String[] words = {"alpha", "beta", "gamma", "delta", "backup", "restic", "coffer", "sidecar", "pod", "GET /api"};
        while (sb.length() < size) {
            sb.append("2026-11-23T10:").append(r.nextInt(60)).append(' ').append(words[r.nextInt(words.length)])
                    .append(" id=").append(r.nextInt(100000)).append('\n');
        }
        return sb.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    /** A mixed tree under {@code root}; {@code bigMiB} sets the size of the largest random file. */
    public static void mixed(Path root, long seed, int bigMiB) throws IOException {
        Files.createDirectories(root.resolve("docs/deep/deeper"));
        Files.createDirectories(root.resolve("empty-dir"));
        Files.createDirectories(root.resolve("private"));
        Files.write(root.resolve("big.bin"), random(seed, bigMiB << 20));
        Files.write(root.resolve("docs/log.txt"), text(seed + 1, 3 << 20));
        Files.write(root.resolve("docs/deep/small.txt"), "hello\n".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("docs/deep/deeper/zeros"), new byte[1 << 20]);
        Files.write(root.resolve("empty"), new byte[0]);
        Files.write(root.resolve("a<b>&c \"quoted\" tab\there"), "odd name\n".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("ünïcödé-✓.txt"), "unicode\n".getBytes(StandardCharsets.UTF_8));
        Path script = Files.write(root.resolve("run.sh"), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path secret = Files.write(root.resolve("private/key"), random(seed + 2, 1000));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("private"), PosixFilePermissions.fromString("rwx------"));
        Path ro = Files.write(root.resolve("readonly.txt"), "ro\n".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        Files.createSymbolicLink(root.resolve("link-to-log"), Path.of("docs/log.txt"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/nonexistent/target"));
        for (int i = 0; i < 50; i++) {
            Files.write(root.resolve("docs/f" + i + ".dat"), random(seed + 100 + i, 100 + i * 997));
        }
        Files.setLastModifiedTime(root.resolve("docs/deep/small.txt"), FileTime.from(Instant.parse("2021-03-04T05:06:07.123456789Z")));
        Files.setLastModifiedTime(root.resolve("docs/deep"), FileTime.from(Instant.parse("2020-01-02T03:04:05.5Z")));
    }
}
