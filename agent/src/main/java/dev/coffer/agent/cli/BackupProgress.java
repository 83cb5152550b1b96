package dev.coffer.agent.cli;

import dev.coffer.agent.backup.BackupListener;
import dev.coffer.agent.backup.Scanner;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backup progress: a live status line on a terminal, or restic's {@code status} JSON messages with
 * {@code --json}, once a second. Counts come from the archiver (done) and the scanner (totals).
 */
final class BackupProgress implements BackupListener, AutoCloseable {
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final Scanner scanner;
    private final PrintStream out;
    private final boolean json;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;

    BackupProgress(Scanner scanner, PrintStream out, boolean json) {
        this.scanner = scanner;
        this.out = out;
        this.json = json;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void bytes(long n) {
        bytesDone.addAndGet(n);
    }

    @Override
    public void fileDone() {
        filesDone.incrementAndGet();
    }

    private void print() {
        double secs = (System.nanoTime() - start) / 1e9;
        long total = scanner.bytes();
        long done = bytesDone.get();
        double pct = total > 0 ? Math.min(1.0, done / (double) total) : 0;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message_type", "status");
            m.put("seconds_elapsed", (long) secs);
            m.put("percent_done", pct);
            m.put("total_files", scanner.files());
            m.put("files_done", filesDone.get());
            m.put("total_bytes", total);
            m.put("bytes_done", done);
            out.println(Json.write(m));
            return;
        }
        double rate = secs > 0 ? done / secs : 0;
        String eta = scanner.done() && rate > 0 && total > done
                ? " ETA " + Sizes.duration(java.time.Duration.ofSeconds((long) ((total - done) / rate))) : "";
        out.printf(Locale.ROOT, "\r[%s] %5.1f%%  %d files %s, total %d files %s, %.1f MiB/s%s   ",
                Sizes.duration(java.time.Duration.ofSeconds((long) secs)), pct * 100, filesDone.get(), Sizes.bytes(done),
                scanner.files(), Sizes.bytes(total), rate / (1 << 20), eta);
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (!json) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }
}
