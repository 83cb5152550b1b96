package dev.coffer.agent.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** Damages repository files the way disks and careless hands do: a flipped bit, a cut tail, a lost file. */
final class Damage {
    private Damage() {
    }

    /** Flips one bit of the byte at {@code offset} (negative: from the end). */
    static void flip(Path f, long offset) throws IOException {
        writable(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            long at = offset >= 0 ? offset : raf.length() + offset;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x10);
        }
    }

    /** Cuts the file to {@code length} bytes. */
    static void truncate(Path f, long length) throws IOException {
        writable(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private static void writable(Path f) throws IOException {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }

    /** Regular files below {@code dir} of a repository, sorted. */
    static List<Path> files(Path repo, String dir) throws IOException {
        try (Stream<Path> s = Files.walk(repo.resolve(dir))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Copies a folder (a real copy: the copy can be damaged without touching the original). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Copies a repository folder with hard links, in no time: repository files are never modified
     * in place, only added and removed. Never damage such a copy: the original would change too.
     */
    static void linkCopy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createLink(t, p);
                }
            }
        }
    }
}
