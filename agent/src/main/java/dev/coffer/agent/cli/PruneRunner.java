package dev.coffer.agent.cli;

import dev.coffer.agent.prune.PackUsage;
import dev.coffer.agent.prune.PruneExecutor;
import dev.coffer.agent.prune.PruneListener;
import dev.coffer.agent.prune.PruneOptions;
import dev.coffer.agent.prune.PrunePhase;
import dev.coffer.agent.prune.PrunePlan;
import dev.coffer.agent.prune.PrunePlanner;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans and (unless a dry run) executes a prune on a repository the caller has locked
 * exclusively, printing restic 0.14's lines: steps and statistics at the default verbosity,
 * totals, pack counts and pack lists with {@code -v}, nothing but errors with {@code -q} or
 * {@code --json} (restic 0.14 has no JSON output for prune).
 *
 * <p>Test hook: when the environment variable {@code COFFER_TEST_SLOW_PRUNE_MS} holds a number of
 * milliseconds, the prune sleeps that long at each step and after each file it writes or deletes,
 * so that a test can kill it at many different points. It changes nothing else.
 */
final class PruneRunner {
    static final String SLOW_ENV = "COFFER_TEST_SLOW_PRUNE_MS";

    private final Context ctx;
    private final GlobalOptions global;

    PruneRunner(Context ctx, GlobalOptions global) {
        this.ctx = ctx;
        this.global = global;
    }

    /**
     * @param ignoreSnapshots snapshots to treat as removed (from a dry-run forget)
     */
    void run(Repository repo, PruneOptions options, Set<Id> ignoreSnapshots, boolean dryRun) throws IOException {
        PruneListener listener = new Output(quiet() ? 0 : global.verbose ? 2 : 1, slowMillis());
        PrunePlan plan = new PrunePlanner(repo, options, listener, 4).plan(ignoreSnapshots);
        if (global.verbose && !quiet()) {
            for (Id id : plan.removePacksFirst()) {
                ctx.out().println("will remove pack " + id.shortHex() + " as it is unused and not indexed");
            }
        }
        if (!plan.ignorePacks().isEmpty()) {
            ctx.err().println("Missing but unneeded pack files are referenced in the index, will be repaired");
            for (Id id : plan.ignorePacks()) {
                ctx.err().println("will forget missing pack file " + id);
            }
        }
        if (!quiet()) {
            ctx.out().print("\n" + PruneText.stats(plan.stats(), global.verbose));
        }
        if (dryRun) {
            if (global.verbose && !quiet()) {
                if (!plan.removePacksFirst().isEmpty()) {
                    list("Would have removed the following unreferenced packs:", plan.removePacksFirst());
                }
                list("Would have repacked and removed the following packs:", plan.repackPacks());
                list("Would have removed the following no longer used packs:", plan.removePacks());
            }
            return;
        }
        new PruneExecutor(repo, listener, Zstd.DEFAULT_LEVEL, options.packSize()).execute(plan);
    }

    private boolean quiet() {
        return global.quiet || global.json;
    }

    private long slowMillis() {
        String v = ctx.env().get(SLOW_ENV);
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** restic's dry-run pack list: a heading, the short ids in braces, a blank line. */
    private void list(String heading, Set<Id> ids) {
        Set<String> hex = new TreeSet<>();
        ids.forEach(id -> hex.add(id.hex()));
        ctx.out().print(heading + "\n" + ForgetText.idSet(hex) + "\n\n");
    }

    /** Prints restic's step lines and warnings; sleeps when the test hook asks for it. */
    private final class Output implements PruneListener {
        private final int verbosity;
        private final long slowMillis;

        Output(int verbosity, long slowMillis) {
            this.verbosity = verbosity;
            this.slowMillis = slowMillis;
        }

        @Override
        public void phase(PrunePhase phase, long count) {
            String line = switch (phase) {
                case LOAD_INDEX -> "loading indexes...";
                case LOAD_SNAPSHOTS -> "loading all snapshots...";
                case FIND_USED_BLOBS -> "finding data that is still in use for " + count + " snapshots";
                case SEARCH_PACKS -> "searching used packs...";
                case DECIDE -> "collecting packs for deletion and repacking";
                case DELETE_UNREFERENCED -> "deleting unreferenced packs";
                case REPACK -> "repacking packs";
                case REBUILD_INDEX -> "rebuilding index";
                case DELETE_INDEX -> "deleting obsolete index files";
                case DELETE_PACKS -> "removing " + count + " old packs";
                case DONE -> "done";
            };
            if (verbosity >= 1) {
                // restic prints a blank line after the progress bar of the tree walk
                ctx.out().print(phase == PrunePhase.SEARCH_PACKS ? "\n" + line + "\n" : line + "\n");
            }
            pause();
        }

        @Override
        public void changed(String what) {
            pause();
        }

        @Override
        public void warning(String message) {
            ctx.err().println(message);
        }

        private void pause() {
            if (slowMillis > 0) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
