package dev.coffer.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.ExternalTools;
import dev.coffer.agent.backend.rest.RcloneRestServer;
import dev.coffer.agent.backend.s3.S3ProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that retrying cannot fix end a command quickly, with one line saying what to check and
 * restic's exit code, and without secrets in the output. Requests go through a counting
 * {@link FaultProxy} (which spoils nothing) so the tests can see that nothing was retried.
 */
@Tag("slow")
class PermanentFaultTest {
    private static S3ProxyServer server;
    private static FaultProxy proxy;
    private static String bucketRepo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start();
        proxy = FaultProxy.start(URI.create(server.endpoint()).getPort());
        bucketRepo = "s3:" + proxy.endpoint() + "/permanent";
        Coffer init = new Coffer(bucketRepo, Path.of("/"), server.env());
        init.run("init").ok();
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        server.close();
    }

    @Test
    void badS3CredentialsFailAtOnceWithExit1() {
        String secret = "not-the-secret-0123456789";
        proxy.tally().reset();
        Coffer.Result r = new Coffer(bucketRepo, tmp, Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", secret)).run("snapshots");
        assertEquals(1, r.exit(), r.err());
        assertOneLine(r, "AWS_SECRET_ACCESS_KEY");
        assertTrue(r.err().contains("403"), r.err());
        assertFalse(r.err().contains(secret) || r.out().contains(secret), "secret leaked: " + r.err());
        assertEquals(1, proxy.tally().total(), "a 403 is not retried: " + proxy.tally().snapshot());
        report("bad S3 credentials", r);
    }

    @Test
    void aMissingBucketFailsAtOnceWithExit1AndSaysSo() {
        proxy.tally().reset();
        Coffer.Result r = new Coffer("s3:" + proxy.endpoint() + "/no-such-bucket/repo", tmp, server.env())
                .run("snapshots");
        assertEquals(1, r.exit(), r.err());
        assertOneLine(r, "NoSuchBucket");
        assertTrue(r.err().contains("check the bucket name"), r.err());
        assertTrue(r.err().contains("init"), r.err());
        assertEquals(1, proxy.tally().total(), "NoSuchBucket is not retried: " + proxy.tally().snapshot());
        report("missing bucket", r);
    }

    @Test
    void aMissingRepositoryInAnExistingBucketIsExit10() {
        proxy.tally().reset();
        Coffer.Result r = new Coffer(bucketRepo + "/elsewhere", tmp, server.env()).run("snapshots");
        assertEquals(10, r.exit(), r.err());
        assertOneLine(r, "coffer init");
        assertEquals(1, proxy.tally().total(), proxy.tally().snapshot().toString());
        report("missing repository", r);
    }

    @Test
    void aRefusedConnectionIsRetriedBrieflyThenExit1() throws IOException {
        int port = ExternalTools.freePort();
        Coffer.Result s3 = new Coffer("s3:http://127.0.0.1:" + port + "/bucket", tmp, server.env()).run("snapshots");
        assertEquals(1, s3.exit(), s3.err());
        assertOneLine(s3, "cannot connect");
        assertTrue(s3.millis() < 10_000, "took " + s3.millis() + " ms");
        report("S3 connection refused", s3);
        Coffer.Result rest = new Coffer("rest:http://127.0.0.1:" + port + "/", tmp, Map.of()).run("snapshots");
        assertEquals(1, rest.exit(), rest.err());
        assertOneLine(rest, "cannot connect");
        assertTrue(rest.millis() < 10_000, "took " + rest.millis() + " ms");
        report("REST connection refused", rest);
    }

    @Test
    void anEndpointThatNeverAcceptsTimesOutBrieflyThenExit1() throws IOException {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                    queued.add(s);
                }
            } catch (IOException backlogFull) {
                // the listen queue overflows: further connection attempts go unanswered
            }
            Coffer.Result r = new Coffer("s3:http://127.0.0.1:" + full.getLocalPort() + "/bucket", tmp, server.env())
                    .option("s3.timeout=1s").run("snapshots");
            for (Socket s : queued) {
                s.close();
            }
            assertEquals(1, r.exit(), r.err());
            assertOneLine(r, "cannot connect");
            assertTrue(r.millis() < 15_000, "took " + r.millis() + " ms");
            report("S3 endpoint that never accepts (s3.timeout=1s)", r);
        }
    }

    @Test
    void wrongRestPasswordFailsAtOnceWithExit1() throws Exception {
        String pass = "the-right-pass-987";
        try (RcloneRestServer rest = RcloneRestServer.start(tmp.resolve("rest"), "user", pass)) {
            String wrong = "wrong-pass-123";
            Coffer.Result r = new Coffer("rest:" + rest.url("user:" + wrong + "@", "repo/"), tmp, Map.of()).run("snapshots");
            assertEquals(1, r.exit(), r.err());
            assertOneLine(r, "check the user and password");
            assertFalse(r.err().contains(wrong) || r.err().contains(pass), "password leaked: " + r.err());
            assertTrue(r.millis() < 5_000, "took " + r.millis() + " ms");
            report("wrong REST password", r);
        }
    }

    private static void assertOneLine(Coffer.Result r, String hint) {
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("Fatal: ") && r.err().contains(hint), "says '" + hint + "': " + r.err());
    }

    private static void report(String what, Coffer.Result r) {
        System.out.println("permanent fault, " + what + ": exit " + r.exit() + " after " + r.millis() + " ms: "
                + r.err().strip());
    }
}
