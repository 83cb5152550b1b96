package dev.coffer.agent.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments on a local repository: 20 {@link CrashTrials} with ~100 MiB of new
 * data (random, text and 200 small files), each in a hard-linked copy of the base repository,
 * killed a seeded random 0.2 to 3 s after the lock appears (cut to 1.1 times an uninterrupted
 * run on fast machines, so that kills land while it walks, uploads packs, writes the index or the
 * snapshot, and a few just after it finished).
 */
@Tag("slow")
class CrashSafetyTest {
    private static final int TRIALS = 20;

    @TempDir
    Path tmp;

    @Test
    void killedBackupsLeaveACheckedRepositoryAndTheRerunResumes() throws Exception {
        CrashTrials trials = new CrashTrials(new LocalTrialSite(tmp), tmp, new CrashTrials.DataSet(10, 3, 200));
        trials.randomKills(TRIALS, 20261123);
        trials.finish(TRIALS);
    }
}
