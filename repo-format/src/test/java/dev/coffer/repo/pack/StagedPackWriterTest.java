package dev.coffer.repo.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedPackWriterTest {
    @TempDir
    Path dir;

    @Test
    void stagedPacksLeftBeforeTheCutoffAreRemovedOthersStay() throws Exception {
        Instant now = Instant.now();
        CryptoKey key = CryptoKey.random(new SecureRandom());
        StagedPackWriter live = StagedPackWriter.create(key, dir);
        byte[] blob = new byte[100];
        live.add(BlobType.DATA, Id.hash(blob), blob, 0, blob.length, 0);
        StagedPackWriter dead = StagedPackWriter.create(key, dir);
        dead.add(BlobType.DATA, Id.hash(blob), blob, 0, blob.length, 0);
        Path deadFile = onlyOtherThan(live);
        Files.setLastModifiedTime(deadFile, FileTime.from(now.minus(Duration.ofHours(2))));
        Path pack = Files.write(dir.resolve(Id.hash(blob).hex()), blob);
        Files.setLastModifiedTime(pack, FileTime.from(now.minus(Duration.ofHours(2))));
        Path other = Files.write(dir.resolve("notes-tmp-x"), blob);
        Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofHours(2))));

        assertEquals(1, StagedPackWriter.removeAbandoned(dir, now.minus(Duration.ofMinutes(30))));
        assertFalse(Files.exists(deadFile));
        assertTrue(Files.exists(pack) && Files.exists(other), "only staged packs are touched");
        live.add(BlobType.DATA, Id.hash(new byte[1]), new byte[1], 0, 1, 0);
        assertTrue(live.finish().length() > 0, "the live one is intact");
        assertEquals(0, StagedPackWriter.removeAbandoned(dir.resolve("none"), now), "no folder, nothing to do");
        dead.close();
    }

    private Path onlyOtherThan(StagedPackWriter live) throws Exception {
        try (var s = Files.list(dir)) {
            Path livePath = live.path();
            return s.filter(p -> !p.equals(livePath)).findFirst().orElseThrow();
        }
    }
}
