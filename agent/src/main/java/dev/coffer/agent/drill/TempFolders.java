package dev.coffer.agent.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes a drill's temporary folder. Restored folders carry the snapshot's modes (perhaps
 * read-only), so each folder is made writable for its owner before its entries are deleted.
 */
final class TempFolders {
    private TempFolders() {
    }

    static void delete(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            grant(p, PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            List<Path> children;
            try (Stream<Path> list = Files.list(p)) {
                children = list.toList();
            }
            for (Path c : children) {
                delete(c);
            }
        }
        Files.delete(p);
    }

    /** Lets the owner read a restored file whose snapshot mode does not. */
    static void makeReadable(Path file) throws IOException {
        grant(file, PosixFilePermission.OWNER_READ);
    }

    private static void grant(Path p, PosixFilePermission... wanted) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (!perms.containsAll(Set.of(wanted))) {
            perms.addAll(Set.of(wanted));
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
