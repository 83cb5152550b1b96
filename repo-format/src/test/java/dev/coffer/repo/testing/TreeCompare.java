package dev.coffer.repo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Compares two folder trees: names, types, contents, permissions, mtimes and symlink targets. */
public final class TreeCompare {
    private TreeCompare() {
    }

    /** Returns a list of differences (empty when the trees are the same). */
    public static List<String> diff(Path expected, Path actual, boolean compareDirMtime) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> want;
        try (Stream<Path> s = Files.walk(expected)) {
            want = s.map(expected::relativize).sorted().toList();
        }
        List<Path> got;
        try (Stream<Path> s = Files.walk(actual)) {
            got = s.map(actual::relativize).sorted().toList();
        }
        if (!want.equals(got)) {
            out.add("entries differ: expected " + want + " got " + got);
            return out;
        }
        for (Path rel : want) {
            Path a = expected.resolve(rel);
            Path b = actual.resolve(rel);
            if (Files.isSymbolicLink(a)) {
                if (!Files.isSymbolicLink(b) || !Files.readSymbolicLink(a).equals(Files.readSymbolicLink(b))) {
                    out.add(rel + ": symlink differs");
                }
                continue;
            }
            String pa = PosixFilePermissions.toString(Files.getPosixFilePermissions(a, LinkOption.NOFOLLOW_LINKS));
            String pb = PosixFilePermissions.toString(Files.getPosixFilePermissions(b, LinkOption.NOFOLLOW_LINKS));
            if (!pa.equals(pb)) {
                out.add(rel + ": mode " + pb + " != " + pa);
            }
            boolean dir = Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS);
            if (!dir || compareDirMtime) {
                var ma = Files.getLastModifiedTime(a, LinkOption.NOFOLLOW_LINKS);
                var mb = Files.getLastModifiedTime(b, LinkOption.NOFOLLOW_LINKS);
                if (!ma.equals(mb)) {
                    out.add(rel + ": mtime " + mb + " != " + ma);
                }
            }
            if (Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(a, b) != -1) {
                out.add(rel + ": content differs");
            }
        }
        return out;
    }
}
