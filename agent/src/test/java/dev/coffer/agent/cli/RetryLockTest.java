package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --retry-lock waits for a conflicting lock to go away, and gives up with exit 11 when it stays. */
@Tag("slow")
class RetryLockTest {
    @TempDir
    Path tmp;

    private static Id exclusiveLock(Repository r) throws Exception {
        return r.saveUnpacked(FileType.LOCK, new LockFile(OffsetDateTime.now(), true, "other-host", "someone", 1, 0, 0).encode());
    }

    @Test
    void givesUpWithExit11WhenTheLockStays() throws Exception {
        SmallRepo repo = new SmallRepo(tmp);
        exclusiveLock(repo.open());
        long start = System.nanoTime();
        Cli.Result r = repo.run("--retry-lock", "1s", "stats");
        assertEquals(11, r.exit(), r.err());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1000), "waited for the retry period");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("already locked exclusively by PID 1 on other-host"), r.err());
        assertEquals(11, repo.run("key", "list").exit(), "no retry by default");
        assertEquals(0, repo.run("--no-lock", "key", "list").exit(), "--no-lock reads without locking");
    }

    @Test
    void proceedsOnceTheLockIsRemoved() throws Exception {
        SmallRepo repo = new SmallRepo(tmp);
        Repository r = repo.open();
        Id lock = exclusiveLock(r);
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(500);
                r.backend().remove(FileHandle.of(FileType.LOCK, lock));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Cli.Result tag = repo.run("tag", "--retry-lock", "3s", "--add", "after-wait", "latest");
        release.join();
        assertEquals(0, tag.exit(), tag.err());
        assertTrue(repo.run("snapshots", "--json").ok().out().contains("after-wait"));
    }
}
