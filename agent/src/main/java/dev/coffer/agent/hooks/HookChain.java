package dev.coffer.agent.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs hooks around a backup: {@code before} in order, {@code after} in reverse order for every
 * hook whose {@code before} succeeded, also when a later hook or the backup failed.
 */
public final class HookChain {
    private static final Logger LOG = LoggerFactory.getLogger(HookChain.class);
    /** No hooks. */
    public static final HookChain NONE = new HookChain(List.of());

    private final List<Hook> hooks;

    public HookChain(List<Hook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    public boolean isEmpty() {
        return hooks.isEmpty();
    }

    /**
     * Runs every {@code before}. When one fails, the {@code after} steps of those that ran are
     * run (with a failure outcome) before the exception is thrown.
     */
    public Started before(BackupPlan plan) throws HookException, InterruptedException {
        Objects.requireNonNull(plan, "plan");
        List<Hook> done = new ArrayList<>();
        BackupPlan current = plan;
        try {
            for (Hook h : hooks) {
                current = Objects.requireNonNull(h.before(current), "hook returned no plan");
                done.add(h);
            }
        } catch (HookException | InterruptedException | RuntimeException e) {
            for (String problem : runAfters(done, Outcome.failure("a pre-backup hook failed: " + e.getMessage()))) {
                LOG.warn("cleanup after a failed pre-backup hook: {}", problem);
            }
            throw e;
        }
        return new Started(current, done);
    }

    /** The hooks whose {@code before} ran, and the plan they produced. */
    public static final class Started {
        private final BackupPlan plan;
        private final List<Hook> done;

        private Started(BackupPlan plan, List<Hook> done) {
            this.plan = plan;
            this.done = done;
        }

        public BackupPlan plan() {
            return plan;
        }

        /**
         * Runs the {@code after} steps in reverse order; never throws.
         *
         * @return what failed, one message per hook, empty when all went well
         */
        public List<String> after(Outcome outcome) {
            return runAfters(done, outcome);
        }
    }

    private static List<String> runAfters(List<Hook> done, Outcome outcome) {
        List<String> problems = new ArrayList<>();
        boolean interrupted = false;
        for (int i = done.size() - 1; i >= 0; i--) {
            try {
                done.get(i).after(outcome);
            } catch (HookException e) {
                problems.add(e.getMessage());
            } catch (InterruptedException e) {
                // keep going: the remaining cleanups (a TSDB snapshot's removal) still matter
                interrupted = true;
                problems.add("a post-backup hook was interrupted at shutdown");
            } catch (RuntimeException e) {
                problems.add("a post-backup hook failed: " + e);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return problems;
    }
}
