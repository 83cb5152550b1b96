package dev.coffer.repo.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.backend.CountingBackend;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreePackLoaderTest {
    private final SecureRandom random = new SecureRandom();

    /** A repository with 40 trees and 10 data blobs, reopened with a request counter. */
    private Repository repoWithTrees(InMemoryBackend b, List<byte[]> trees) throws Exception {
        Repository r = Repository.init(b, "pw".toCharArray(), new ScryptParams(1024, 8, 1), random, Clock.systemUTC(), "u", "h");
        try (BlobUploader up = new BlobUploader(r, 1 << 20, 1, 3)) {
            for (int i = 0; i < 40; i++) {
                byte[] t = ("{\"nodes\":[{\"name\":\"dir" + i + "\"}]}\n").getBytes(StandardCharsets.UTF_8);
                trees.add(t);
                up.saveBlob(BlobType.TREE, Id.hash(t), t, 0, t.length);
            }
            for (int i = 0; i < 10; i++) {
                byte[] d = TestData.random(i, 1000);
                up.saveBlob(BlobType.DATA, Id.hash(d), d, 0, d.length);
            }
            up.flush();
        }
        return r;
    }

    @Test
    void allTreesOfAPackCostOneRequest() throws Exception {
        InMemoryBackend b = new InMemoryBackend();
        List<byte[]> trees = new ArrayList<>();
        repoWithTrees(b, trees);
        CountingBackend counting = new CountingBackend(b);
        Repository r = Repository.open(counting, "pw".toCharArray(), random);
        r.loadIndex();
        long before = counting.snapshot().get();
        TreePackLoader loader = new TreePackLoader(r);
        for (byte[] t : trees) {
            assertArrayEquals(t, loader.loadBlob(new BlobHandle(Id.hash(t), BlobType.TREE)));
        }
        assertEquals(1, counting.snapshot().get() - before, "one ranged GET for the tree pack");
        byte[] d = TestData.random(3, 1000);
        assertArrayEquals(d, loader.loadBlob(new BlobHandle(Id.hash(d), BlobType.DATA)));
        assertThrows(CorruptDataException.class, () -> loader.loadBlob(new BlobHandle(Id.hash(new byte[1]), BlobType.TREE)));
    }

    @Test
    void spansBeyondTheLimitAreNotFetchedWhole() throws Exception {
        InMemoryBackend b = new InMemoryBackend();
        List<byte[]> trees = new ArrayList<>();
        repoWithTrees(b, trees);
        CountingBackend counting = new CountingBackend(b);
        Repository r = Repository.open(counting, "pw".toCharArray(), random);
        r.loadIndex();
        long before = counting.snapshot().get();
        TreePackLoader loader = new TreePackLoader(r, 100, 100);
        for (byte[] t : trees.subList(0, 5)) {
            assertArrayEquals(t, loader.loadBlob(new BlobHandle(Id.hash(t), BlobType.TREE)));
        }
        assertEquals(5, counting.snapshot().get() - before, "one request per tree, as without the loader");
    }
}
