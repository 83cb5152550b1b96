package dev.coffer.repo.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackRoundTripTest {
    private final CryptoKey key = CryptoKey.random(new SecureRandom());

    @Test
    void headerListsEveryBlobWithOffsetsAndTheSizeRulesHold() throws Exception {
        PackWriter w = new PackWriter(key, 1024);
        byte[][] plains = new byte[40][];
        for (int i = 0; i < plains.length; i++) {
            plains[i] = new byte[i * 13 + 1];
            Arrays.fill(plains[i], (byte) i);
            byte[] sealed = key.seal(plains[i]);
            w.add(i % 2 == 0 ? BlobType.DATA : BlobType.TREE, Id.hash(plains[i]), sealed, 0, sealed.length, i % 3 == 0 ? 0 : plains[i].length);
        }
        FinishedPack p = w.finish();
        assertEquals(Id.hash(Arrays.copyOf(p.buffer(), p.length())), p.id());
        assertEquals(PackReader.expectedSize(p.entries()), p.length());
        InMemoryBackend b = new InMemoryBackend();
        b.save(FileHandle.of(FileType.PACK, p.id()), p.buffer(), 0, p.length());
        List<PackEntry> read = PackReader.readHeader(b, p.id(), p.length(), key);
        assertEquals(p.entries(), read);
        for (int i = 0; i < plains.length; i++) {
            PackEntry e = read.get(i);
            byte[] blob = b.load(FileHandle.of(FileType.PACK, p.id()), e.offset(), e.length());
            assertArrayEquals(plains[i], key.open(blob, 0, blob.length));
        }
    }

    /** A pack built in a file is byte for byte the pack built in memory from the same sealed blobs. */
    @Test
    void stagedPackIsThePackBuiltInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        PackWriter mem = new PackWriter(key, 1024);
        StagedPackWriter file = StagedPackWriter.create(key, dir.resolve("data/00"));
        for (int i = 0; i < 30; i++) {
            byte[] plain = new byte[i * 5000 + 7];
            Arrays.fill(plain, (byte) i);
            byte[] sealed = key.seal(plain);
            int ulen = i % 2 == 0 ? 0 : plain.length + 1;
            mem.add(BlobType.DATA, Id.hash(plain), sealed, 0, sealed.length, ulen);
            file.add(BlobType.DATA, Id.hash(plain), sealed, 0, sealed.length, ulen);
        }
        assertEquals(mem.size(), file.size());
        int blobBytes = mem.size();
        StagedPack staged = file.finish();
        byte[] onDisk = java.nio.file.Files.readAllBytes(staged.path());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(staged.path())));
        assertEquals(staged.length(), onDisk.length);
        assertEquals(Id.hash(onDisk), staged.id());
        FinishedPack p = mem.finish();
        assertEquals(p.entries(), staged.entries());
        // same blobs and entries; the headers differ only in their random nonce
        assertEquals(p.length(), onDisk.length);
        assertArrayEquals(Arrays.copyOf(p.buffer(), blobBytes), Arrays.copyOf(onDisk, blobBytes));
        InMemoryBackend b = new InMemoryBackend();
        b.save(FileHandle.of(FileType.PACK, staged.id()), onDisk);
        assertEquals(p.entries(), PackReader.readHeader(b, staged.id(), onDisk.length, key));
        assertEquals(PackReader.expectedSize(p.entries()), onDisk.length);
        StagedPackWriter dropped = StagedPackWriter.create(key, dir);
        dropped.close();
        assertEquals(false, java.nio.file.Files.exists(dropped.path()));
    }

    @Test
    void damagedHeaderIsRejected() throws Exception {
        PackWriter w = new PackWriter(key, 1024);
        byte[] sealed = key.seal(new byte[] {1, 2, 3});
        w.add(BlobType.DATA, Id.hash(new byte[] {1, 2, 3}), sealed, 0, sealed.length, 0);
        FinishedPack p = w.finish();
        byte[] bytes = Arrays.copyOf(p.buffer(), p.length());
        bytes[bytes.length - 10] ^= 1;
        InMemoryBackend b = new InMemoryBackend();
        b.save(FileHandle.of(FileType.PACK, p.id()), bytes);
        assertThrows(CorruptDataException.class, () -> PackReader.readHeader(b, p.id(), bytes.length, key));
        assertThrows(CorruptDataException.class, () -> PackReader.readHeader(b, p.id(), 10, key));
    }
}
