package dev.coffer.agent.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Details beyond the contract, against S3Proxy: keys, credentials, missing buckets. */
@Tag("slow")
class S3BackendBehaviourTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static S3Backend open(String repo, Map<String, String> options, Map<String, String> env) throws Exception {
        return S3Backend.open((RepositoryLocation.S3) RepositoryLocation.parse("s3:" + server.endpoint() + repo),
                options, env);
    }

    @Test
    void packsLandUnderTheShardedKey() throws Exception {
        try (S3Backend b = open("/layout/pre/fix", Map.of(), server.env())) {
            b.create();
            byte[] d = {1, 2, 3, 4, 5};
            FileHandle h = FileHandle.of(FileType.PACK, Id.hash(d));
            b.save(h, d);
            b.save(FileHandle.config(), d);
            assertEquals(5L, b.client().headObject(r -> r.bucket("layout")
                    .key("pre/fix/data/" + h.name().substring(0, 2) + "/" + h.name())).contentLength());
            assertEquals(5L, b.client().headObject(r -> r.bucket("layout").key("pre/fix/config")).contentLength());
            assertArrayEquals(new byte[] {3, 4}, b.load(h, 2, 2));
        }
    }

    /**
     * S3Proxy does not implement SSE and refuses the request (501): proof that the header goes
     * out, since the same save without the option succeeds. The URL-connection client sometimes
     * sees the early refusal only as a broken upload, so the status is not asserted.
     */
    @Test
    void serverSideEncryptionHeaderIsSent() throws Exception {
        try (S3Backend b = open("/sse", Map.of("s3.sse", "AES256"), server.env())) {
            b.create();
            assertThrows(BackendException.class, () -> b.save(FileHandle.config(), new byte[1]));
        }
        try (S3Backend b = open("/sse", Map.of(), server.env())) {
            b.save(FileHandle.config(), new byte[1]);
        }
    }

    @Test
    void wrongCredentialsArePermanent() throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", "not-the-secret");
        try (S3Backend b = open("/creds", Map.of(), env)) {
            BackendException e = assertThrows(BackendException.class, b::create);
            assertTrue(e.isPermanent(), e.getMessage());
            assertFalse(e instanceof NotFoundException);
            assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
        }
    }

    @Test
    void missingBucketIsPermanentNotNotFound() throws Exception {
        try (S3Backend b = open("/never-created", Map.of(), server.env())) {
            BackendException e = assertThrows(BackendException.class,
                    () -> b.list(FileType.SNAPSHOT, fi -> { }));
            assertTrue(e.isPermanent(), e.getMessage());
            assertFalse(b.location().contains(S3ProxyServer.SECRET_KEY));
        }
    }

    @Test
    void listingsSpanSeveralPages() throws Exception {
        RepositoryLocation.S3 loc = (RepositoryLocation.S3) RepositoryLocation.parse(
                "s3:" + server.endpoint() + "/paged/repo");
        java.util.Set<String> saved = new java.util.HashSet<>();
        try (S3Backend b = new S3Backend(S3ClientFactory.build(loc, S3Options.DEFAULTS, server.env()), loc,
                S3Options.DEFAULTS, "us-east-1", 7)) {
            b.create();
            for (int i = 0; i < 23; i++) {
                byte[] d = {(byte) i, 42};
                FileHandle h = FileHandle.of(FileType.PACK, Id.hash(d));
                b.save(h, d);
                saved.add(h.name());
            }
            java.util.List<String> listed = new java.util.ArrayList<>();
            b.list(FileType.PACK, fi -> listed.add(fi.name()));
            assertEquals(23, listed.size());
            assertEquals(saved, new java.util.HashSet<>(listed));
        }
    }

    @Test
    void connectionsOption() throws Exception {
        try (S3Backend b = open("/conn", Map.of("s3.connections", "9"), server.env())) {
            assertEquals(9, b.connections());
        }
    }
}
