package dev.coffer.agent.backup;

import dev.coffer.agent.source.FileMeta;
import dev.coffer.agent.source.MetaReader;
import dev.coffer.agent.source.SourceFilter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a backup will process (files and bytes, after excludes) on its own thread, so that
 * progress can show a percentage and an ETA, as restic's scanner does. Best effort: errors are
 * ignored here, the archiver reports them.
 */
public final class Scanner {
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean done;
    private final MetaReader meta = new MetaReader();
    private final SourceFilter filter;

    public Scanner(SourceFilter filter) {
        this.filter = filter;
    }

    /** Starts counting {@code targets} in a daemon thread. */
    public void start(List<Path> targets) {
        Thread t = new Thread(null, () -> {
            for (Path p : targets) {
                try {
                    FileMeta m = meta.read(p);
                    visit(p, m, m.device());
                } catch (IOException | RuntimeException e) {
                    // the archiver reports unreadable targets
                }
            }
            done = true;
        }, "backup-scanner", Archiver.WALK_STACK);
        t.setDaemon(true);
        t.start();
    }

    private void visit(Path p, FileMeta m, long rootDevice) {
        if (m.isRegular()) {
            files.incrementAndGet();
            bytes.addAndGet(m.size());
        } else if (m.isDirectory() && !filter.stopsAt(m, rootDevice)) {
            String marker = filter.marker(p);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    if (marker != null && !c.getFileName().toString().equals(marker)) {
                        continue;
                    }
                    try {
                        FileMeta cm = meta.read(c);
                        if (!filter.excluded(c, cm, rootDevice)) {
                            visit(c, cm, rootDevice);
                        }
                    } catch (IOException e) {
                        // skipped
                    }
                }
            } catch (IOException e) {
                // skipped
            }
        }
    }

    public long files() {
        return files.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public boolean done() {
        return done;
    }
}
