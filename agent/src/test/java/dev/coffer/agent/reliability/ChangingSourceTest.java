package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backup.BackupEngine;
import dev.coffer.agent.backup.BackupListener;
import dev.coffer.agent.backup.BackupRequest;
import dev.coffer.agent.backup.BackupResult;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that change while the backup reads them: one that grows or shrinks is stored as the bytes
 * that were read (its size is what was read, so restic's check of sizes against blobs holds); one
 * that vanishes between the listing and the read is reported, as restic reports it ("error: open
 * ...: no such file or directory", or "lstat" when it vanished before its metadata was read), with
 * exit 3, and the rest is saved. The change is triggered from
 * the engine's progress listener, so it happens at the same point every run.
 */
@org.junit.jupiter.api.Tag("slow")
class ChangingSourceTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;
    Path src;
    Path repoDir;
    Repository repo;

    @BeforeEach
    void repository() throws Exception {
        src = Files.createDirectories(tmp.resolve("src"));
        repoDir = tmp.resolve("repo");
        new Coffer(repoDir, tmp).run("init").ok();
        repo = Repository.open(new LocalBackend(repoDir), Coffer.PASSWORD.toCharArray(), new SecureRandom());
        repo.loadIndex();
    }

    private BackupResult backup(BackupListener listener) throws IOException {
        return new BackupEngine(repo, Clock.systemUTC(), 2, "tester", 0, 0)
                .run(BackupRequest.of(List.of(src), "testhost", List.of()), tmp, listener);
    }

    private Path restored() throws Exception {
        Path out = tmp.resolve("out");
        new Restic(repoDir, Coffer.PASSWORD).run("restore", "latest", "--target", out.toString()).ok();
        return out.resolve(tmp.getRoot().relativize(src));
    }

    /** Runs {@code change} once, the first time the engine reports bytes read. */
    private static BackupListener once(IoAction change) {
        AtomicBoolean done = new AtomicBoolean();
        return new BackupListener() {
            @Override
            public void bytes(long n) {
                if (done.compareAndSet(false, true)) {
                    try {
                        change.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    interface IoAction {
        void run() throws IOException;
    }

    @Test
    void fileThatGrowsWhileReadIsStoredAsRead() throws Exception {
        Path f = Files.write(src.resolve("growing.log"), TestData.text(1, 6 * MIB));
        byte[] more = TestData.text(2, 2 * MIB);
        BackupResult r = backup(once(() -> Files.write(f, more, StandardOpenOption.APPEND)));
        assertEquals(0, r.exitCode(), r.errors().toString());
        assertEquals(8L * MIB, r.counters().totalBytes(), "the appended part was read too");
        assertEquals(0, new Restic(repoDir, Coffer.PASSWORD).run("check", "--read-data").exit());
        assertEquals(-1, Files.mismatch(f, restored().resolve("growing.log")));
    }

    @Test
    void fileThatShrinksWhileReadIsStoredAsRead() throws Exception {
        Path f = Files.write(src.resolve("shrinking.bin"), TestData.random(3, 6 * MIB));
        BackupResult r = backup(once(() -> {
            try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(2 * MIB);
            }
        }));
        assertEquals(0, r.exitCode(), r.errors().toString());
        assertEquals(0, new Restic(repoDir, Coffer.PASSWORD).run("check", "--read-data").exit(),
                "the stored size is the bytes read, so sizes and blobs agree");
        Path back = restored().resolve("shrinking.bin");
        assertTrue(Files.size(back) >= 2 * MIB && Files.size(back) <= 6 * MIB, "size " + Files.size(back));
        assertEquals(-1, Files.mismatch(back, Files.write(tmp.resolve("prefix"),
                java.util.Arrays.copyOf(TestData.random(3, 6 * MIB), (int) Files.size(back)))), "a prefix of the original");
    }

    @Test
    void fileThatVanishesBeforeItIsReadIsReportedWithExit3() throws Exception {
        for (int i = 0; i < 4; i++) {
            Files.write(src.resolve("a" + i + ".bin"), TestData.random(10 + i, 2 * MIB));
        }
        Path gone = Files.writeString(src.resolve("zz-vanishes.txt"), "here at the listing\n");
        BackupResult r = backup(once(() -> Files.delete(gone)));
        assertEquals(3, r.exitCode());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).matches("error: (lstat|open) " + java.util.regex.Pattern.quote(gone.toString())
                + ": no such file or directory"), "restic's words, whether it vanished before the lstat or the open: " + r.errors());
        assertTrue(r.snapshotId() != null, "the snapshot is saved without it");
        assertEquals(0, new Restic(repoDir, Coffer.PASSWORD).run("check").exit());
        assertEquals(4, Files.list(restored()).count());
    }
}
