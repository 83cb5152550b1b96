package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.coffer.agent.config.AgentConfig;
import dev.coffer.agent.config.ConfigException;
import dev.coffer.agent.config.ConfigLoader;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * examples/kubernetes: every file parses; kustomizations list every file; Coffer's containers use
 * only variables Coffer reads, as strings, run as 65534 with a read-only root and dropped
 * capabilities, write only to an emptyDir, are probed on /healthz and /readyz; and every agent
 * container's environment (with its mounted jobs file) passes the agent's own validation.
 */
class ManifestsTest {
    private static final String POD = "web-7c5ddbdf54-2xzrf";

    @Test
    void everyExampleYamlParses() throws Exception {
        int files = 0;
        try (Stream<Path> s = Files.walk(Project.path("examples"))) {
            for (Path f : s.filter(Manifests::isYaml).toList()) {
                assertFalse(Yaml.documents(f).isEmpty(), f + " is empty");
                files++;
            }
        }
        assertTrue(files >= 12, "examples hold " + files + " YAML files");
    }

    @Test
    void kustomizationsListEveryFile() throws Exception {
        for (Path dir : Manifests.exampleDirs()) {
            JsonNode k = Yaml.single(dir.resolve("kustomization.yaml"));
            Set<String> listed = new TreeSet<>();
            k.get("resources").forEach(r -> listed.add(r.asText()));
            Set<String> present = new TreeSet<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Manifests::isYaml).map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals("kustomization.yaml")).forEach(present::add);
            }
            assertEquals(present, listed, dir + "/kustomization.yaml resources");
            for (JsonNode image : k.path("images")) {
                assertTrue(image.get("name").asText().startsWith("coffer"), dir + ": " + image);
            }
        }
    }

    @Test
    void cofferContainersUseOnlyVariablesCofferReadsAsStrings() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path dir : Manifests.exampleDirs()) {
            Manifests m = Manifests.read(dir);
            for (Manifests.Container c : m.containers()) {
                for (JsonNode e : c.spec().path("env")) {
                    if (e.has("value") && !e.get("value").isTextual()) {
                        problems.add(c.name() + ": env " + e.get("name") + " must be a string, quote it");
                    }
                }
                if (!c.isCoffer()) {
                    continue;
                }
                boolean pgDump = c.args().contains("pg_dump");
                for (String name : m.environment(c, "shop").keySet()) {
                    checked++;
                    if (!Variables.coffer(name) && !(pgDump && Variables.LIBPQ.contains(name))) {
                        problems.add(c.name() + ": " + name + " is no variable Coffer reads");
                    }
                }
            }
            for (JsonNode o : m.objects()) {
                for (String field : List.of("data", "stringData")) {
                    if (o.path("kind").asText().matches("Secret|ConfigMap")) {
                        o.path(field).fields().forEachRemaining(e -> {
                            if (!e.getValue().isTextual()) {
                                problems.add(dir.getFileName() + ": " + o.get("metadata").get("name") + "."
                                        + e.getKey() + " must be a string, quote it");
                            }
                        });
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 40, "checked only " + checked + " variables");
    }

    @Test
    void cofferContainersAreLockedDownAndWriteOnlyToAnEmptyDir() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path dir : Manifests.exampleDirs()) {
            Manifests m = Manifests.read(dir);
            for (Manifests.Container c : m.containers()) {
                if (!c.isCoffer()) {
                    continue;
                }
                JsonNode sc = c.spec().path("securityContext");
                JsonNode podSc = c.pod().path("securityContext");
                check(problems, c, "runAsNonRoot", sc.path("runAsNonRoot").asBoolean(podSc.path("runAsNonRoot").asBoolean()));
                check(problems, c, "runAsUser 65534", sc.path("runAsUser").asInt(podSc.path("runAsUser").asInt()) == 65534);
                check(problems, c, "readOnlyRootFilesystem", sc.path("readOnlyRootFilesystem").asBoolean());
                check(problems, c, "allowPrivilegeEscalation false", sc.has("allowPrivilegeEscalation")
                        && !sc.get("allowPrivilegeEscalation").asBoolean());
                check(problems, c, "capabilities drop ALL", sc.path("capabilities").path("drop").toString().contains("\"ALL\""));
                check(problems, c, "memory request and limit", c.spec().path("resources").path("requests").has("memory")
                        && c.spec().path("resources").path("limits").has("memory"));
                String tmp = m.environment(c, "shop").getOrDefault("COFFER_TMPDIR", "/var/cache/coffer/tmp");
                check(problems, c, "COFFER_TMPDIR " + tmp + " on an emptyDir", onEmptyDir(c, tmp));
                if (c.args().contains("agent")) {
                    check(problems, c, "liveness probe GET /healthz", probe(c, "livenessProbe", "/healthz"));
                    check(problems, c, "readiness probe GET /readyz", probe(c, "readinessProbe", "/readyz"));
                    String cache = m.environment(c, "shop").get("CACHE_DIR");
                    check(problems, c, "CACHE_DIR on an emptyDir", cache == null || onEmptyDir(c, cache));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void agentContainersPassTheAgentsOwnValidation() throws Exception {
        int agents = 0;
        for (Path dir : Manifests.exampleDirs()) {
            Manifests m = Manifests.read(dir);
            for (Manifests.Container c : m.containers()) {
                if (!c.isCoffer() || !c.args().contains("agent")) {
                    continue;
                }
                agents++;
                try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
                    for (Map.Entry<String, String> f : m.mountedFiles(c).entrySet()) {
                        Path p = fs.getPath(f.getKey());
                        Files.createDirectories(p.getParent());
                        Files.writeString(p, f.getValue());
                    }
                    Map<String, String> env = new java.util.HashMap<>(m.environment(c, "shop"));
                    env.put("HOSTNAME", POD);
                    AgentConfig config;
                    try {
                        config = new ConfigLoader(fs, () -> POD).load(env);
                    } catch (ConfigException e) {
                        throw new AssertionError(c.name() + " in " + dir + " would not start: " + e.getMessage(), e);
                    }
                    assertEquals(9568, config.metricsPort().orElse(-1), c.name());
                    assertTrue(port(c, "coffer-metrics") == 9568, c.name() + ": port coffer-metrics is 9568");
                    if (dir.endsWith("sidecar")) {
                        assertEquals(List.of("uploads", "config"), config.jobs().stream().map(j -> j.name()).toList());
                        assertEquals("web", config.hostname());
                    }
                    if (dir.endsWith("prometheus")) {
                        assertEquals("http://localhost:9090", config.prometheusSnapshotUrl().orElseThrow().toString());
                    }
                }
            }
        }
        assertEquals(2, agents, "the sidecar and prometheus examples each run one agent");
    }

    @Test
    void postgresBackupPipesPgDumpThroughStdin() throws Exception {
        Manifests m = Manifests.read(Project.path("examples/kubernetes/postgres"));
        Manifests.Container c = m.containers().stream().filter(Manifests.Container::isCoffer).findFirst().orElseThrow();
        List<String> args = c.args();
        assertEquals("backup", args.get(0));
        int dashes = args.indexOf("--");
        assertTrue(dashes > 0 && args.get(dashes + 1).equals("pg_dump"), args.toString());
        List<String> flags = args.subList(0, dashes);
        assertTrue(flags.contains("--stdin-from-command"), args.toString());
        assertEquals("db.sql", flags.get(flags.indexOf("--stdin-filename") + 1));
    }

    private static void check(List<String> problems, Manifests.Container c, String what, boolean ok) {
        if (!ok) {
            problems.add(c.name() + ": needs " + what);
        }
    }

    private static boolean probe(Manifests.Container c, String probe, String path) {
        JsonNode get = c.spec().path(probe).path("httpGet");
        return get.path("path").asText().equals(path) && get.path("port").asText().equals("coffer-metrics");
    }

    private static int port(Manifests.Container c, String name) {
        for (JsonNode p : c.spec().path("ports")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        return fail(c.name() + " has no port " + name);
    }

    private static boolean onEmptyDir(Manifests.Container c, String path) {
        for (JsonNode mount : c.spec().path("volumeMounts")) {
            String at = mount.get("mountPath").asText();
            if ((path.equals(at) || path.startsWith(at + "/")) && !mount.path("readOnly").asBoolean()) {
                for (JsonNode v : c.pod().path("volumes")) {
                    if (v.get("name").asText().equals(mount.get("name").asText())) {
                        return v.has("emptyDir");
                    }
                }
            }
        }
        return false;
    }
}
