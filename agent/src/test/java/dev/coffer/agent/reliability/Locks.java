package dev.coffer.agent.reliability;

import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lock files of a repository, read the way another process sees them. */
final class Locks {
    private Locks() {
    }

    /** Every lock file that could be read (one removed between listing and reading is left out). */
    static Map<Id, LockFile> read(Repository repo) throws IOException {
        Map<Id, LockFile> out = new LinkedHashMap<>();
        for (Id id : repo.list(FileType.LOCK)) {
            try {
                out.put(id, LockFile.decode(repo.loadUnpacked(FileType.LOCK, id)));
            } catch (NotFoundException e) {
                // refreshed or released meanwhile
            }
        }
        return out;
    }

    /** Waits until a lock of process {@code pid} exists; fails if {@code child} ends first or time runs out. */
    static Id awaitLockOf(Repository repo, long pid, Process child, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Id, LockFile> e : read(repo).entrySet()) {
                if (e.getValue().pid() == pid) {
                    return e.getKey();
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("process " + pid + " ended with " + child.exitValue() + " before it held a lock");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process " + pid + " took no lock within " + timeout);
    }
}
