package dev.coffer.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** File-level helpers for tests on local repositories and source trees. */
final class RepoDirs {
    private RepoDirs() {
    }

    /** Copies a folder tree, keeping modes and modification times (for source trees kept aside). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(from)) {
            for (Path p : (Iterable<Path>) dirs::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Path target = to.resolve(from.relativize(p).toString());
                    Files.setLastModifiedTime(target, Files.getLastModifiedTime(p));
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                }
            }
        }
    }

    /** Total bytes of the regular files under {@code dir}. */
    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Names of the files in one repository folder ("snapshots", "index", "locks"). */
    static Set<String> names(Path repo, String folder) throws IOException {
        Set<String> out = new TreeSet<>();
        Path dir = repo.resolve(folder);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(p -> out.add(p.getFileName().toString()));
            }
        }
        return out;
    }
}
