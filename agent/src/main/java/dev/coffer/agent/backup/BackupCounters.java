package dev.coffer.agent.backup;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of one backup, updated from many threads. */
public final class BackupCounters {
    final AtomicLong filesNew = new AtomicLong();
    final AtomicLong filesChanged = new AtomicLong();
    final AtomicLong filesUnmodified = new AtomicLong();
    final AtomicLong dirsNew = new AtomicLong();
    final AtomicLong dirsChanged = new AtomicLong();
    final AtomicLong dirsUnmodified = new AtomicLong();
    final AtomicLong totalFiles = new AtomicLong();
    final AtomicLong totalBytes = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    void error(String message) {
        errors.add(message);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public long filesNew() {
        return filesNew.get();
    }

    public long filesChanged() {
        return filesChanged.get();
    }

    public long filesUnmodified() {
        return filesUnmodified.get();
    }

    public long dirsNew() {
        return dirsNew.get();
    }

    public long dirsChanged() {
        return dirsChanged.get();
    }

    public long dirsUnmodified() {
        return dirsUnmodified.get();
    }

    public long totalFiles() {
        return totalFiles.get();
    }

    public long totalBytes() {
        return totalBytes.get();
    }
}
