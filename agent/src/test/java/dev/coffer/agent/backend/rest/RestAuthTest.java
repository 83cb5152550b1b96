package dev.coffer.agent.backend.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth from the URL against {@code rclone serve restic --user --pass}. */
class RestAuthTest {
    @TempDir
    static Path dir;
    private static RcloneRestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RcloneRestServer.start(dir.resolve("served"), "alice", "pa:ss@word");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static RestBackend open(String userInfo) throws Exception {
        return RestBackend.open((RepositoryLocation.Rest) RepositoryLocation.parse(
                "rest:" + server.url(userInfo, "authrepo/")), Map.of());
    }

    @Test
    void rightCredentialsWork() throws Exception {
        try (RestBackend b = open("alice:pa%3Ass%40word@")) {
            assertFalse(b.location().contains("word"), b.location());
            b.create();
            byte[] data = {1, 2, 3, 4};
            FileHandle h = FileHandle.of(FileType.KEY, Id.hash(data));
            b.save(h, data);
            assertArrayEquals(data, b.load(h));
        }
    }

    @Test
    void wrongPasswordIsPermanent() throws Exception {
        try (RestBackend b = open("alice:wrong@")) {
            BackendException e = assertThrows(BackendException.class, () -> b.stat(FileHandle.config()));
            assertTrue(e.isPermanent());
            assertTrue(e.getMessage().contains("401"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong"), e.getMessage());
            BackendException onCreate = assertThrows(BackendException.class, b::create);
            assertTrue(onCreate.isPermanent());
        }
    }

    @Test
    void noCredentialsIsPermanent() throws Exception {
        try (RestBackend b = open("")) {
            BackendException e = assertThrows(BackendException.class, () -> b.list(FileType.KEY, fi -> { }));
            assertTrue(e.isPermanent());
            assertEquals(BackendException.class, e.getClass());
        }
    }
}
