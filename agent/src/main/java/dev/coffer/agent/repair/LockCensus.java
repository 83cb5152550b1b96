package dev.coffer.agent.repair;

import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.Id;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Sorts other processes' locks into stale and live with restic's rule: a lock is stale when it is
 * older than 30 minutes, or when it was taken on this host by a process that no longer exists (or
 * whose pid is this process's own: an earlier life of this container). A stale lock is the trace of
 * a run that did not finish; a live one may belong to a run still writing.
 */
public final class LockCensus {
    private final String hostname;
    private final long pid;
    private final Clock clock;
    private final LongPredicate processAlive;

    /** @param processAlive whether a process with this pid runs on this host */
    public LockCensus(String hostname, long pid, Clock clock, LongPredicate processAlive) {
        this.hostname = hostname;
        this.pid = pid;
        this.clock = clock;
        this.processAlive = processAlive;
    }

    /** A census that asks the operating system whether a pid is alive. */
    public static LockCensus of(String hostname, long pid, Clock clock) {
        return new LockCensus(hostname, pid, clock, p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }

    /** True if no running process can hold this lock any more. */
    public boolean stale(LockFile lf) {
        Duration age = Duration.between(lf.time().toInstant(), clock.instant());
        if (age.compareTo(RepositoryLock.STALE_AGE) > 0) {
            return true;
        }
        if (!lf.hostname().equals(hostname)) {
            return false;
        }
        return lf.pid() == pid || !processAlive.test(lf.pid());
    }

    /** One line for each lock whose owner may still be running. */
    public List<String> live(Map<Id, LockFile> locks) {
        List<String> out = new ArrayList<>();
        locks.forEach((id, lf) -> {
            if (!stale(lf)) {
                out.add("lock " + id.shortHex() + " of PID " + lf.pid() + " on " + lf.hostname()
                        + (lf.exclusive() ? " (exclusive)" : ""));
            }
        });
        out.sort(null);
        return out;
    }
}
