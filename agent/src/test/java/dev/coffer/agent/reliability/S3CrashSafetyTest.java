package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.s3.S3ProxyServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments on S3 (S3Proxy on loopback, one bucket per trial, the base copied
 * inside the server): 20 seeded {@link CrashTrials} with ~31 MiB of new data in 4 MiB packs, and one kill while
 * a pack is on the wire: S3Proxy holds the second pack upload before reading its body, the child
 * is killed, and the store, reading the cut body, keeps no object (a PUT is all or nothing); the
 * first pack stays as an orphan that the rerun adopts because of the dead process's lock.
 */
@Tag("slow")
class S3CrashSafetyTest {
    private static final int TRIALS = 20;

    @TempDir
    Path tmp;

    @Test
    void killedBackupsLeaveACheckedBucketAndTheRerunResumes() throws Exception {
        PackPutGate[] gate = new PackPutGate[1];
        try (S3ProxyServer server = S3ProxyServer.start(store -> gate[0] = new PackPutGate(store))) {
            CrashTrials trials = new CrashTrials(new S3TrialSite(server, tmp), tmp, new CrashTrials.DataSet(3, 1, 50));
            PackPutGate.Held held = gate[0].arm("mid-put", 2);
            CrashTrials.Trial t = trials.trial("mid-put", new CrashTrials.Kill() {
                @Override
                public String await(Process p) throws Exception {
                    return "while S3Proxy holds the upload of " + held.awaitHeld();
                }

                @Override
                public void killed() throws Exception {
                    RuntimeException failure = held.release();
                    boolean stored = S3TrialSite.keys(server.blobStore(), "mid-put", "data/").contains(held.name());
                    if (failure != null) {
                        assertFalse(stored, "a cut upload left an object: " + held.name());
                    } else {
                        // the whole body had reached the server before the kill (a small pack fits its
                        // buffers): then the object is the complete pack, named by its own hash
                        assertTrue(stored, "a completed upload was not stored: " + held.name());
                        byte[] body;
                        try (java.io.InputStream in = server.blobStore().getBlob("mid-put", held.name()).getPayload().openStream()) {
                            body = in.readAllBytes();
                        }
                        String name = held.name().substring(held.name().lastIndexOf('/') + 1);
                        assertEquals(name, dev.coffer.repo.model.Id.hash(body).hex(), "a stored pack is whole");
                    }
                }
            }, true);
            assertTrue(t.midRun() && t.orphans() >= 1, "the first pack is stored, not indexed: " + t);
            trials.randomKills(TRIALS, 20261124);
            trials.finish(TRIALS);
        }
    }
}
