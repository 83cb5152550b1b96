package dev.coffer.agent.backend.rest;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.BackendContractTest;
import dev.coffer.repo.model.FileType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract against {@code rclone serve restic}, a fresh repository path per test. */
class RestBackendContractTest extends BackendContractTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    @TempDir
    static Path dir;
    private static RcloneRestServer server;
    private String repoPath;

    @BeforeAll
    static void startServer() throws Exception {
        server = RcloneRestServer.start(dir.resolve("served"), null, null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Backend newBackend() throws Exception {
        repoPath = "repo-" + COUNTER.incrementAndGet() + "/";
        return RestBackend.open((RepositoryLocation.Rest) RepositoryLocation.parse("rest:" + server.url("", repoPath)),
                Map.of());
    }

    /** rclone checks nothing, but a real rest-server would refuse the name: write the file directly. */
    @Override
    protected void writeForeignFile(Backend b, FileType type, String name, byte[] data) throws Exception {
        Path target = server.root().resolve(repoPath).resolve(type.dir()).resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, data);
    }
}
