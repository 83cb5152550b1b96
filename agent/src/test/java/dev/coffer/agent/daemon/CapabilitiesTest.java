package dev.coffer.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesTest {
    @TempDir
    Path dir;

    @Test
    void defaultsNeedNothingThisBuildLacks() throws Exception {
        Fixture f = new Fixture(dir);
        f.env.remove("PRUNE_ENABLED");
        f.env.remove("CHECK_CRON");
        assertEquals(List.of(), Capabilities.problems(f.env, Optional.of(f.config()), false));
    }

    @Test
    void retentionAndPruneAreRefusedWithoutAnImplementation() throws Exception {
        Fixture f = new Fixture(dir);
        f.env.put("KEEP_DAILY", "7");
        f.env.put("KEEP_LAST", "0");
        f.env.put("PRUNE_CRON", "0 3 * * *");
        f.env.remove("PRUNE_ENABLED");
        List<String> problems = Capabilities.problems(f.env, Optional.of(f.config()), false);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("KEEP_DAILY: forget/prune not available in this build"), problems.get(0));
        assertTrue(problems.get(1).startsWith("PRUNE_CRON: forget/prune not available in this build"), problems.get(1));
        assertEquals(List.of(), Capabilities.problems(f.env, Optional.of(f.config()), true), "with an implementation");
    }

    @Test
    void pruneCronIsFineWherePruningIsDisabledOrOff() throws Exception {
        Fixture f = new Fixture(dir);
        f.env.put("PRUNE_CRON", "0 3 * * *");
        assertEquals(List.of(), Capabilities.problems(f.env, Optional.empty(), false), "PRUNE_ENABLED=false");
        f.env.remove("PRUNE_ENABLED");
        f.env.put("PRUNE_CRON", "off");
        assertEquals(List.of(), Capabilities.problems(f.env, Optional.empty(), false));
    }

    @Test
    void jobsFileRetentionIsRefusedToo() throws Exception {
        Fixture f = new Fixture(dir);
        Path file = dir.resolve("jobs.yaml");
        Files.writeString(file, "jobs:\n  - name: db\n    source: " + f.source + "\n    retention: {daily: 7}\n"
                + "    excludes: ['*.tmp']\n    prune_schedule: '0 4 * * *'\n");
        f.env.put("COFFER_CONFIG", file.toString());
        f.env.remove("PRUNE_ENABLED");
        List<String> problems = Capabilities.problems(f.env, Optional.of(f.config()), false);
        assertEquals(List.of(
                "COFFER_CONFIG job 'db': retention: forget/prune not available in this build; remove it (snapshots are then kept)",
                "COFFER_CONFIG job 'db': prune_schedule: forget/prune not available in this build; remove it or set it to off"),
                problems);
    }

    @Test
    void excludesAreFine() throws Exception {
        Fixture f = new Fixture(dir);
        f.env.put("BACKUP_EXCLUDES", "*.tmp,cache");
        assertEquals(List.of(), Capabilities.problems(f.env, Optional.of(f.config()), false));
    }
}
