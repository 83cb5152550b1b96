package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.testing.Restic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer agent}: validation, --print-config and --once, run in-process. */
class AgentCommandTest {
    static final String PASSWORD = "agent-command-password-31";
    static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY";

    @TempDir
    Path dir;

    private Cli cli() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("a.txt"), "alpha\n");
        Cli cli = new Cli(dir, PASSWORD);
        cli.env.put("RESTIC_REPOSITORY", dir.resolve("repo").toString());
        cli.env.put("RESTIC_SOURCE", source.toString());
        cli.env.put("HOSTNAME", "web-7c5ddbdf54-2xzrf");
        cli.env.put("METRICS_PORT", "off");
        return cli;
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Cli cli = cli();
        cli.env.remove("RESTIC_SOURCE");
        cli.env.put("LOG_LEVEL", "chatty");
        cli.env.put("KEEP_DAILY", "lots");
        cli.env.put("NTFY_ENABLED", "maybe");
        Cli.Result r = cli.run("agent");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("Fatal: the configuration has 4 problems"), r.err());
        assertTrue(r.err().contains("  - RESTIC_SOURCE: is required"), r.err());
        assertTrue(r.err().contains("  - NTFY_ENABLED: must be \"true\" or \"false\", got 'maybe'"), r.err());
        assertTrue(r.err().contains("  - KEEP_DAILY: "), r.err());
        assertTrue(r.err().contains("  - LOG_LEVEL: must be debug, info, warn or error, got 'chatty'"), r.err());
    }

    @Test
    void printConfigMasksSecrets() throws Exception {
        Cli cli = cli();
        cli.env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        cli.env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
        cli.env.put("PRE_BACKUP_COMMAND", "curl -fsS https://user:hookpass@example.org/start");
        Cli.Result r = cli.run("agent", "--print-config").ok();
        assertTrue(r.out().contains("RESTIC_HOSTNAME          = web  (pod web-7c5ddbdf54-2xzrf)"), r.out());
        assertTrue(r.out().contains("RESTIC_PASSWORD          = ******"), r.out());
        assertTrue(r.out().contains("AWS_ACCESS_KEY_ID        = AKIA***"), r.out());
        assertTrue(r.out().contains("PRE_BACKUP_COMMAND       = curl -fsS https://user:***@example.org/start"), r.out());
        assertFalse(r.out().contains(PASSWORD), r.out());
        assertFalse(r.out().contains(AWS_SECRET), r.out());
        assertFalse(r.out().contains("hookpass"), r.out());
    }

    @Test
    void onceExitsWithTheBackupsCode() throws Exception {
        Cli cli = cli();
        assertEquals(10, cli.run("agent", "--once").exit(), "no repository and no AUTO_INIT");
        cli.env.put("AUTO_INIT", "true");
        Cli.Result r = cli.run("agent", "--once");
        assertEquals(0, r.exit(), r.err());
        String snapshots = new Restic(dir.resolve("repo"), PASSWORD).run("snapshots", "--json").ok().out();
        assertTrue(snapshots.contains("\"hostname\":\"web\""), snapshots);
        assertTrue(snapshots.contains(dir.resolve("source").toString()), snapshots);
        new Restic(dir.resolve("repo"), PASSWORD).run("check").ok();
    }

    @Test
    void onceAppliesTheRetentionPolicyAfterEachBackup() throws Exception {
        Cli cli = cli();
        cli.env.put("AUTO_INIT", "true");
        cli.env.put("KEEP_LAST", "2");
        for (int i = 0; i < 4; i++) {
            java.nio.file.Files.writeString(dir.resolve("source/run.txt"), "run " + i);
            Cli.Result r = cli.run("agent", "--once");
            assertEquals(0, r.exit(), r.err());
        }
        Restic restic = new Restic(dir.resolve("repo"), PASSWORD);
        com.fasterxml.jackson.databind.JsonNode snaps = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(restic.run("snapshots", "--json").ok().out());
        assertEquals(2, snaps.size(), snaps.toString());
        restic.run("check", "--read-data").ok();
    }

    @Test
    void theAgentIsACommand() {
        Cli.Result r = new Cli(dir, PASSWORD).run("--help");
        assertTrue(r.out().contains("agent"), r.out());
    }
}
