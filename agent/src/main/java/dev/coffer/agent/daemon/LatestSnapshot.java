package dev.coffer.agent.daemon;

import dev.coffer.agent.config.JobConfig;
import dev.coffer.repo.repository.Snapshot;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A job's newest snapshot: this host's, with the job's tags and its paths, or for a job with the
 * TSDB snapshot hook (whose paths change every run) its {@code tsdb-snapshot=} tag.
 */
final class LatestSnapshot {
    private LatestSnapshot() {
    }

    static Optional<Snapshot> of(List<Snapshot> all, JobConfig job, String hostname) {
        boolean tsdb = job.hooks().prometheusSnapshotUrl().isPresent();
        List<String> paths = job.sources().stream().map(s -> Path.of(s).normalize().toString()).sorted().toList();
        return all.stream()
                .filter(s -> s.file().hostname().equals(hostname))
                .filter(s -> s.file().tags().containsAll(job.tags()))
                .filter(s -> tsdb ? s.file().tags().stream().anyMatch(t -> t.startsWith("tsdb-snapshot="))
                        : s.file().paths().stream().sorted().toList().equals(paths))
                .max(Comparator.comparing((Snapshot s) -> s.file().time().toInstant()).thenComparing(s -> s.id().hex()));
    }
}
