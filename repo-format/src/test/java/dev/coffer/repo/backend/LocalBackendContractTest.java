package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.coffer.repo.model.FileType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendContractTest extends BackendContractTest {
    @TempDir
    Path dir;

    @Override
    protected Backend newBackend() {
        return new LocalBackend(dir.resolve("repo"));
    }

    @Test
    void filesAndFoldersAreOwnerOnlyAndPacksSharded() throws Exception {
        FileHandle h = saveRandom(FileType.PACK, 100);
        Path p = dir.resolve("repo").resolve(Layout.path(h));
        assertEquals("data/" + h.name().substring(0, 2) + "/" + h.name(), dir.resolve("repo").relativize(p).toString());
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("repo/keys"))));
    }
}
