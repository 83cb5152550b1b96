package dev.coffer.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookChainTest {
    /** Records its calls; fails its before or after when asked. */
    static final class Recorder implements Hook {
        final String name;
        final List<String> calls;
        final boolean failBefore;
        final boolean failAfter;

        Recorder(String name, List<String> calls, boolean failBefore, boolean failAfter) {
            this.name = name;
            this.calls = calls;
            this.failBefore = failBefore;
            this.failAfter = failAfter;
        }

        @Override
        public BackupPlan before(BackupPlan plan) throws HookException {
            calls.add(name + ".before");
            if (failBefore) {
                throw new HookException(name + " refused");
            }
            return plan.withTag(name);
        }

        @Override
        public void after(Outcome outcome) throws HookException {
            calls.add(name + ".after(" + outcome.status() + ")");
            if (failAfter) {
                throw new HookException(name + " cleanup failed");
            }
        }
    }

    static final BackupPlan PLAN = new BackupPlan(List.of(Path.of("/data")), List.of());

    @Test
    void beforesInOrderAftersInReverseWithTheOutcome() throws Exception {
        List<String> calls = new ArrayList<>();
        HookChain chain = new HookChain(List.of(new Recorder("a", calls, false, false), new Recorder("b", calls, false, false)));
        HookChain.Started s = chain.before(PLAN);
        assertEquals(List.of("a", "b"), s.plan().tags());
        assertEquals(List.of(), s.after(Outcome.success("1234abcd")));
        assertEquals(List.of("a.before", "b.before", "b.after(success)", "a.after(success)"), calls);
    }

    @Test
    void aFailingBeforeCleansUpWhatRanAndStops() {
        List<String> calls = new ArrayList<>();
        HookChain chain = new HookChain(List.of(new Recorder("snapshot", calls, false, false),
                new Recorder("dump", calls, true, false), new Recorder("never", calls, false, false)));
        HookException e = assertThrows(HookException.class, () -> chain.before(PLAN));
        assertEquals("dump refused", e.getMessage());
        assertEquals(List.of("snapshot.before", "dump.before", "snapshot.after(failure)"), calls);
    }

    @Test
    void everyAfterRunsAndEveryFailureIsReported() throws Exception {
        List<String> calls = new ArrayList<>();
        HookChain chain = new HookChain(List.of(new Recorder("a", calls, false, true), new Recorder("b", calls, false, true)));
        List<String> problems = chain.before(PLAN).after(Outcome.failure("disk full"));
        assertEquals(List.of("b cleanup failed", "a cleanup failed"), problems);
        assertEquals(List.of("a.before", "b.before", "b.after(failure)", "a.after(failure)"), calls);
    }

    @Test
    void replacingKeepsOtherSources() {
        BackupPlan p = new BackupPlan(List.of(Path.of("/prometheus"), Path.of("/etc/prometheus")), List.of("x"));
        BackupPlan q = p.replacing(Path.of("/prometheus"), Path.of("/prometheus/snapshots/s1"));
        assertEquals(List.of(Path.of("/etc/prometheus"), Path.of("/prometheus/snapshots/s1")), q.sources());
        assertSame(q, q.withTag("x"));
        assertEquals(List.of("x"), q.withTag("x").tags());
    }
}
