package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.app.Backends;
import dev.coffer.agent.app.Environment;
import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents ({@code coffer agent --once} in two child JVMs, different RESTIC_HOSTNAME and pod
 * names) back up different data, plus one file they share, into one repository at the same time.
 * Their runs overlap for certain: each waits in its PRE_BACKUP_COMMAND (which runs while the
 * agent holds its lock) until restic lists both locks, then both back up at once. Afterwards
 * restic 0.14 checks every byte, and restores each snapshot identical to its source.
 */
@Tag("slow")
class ConcurrencyTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twoAgentsBackingUpIntoOneLocalRepositoryAtOnceBothMakeValidSnapshots() throws Exception {
        Path repo = tmp.resolve("repo");
        Restic restic = new Restic(repo, Coffer.PASSWORD);
        twoAgents(repo.toString(), Map.of(), args -> restic.run(tmp, args));
    }

    @Test
    void twoAgentsBackingUpIntoOneS3RepositoryAtOnceBothMakeValidSnapshots() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start()) {
            String repo = "s3:" + server.endpoint() + "/concurrency/shared";
            // an S3 URL is no Path (it would lose a slash): the -r given here comes after the helper's and wins
            Restic restic = new Restic(Path.of("/"), Coffer.PASSWORD, server.env());
            twoAgents(repo, server.env(), args -> restic.run(tmp, concat(new String[] {"-r", repo}, args)));
        }
    }

    private void twoAgents(String repository, Map<String, String> storageEnv, ResticRun restic) throws Exception {
        init(repository, storageEnv);
        byte[] shared = TestData.random(99, 2 << 20);
        Gate gate = new Gate(tmp.resolve("gate"));
        Map<String, Path> sources = new TreeMap<>();
        Map<String, Process> agents = new HashMap<>();
        for (String name : List.of("a", "b")) {
            Path src = tmp.resolve("src-" + name);
            TestData.mixed(src, name.charAt(0), 2);
            Files.write(src.resolve("shared.bin"), shared);
            sources.put("agent-" + name, src);
            Coffer agent = coffer(repository, storageEnv, name);
            agent.env.put("RESTIC_SOURCE", src.toString());
            agent.env.put("RESTIC_HOSTNAME", "agent-" + name);
            agent.env.put("HOSTNAME", "agent-" + name + "-7c5ddbdf54-2xzrf");
            agent.env.put("METRICS_PORT", "off");
            agent.env.put("PRUNE_ENABLED", "false");
            agent.env.put("PRE_BACKUP_COMMAND", "touch '" + tmp.resolve(name + ".holds-lock") + "'; " + gate.script(""));
            agents.put(name, agent.start(false, tmp.resolve("logs-" + name), "agent", "--once"));
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(tmp.resolve("a.holds-lock")) && Files.exists(tmp.resolve("b.holds-lock")))) {
                for (Process p : agents.values()) {
                    assertTrue(p.isAlive(), "an agent ended before both held their locks: " + logs());
                }
                assertTrue(System.nanoTime() < deadline, "the agents did not both reach their pre hooks: " + logs());
                Thread.sleep(20);
            }
            List<String> locks = restic.run("list", "locks", "--no-lock").ok().out().lines().toList();
            assertEquals(2, locks.size(), "both agents hold a lock at the same moment: " + locks);
        } finally {
            gate.open();
        }
        for (Process p : agents.values()) {
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "agent timed out");
            assertEquals(0, p.exitValue(), logs());
        }

        String check = restic.run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);
        assertEquals("", restic.run("list", "locks", "--no-lock").ok().out(), "both locks removed");
        JsonNode snapshots = json.readTree(restic.run("snapshots", "--json").ok().out());
        assertEquals(2, snapshots.size(), snapshots.toString());
        for (JsonNode s : snapshots) {
            Path src = sources.get(s.get("hostname").asText());
            assertEquals(List.of(src.toString()), List.of(s.get("paths").get(0).asText()), s.toString());
            Path target = tmp.resolve("restored-" + s.get("hostname").asText());
            restic.run("restore", s.get("id").asText(), "--target", target.toString()).ok();
            assertEquals(List.of(), TreeCompare.diff(src, target.resolve(tmp.getRoot().relativize(src)), true));
        }
        assertEquals(sources.keySet(), new java.util.TreeSet<>(snapshots.findValuesAsText("hostname")));
    }

    /** Creates the repository with a cheap key (scrypt N=1024), so that each of the many processes opens it quickly. */
    private void init(String repository, Map<String, String> storageEnv) throws Exception {
        Map<String, String> env = new HashMap<>(storageEnv);
        Environment e = new Environment(env, Coffer.HOSTNAME, "tester", Coffer.uid(), 0, ProcessHandle.current().pid(), tmp);
        Repository.init(Backends.open(repository, Map.of(), e).backend(), Coffer.PASSWORD.toCharArray(),
                new ScryptParams(1024, 8, 1), new SecureRandom(), Clock.systemUTC(), "tester", Coffer.HOSTNAME);
    }

    private Coffer coffer(String repository, Map<String, String> storageEnv, String name) {
        Coffer c = new Coffer(tmp.resolve("repo"), tmp);
        c.env.put("RESTIC_REPOSITORY", repository);
        c.env.putAll(storageEnv);
        return c;
    }

    private String logs() throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("a", "b")) {
            Path err = tmp.resolve("logs-" + name).resolve("err.txt");
            b.append("\n--- agent ").append(name).append(":\n").append(Files.exists(err) ? Files.readString(err) : "(no log)");
        }
        return b.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** restic on the repository under test. */
    private interface ResticRun {
        Restic.Result run(String... args) throws Exception;
    }
}
