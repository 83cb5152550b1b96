package dev.coffer.agent.backend.s3;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.BackendContractTest;
import dev.coffer.repo.model.FileType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.sync.RequestBody;

/** The backend contract against a real S3 server, each test in a fresh prefix of one bucket. */
@org.junit.jupiter.api.Tag("slow")
class S3BackendContractTest extends BackendContractTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** The repository string for this test's fresh place. */
    String repository() {
        return "s3:" + server.endpoint() + "/contract/repo-" + COUNTER.incrementAndGet() + "/nested";
    }

    @Override
    protected Backend newBackend() throws Exception {
        RepositoryLocation.S3 loc = (RepositoryLocation.S3) RepositoryLocation.parse(repository());
        return S3Backend.open(loc, Map.of(), server.env());
    }

    @Override
    protected void writeForeignFile(Backend b, FileType type, String name, byte[] data) {
        S3Backend s3 = (S3Backend) b;
        RepositoryLocation.S3 loc = (RepositoryLocation.S3) parseQuietly(s3.location());
        String key = new ObjectKeys(loc.prefix()).dir(type) + name;
        s3.client().putObject(r -> r.bucket(loc.bucket()).key(key), RequestBody.fromBytes(data));
    }

    private static RepositoryLocation parseQuietly(String spec) {
        try {
            return RepositoryLocation.parse(spec);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
