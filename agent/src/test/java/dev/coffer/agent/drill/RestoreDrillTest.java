package dev.coffer.agent.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backup.BackupEngine;
import dev.coffer.agent.backup.BackupRequest;
import dev.coffer.agent.backup.BackupResult;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreDrillTest {
    static final String PASSWORD = "drill-test-password";

    @TempDir
    Path dir;
    Path repoDir;
    Path temp;
    Repository repo;
    Snapshot snapshot;

    @BeforeEach
    void backUp() throws Exception {
        Path source = dir.resolve("source");
        Random random = new Random(7);
        for (int d = 0; d < 4; d++) {
            Path sub = Files.createDirectories(source.resolve("dir" + d).resolve("inner"));
            for (int i = 0; i < 10; i++) {
                byte[] data = new byte[random.nextInt(200_000)];
                random.nextBytes(data);
                Files.write(sub.resolve("file" + i + ".bin"), data);
            }
        }
        Files.write(source.resolve("big.bin"), new byte[3 << 20]);
        Files.setPosixFilePermissions(source.resolve("dir0/inner/file0.bin"), PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(source.resolve("dir1/inner"), PosixFilePermissions.fromString("r-x------"));
        repoDir = dir.resolve("repo");
        temp = dir.resolve("tmp");
        repo = Repository.init(new LocalBackend(repoDir), PASSWORD.toCharArray(), new ScryptParams(1024, 8, 1),
                new SecureRandom(), Clock.systemUTC(), "tester", "host");
        repo.loadIndex();
        BackupResult r = new BackupEngine(repo, Clock.systemUTC(), 2, "tester", 0, 0)
                .run(BackupRequest.of(List.of(source), "host", List.of()), Path.of("/"));
        snapshot = repo.loadSnapshot(r.snapshotId());
        Files.setPosixFilePermissions(source.resolve("dir1/inner"), PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aRandomSampleIsRestoredVerifiedAndCleanedUp() throws Exception {
        DrillReport r = new RestoreDrill(repo, new Random(1), temp, 12, 256L << 20).run(snapshot);
        assertTrue(r.ok(), r.failures().toString());
        assertEquals(41, r.filesInSnapshot());
        assertEquals(12, r.filesChecked());
        assertEquals(snapshot.id().shortHex(), r.snapshotId());
        assertTrue(r.bytesChecked() > 0);
        assertEmpty(temp);
    }

    @Test
    void everyFileFitsWhenTheSampleIsLargeAndTheBudgetBoundsTheBytes() throws Exception {
        DrillReport all = new RestoreDrill(repo, new Random(2), temp, 100, 256L << 20).run(snapshot);
        assertTrue(all.ok(), all.failures().toString());
        assertEquals(41, all.filesChecked());

        DrillReport small = new RestoreDrill(repo, new Random(3), temp, 100, 1 << 20).run(snapshot);
        assertTrue(small.ok(), small.failures().toString());
        assertTrue(small.bytesChecked() <= 1 << 20, "budget exceeded: " + small.bytesChecked());
        assertTrue(small.filesChecked() < 41, "the 3 MiB file never fits a 1 MiB budget");
        assertEmpty(temp);
    }

    @Test
    void aDamagedPackIsReportedPerFile() throws Exception {
        java.util.Set<String> dataPacks = new java.util.HashSet<>();
        repo.index().forEach(pb -> {
            if (pb.handle().type() == dev.coffer.repo.model.BlobType.DATA) {
                dataPacks.add(pb.packId().hex());
            }
        });
        try (Stream<Path> packs = Files.walk(repoDir.resolve("data"))) {
            for (Path pack : packs.filter(p -> dataPacks.contains(p.getFileName().toString())).toList()) {
                Files.setPosixFilePermissions(pack, PosixFilePermissions.fromString("rw-------"));
                try (RandomAccessFile f = new RandomAccessFile(pack.toFile(), "rw")) {
                    for (long at = 100; at < f.length() - 1024; at += 1024) {
                        f.seek(at);
                        int b = f.read();
                        f.seek(at);
                        f.write(b ^ 0x55);
                    }
                }
            }
        }
        DrillReport r = new RestoreDrill(repo, new Random(1), temp, 5, 256L << 20).run(snapshot);
        assertFalse(r.ok());
        assertTrue(r.failures().stream().anyMatch(f -> f.startsWith("damaged: ")), r.failures().toString());
        assertTrue(r.failures().stream().anyMatch(f -> f.contains("cannot be read back from the repository")),
                r.failures().toString());
        assertEmpty(temp);
    }

    private static void assertEmpty(Path temp) throws IOException {
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "the drill's temporary folder is removed");
        }
    }
}
