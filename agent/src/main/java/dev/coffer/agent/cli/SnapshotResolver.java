package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.repository.Snapshot;
import dev.coffer.repo.repository.SnapshotStore;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/** Finds the snapshot a user names: "latest", a full id, or a unique id prefix. */
final class SnapshotResolver {
    private SnapshotResolver() {
    }

    static Snapshot resolve(SnapshotStore store, String name, SnapshotFilter filter) throws IOException {
        return resolve(store, name, filter, null);
    }

    /**
     * Like {@link #resolve(SnapshotStore, String, SnapshotFilter)}, but a damaged snapshot file is
     * passed over with a warning to {@code warn} (as restic does) instead of failing; null: fail.
     */
    static Snapshot resolve(SnapshotStore store, String name, SnapshotFilter filter,
            java.util.function.Consumer<String> warn) throws IOException {
        List<Snapshot> all = warn == null ? store.listSnapshots() : store.listSnapshots((id, e) -> warn.accept(damaged(id, e)));
        if (name.equals("latest")) {
            return all.stream().filter(filter::matches)
                    .max(Comparator.comparing((Snapshot s) -> s.file().time().toInstant()))
                    .orElseThrow(() -> new UsageException("no snapshot found; run a backup first, or check --host/--tag/--path"));
        }
        String prefix = name.toLowerCase(java.util.Locale.ROOT);
        List<Snapshot> matches = all.stream().filter(s -> s.id().hex().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new UsageException("no snapshot matches '" + name + "'; list them with 'coffer snapshots'");
        }
        if (matches.size() > 1) {
            throw new UsageException("snapshot prefix '" + name + "' is ambiguous; give more characters of the id");
        }
        return matches.get(0);
    }

    /** The warning for a snapshot file that cannot be loaded. */
    static String damaged(dev.coffer.repo.model.Id id, IOException e) {
        return "warning: snapshot " + id.shortHex() + " is skipped, it cannot be loaded (" + e.getMessage()
                + "); run 'coffer check'";
    }

    /** restic's description of a snapshot: {@code <Snapshot 40dc1520 of [/a /b] at 2015-... by user@host>}. */
    static String describe(Snapshot s) {
        return "snapshot " + s.id().shortHex() + " of " + s.file().paths().toString().replace(",", "") + " at "
                + s.file().time() + " by " + s.file().username() + "@" + s.file().hostname();
    }
}
