package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.backend.ExternalTools;
import dev.coffer.agent.backend.rest.RcloneRestServer;
import dev.coffer.agent.backend.s3.S3ProxyServer;
import dev.coffer.agent.metrics.PushgatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every coffer command, successful and failing, on local, S3 and REST repositories with
 * distinctive secrets and debug logging on, and scans everything that comes out (standard output
 * and error, log lines, the cache folder, the agent's JSON log, its /metrics page, what the
 * Pushgateway stored, the ntfy requests) for any secret in plain, hex, base64 or URL-encoded form.
 *
 * <p>The one intended exception, as in restic: {@code cat masterkey} prints the master key (that is
 * what it is for); its output is not scanned for the master key, and every other output is.
 */
@Tag("slow")
class SecretLeakTest {
    static final String PASSWORD = "Pw-zebra/Quokka+7f3a~9c";
    static final String WRONG_PASSWORD = "Wrong-Pw/otter+51be";
    static final String KEY2_PASSWORD = "Key2-Pw/heron+c0de";
    static final String KEY3_PASSWORD = "Key3-Pw/lynx+9a1f";
    static final String REST_USER = "restuser";
    static final String REST_PASSWORD = "Rest-Pw/ibis+77aa";
    static final String REST_WRONG_PASSWORD = "Rest-Wrong/kudu+3e3e";
    static final String S3_WRONG_SECRET = "S3-Wrong-Secret/yak+0101";
    static final String NTFY_TOKEN = "tk_leaktest7a7a7a7a7a7a7a7a7a7a7a";
    static final String PUSHGATEWAY_PASSWORD = "Pg-Pw/mole+4b4b";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void noCommandLeaksASecretIntoOutputLogsOrTheCache() throws Exception {
        Path src = source();
        Path pwFile = write("pw", PASSWORD + "\n");
        Path key2 = write("key2", KEY2_PASSWORD + "\n");
        Path key3 = write("key3", KEY3_PASSWORD + "\n");
        Path local = tmp.resolve("repo");
        Path cache = tmp.resolve("cache");
        List<String> hits = new ArrayList<>();
        try (S3ProxyServer s3 = S3ProxyServer.start();
                RcloneRestServer rest = RcloneRestServer.start(tmp.resolve("rest"), REST_USER, REST_PASSWORD)) {
            String s3repo = "s3:" + s3.endpoint() + "/leak-bucket/repo";
            String restRepo = "rest:" + rest.url(REST_USER + ":" + enc(REST_PASSWORD) + "@", "leak");
            Map<String, String> base = new HashMap<>(s3.env());
            base.put("RESTIC_REPOSITORY", local.toString());
            base.put("RESTIC_PASSWORD", PASSWORD);
            base.put("RESTIC_CACHE_DIR", cache.toString());
            Script one = new Script(base);
            one.run("init");
            one.run("-v", "backup", src.toString());
            Files.writeString(src.resolve("later.txt"), "second snapshot\n");
            one.run("-v", "--json", "backup", src.toString());
            one.run("cat", "masterkey");
            one.run("snapshots", "--json");
            one.with("RESTIC_PASSWORD_FILE", pwFile.toString()).run("-v", "snapshots");
            for (String repo : List.of(s3repo, restRepo)) {
                Script r = one.with("RESTIC_REPOSITORY", repo);
                r.run("-v", "init");
                r.run("-v", "backup", src.toString());
                r.run("-v", "snapshots");
                r.run("-v", "ls", "latest");
                r.run("-v", "check", "--read-data");
                r.run("-v", "restore", "latest", "--target", tmp.resolve("restored-" + repo.substring(0, 2)).toString());
                r.run("-v", "find", "*.txt");
                r.run("-v", "forget", "--keep-last", "1", "--prune");
                r.run("-v", "key", "list");
            }
            List<JsonNode> first = drive(one, hits, "phase 1");
            JsonNode masterKey = json.readTree(first.get(3).get("out").asText());
            JsonNode snaps = json.readTree(first.get(4).get("out").asText());
            String s1 = snaps.get(0).get("id").asText();
            String s2 = snaps.get(1).get("id").asText();
            String tree = snaps.get(1).get("tree").asText();
            String originalKey = only(local.resolve("keys"));

            Script two = new Script(base);
            two.run("-v", "ls", "latest");
            two.run("--json", "ls", "latest");
            two.run("-v", "restore", "latest", "--verify", "--target", tmp.resolve("restored").toString());
            two.run("cat", "config");
            two.run("cat", "key", originalKey);
            two.run("cat", "index", firstFile(local.resolve("index")));
            two.run("cat", "snapshot", s1);
            two.run("cat", "blob", tree);
            two.run("cat", "tree", s2);
            two.run("cat", "pack", firstFile(local.resolve("data")));
            two.run("-v", "list", "blobs");
            two.run("-v", "list", "keys");
            two.run("-v", "check");
            two.run("-v", "check", "--read-data");
            two.run("-v", "find", "--long", "*.txt");
            two.run("-v", "diff", "--metadata", s1, s2);
            two.run("-v", "stats");
            two.run("--json", "stats", "--mode", "raw-data");
            two.run("-v", "tag", "--add", "leak", s2);
            two.run("dump", "latest", src.resolve("a.txt").toString());
            two.run("dump", "-a", "zip", "latest", "/");
            two.run("-v", "key", "add", "--new-password-file", key2.toString());
            two.run("--json", "key", "list");
            two.run("-v", "unlock");
            two.run("-v", "unlock", "--remove-all");
            two.run("-v", "repair", "index");
            two.run("-v", "rebuild-index", "--read-all-packs");
            two.run("-v", "forget", "--keep-last", "5", "--dry-run");
            two.run("version");
            two.run("--help");
            drive(two, hits, "phase 2");

            Script three = new Script(base);
            three.with("RESTIC_PASSWORD", KEY2_PASSWORD).run("-v", "key", "passwd", "--new-password-file", key3.toString());
            Script k3 = three.with("RESTIC_PASSWORD", KEY3_PASSWORD);
            k3.run("-v", "key", "remove", originalKey);
            k3.run("-v", "forget", "--keep-last", "1");
            k3.run("-v", "prune");
            k3.run("-v", "check");
            // failing runs
            three.with("RESTIC_PASSWORD", WRONG_PASSWORD).run("-v", "snapshots");
            three.with("RESTIC_PASSWORD", PASSWORD).run("-v", "init");
            three.run("-v", "--password-file", tmp.resolve("missing").toString(), "snapshots");
            Script s3r = three.with("RESTIC_REPOSITORY", s3repo);
            s3r.with("AWS_SECRET_ACCESS_KEY", S3_WRONG_SECRET).run("-v", "snapshots");
            s3r.run("-v", "-o", "s3.connections=many", "snapshots");
            s3r.run("-v", "-o", "s3.bogus=1", "snapshots");
            s3r.run("-v", "-o", "cacert=" + tmp.resolve("missing.pem"), "snapshots");
            three.with("RESTIC_REPOSITORY", "s3:http://127.0.0.1:" + ExternalTools.freePort() + "/b/r")
                    .run("-v", "snapshots");
            three.with("RESTIC_REPOSITORY", "rest:" + rest.url(REST_USER + ":" + enc(REST_WRONG_PASSWORD) + "@", "leak"))
                    .run("-v", "snapshots");
            three.with("RESTIC_REPOSITORY", "rest:http://" + REST_USER + ":" + enc(REST_PASSWORD) + "@127.0.0.1:"
                    + ExternalTools.freePort() + "/leak").run("-v", "snapshots");
            three.with("RESTIC_REPOSITORY", "rest:http://" + REST_USER + ":" + enc(REST_PASSWORD) + "@[::1/leak")
                    .run("-v", "snapshots");
            three.with("RESTIC_REPOSITORY", "rest:http://" + REST_USER + ":" + REST_PASSWORD + "@127.0.0.1/x y")
                    .run("-v", "snapshots");
            three.with("RESTIC_REPOSITORY", restRepo).run("-v", "-o", "rest.connections=0", "snapshots");
            three.run("-v", "snapshots", "--bogus-flag");
            // the agent last: it switches this JVM's logging to its own settings
            Map<String, String> agentEnv = agentEnv(s3repo, "http://127.0.0.1:1", "http://127.0.0.1:1");
            Script agent = new Script(agentEnv);
            agent.run("agent", "--print-config");
            agent.with("NTFY_CREDS", "no-colon-" + NTFY_TOKEN).run("agent", "--print-config");
            try (MockWebServer ntfy = new MockWebServer()) {
                ntfy.start();
                ntfy.enqueue(new MockResponse.Builder().code(200).build());
                agent.with("RESTIC_PASSWORD", WRONG_PASSWORD).with("NTFY_SERVER", ntfy.url("/").toString())
                        .run("agent", "--once");
                drive(three.then(agent), hits, "phase 3");
                RecordedRequest req = ntfy.takeRequest(10, TimeUnit.SECONDS);
                assertNotNull(req, "the failing agent run sent no ntfy notification");
                hits.addAll(scan().find("ntfy request (failure)", request(req)));
            }
            hits.addAll(scanTree(cache));
        }
        JsonNode mk = json.readTree(Files.readString(tmp.resolve("masterkey.json")));
        assertTrue(mk.has("encrypt"), mk.toString());
        assertEquals(List.of(), hits);
    }

    /** The scrape, the Pushgateway, ntfy and the JSON log of a scheduled agent run with every secret set. */
    @Test
    void agentKeepsSecretsOutOfLogsMetricsPushgatewayAndNtfy() throws Exception {
        Path src = source();
        try (S3ProxyServer s3 = S3ProxyServer.start();
                PushgatewayProcess pushgateway = new PushgatewayProcess(Files.createDirectories(tmp.resolve("pg")));
                MockWebServer ntfy = new MockWebServer()) {
            ntfy.start();
            ntfy.enqueue(new MockResponse.Builder().code(200).build());
            String pgUrl = "http://pguser:" + enc(PUSHGATEWAY_PASSWORD) + "@127.0.0.1:" + pushgateway.url().getPort();
            Map<String, String> env = agentEnv("s3:" + s3.endpoint() + "/agent-bucket/repo", ntfy.url("/").toString(), pgUrl);
            int metricsPort = ExternalTools.freePort();
            env.put("METRICS_PORT", Integer.toString(metricsPort));
            env.put("RUN_ON_START", "true");
            env.put("NTFY_ON_SUCCESS", "true");
            env.put("RESTIC_SOURCE", src.toString());
            env.put("CACHE_DIR", tmp.resolve("agent-cache").toString());
            Coffer coffer = new Coffer(tmp.resolve("unused"), tmp);
            coffer.env.putAll(env);
            Path logs = tmp.resolve("agent-logs");
            Process p = coffer.start(false, logs, "agent");
            List<String> hits = new ArrayList<>();
            try {
                RecordedRequest req = ntfy.takeRequest(90, TimeUnit.SECONDS);
                assertNotNull(req, "no ntfy notification after the first backup: " + Files.readString(logs.resolve("err.txt")));
                hits.addAll(scan().find("ntfy request (success)", request(req)));
                String metrics = http(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
                assertTrue(metrics.contains("coffer_"), metrics);
                hits.addAll(scan().find("/metrics", metrics));
                String pushed = waitForPush(pushgateway);
                hits.addAll(scan().find("Pushgateway /metrics", pushed));
                hits.addAll(scan().find("Pushgateway /api/v1/metrics", pushgateway.get("/api/v1/metrics").body()));
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            String log = Files.readString(logs.resolve("err.txt")) + Files.readString(logs.resolve("out.txt"));
            assertTrue(log.contains("\"level\":\"DEBUG\"") || log.contains("\"level\":\"debug\""), log);
            hits.addAll(scan().find("agent JSON log", log));
            hits.addAll(scanTree(tmp.resolve("agent-cache")));
            assertEquals(List.of(), hits);
        }
    }

    private LeakScan scan() throws IOException {
        LeakScan s = new LeakScan().text("repository password", PASSWORD).text("wrong password", WRONG_PASSWORD)
                .text("second key's password", KEY2_PASSWORD).text("third key's password", KEY3_PASSWORD)
                .text("REST password", REST_PASSWORD).text("wrong REST password", REST_WRONG_PASSWORD)
                .text("S3 access key id", S3ProxyServer.ACCESS_KEY).text("S3 secret key", S3ProxyServer.SECRET_KEY)
                .text("wrong S3 secret key", S3_WRONG_SECRET).text("ntfy token", NTFY_TOKEN)
                .text("Pushgateway password", PUSHGATEWAY_PASSWORD)
                .text("REST basic auth", Base64.getEncoder().encodeToString(
                        (REST_USER + ":" + REST_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .text("Pushgateway basic auth", Base64.getEncoder().encodeToString(
                        ("pguser:" + PUSHGATEWAY_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        Path mk = tmp.resolve("masterkey.json");
        if (Files.exists(mk)) {
            JsonNode k = json.readTree(Files.readString(mk));
            Base64.Decoder d = Base64.getDecoder();
            s.bytes("master encryption key", d.decode(k.get("encrypt").asText()))
                    .bytes("master MAC key k", d.decode(k.get("mac").get("k").asText()))
                    .bytes("master MAC key r", d.decode(k.get("mac").get("r").asText()));
        }
        return s;
    }

    /** Runs a script in a child JVM with debug logging, scans every result, returns the results. */
    private List<JsonNode> drive(Script script, List<String> hits, String phase) throws Exception {
        Path in = tmp.resolve(phase.replace(' ', '-') + ".json");
        Path out = tmp.resolve(phase.replace(' ', '-') + "-result.json");
        Files.write(in, json.writeValueAsBytes(script.steps));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                LeakDriver.class.getName(), in.toString(), out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(phase.replace(' ', '-') + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RESTIC_") || k.startsWith("AWS_"));
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(phase + " timed out");
        }
        String driverLog = Files.readString(tmp.resolve(phase.replace(' ', '-') + ".log"));
        assertEquals(0, p.exitValue(), driverLog);
        List<JsonNode> results = new ArrayList<>();
        json.readTree(out.toFile()).forEach(results::add);
        for (JsonNode r : results) {
            String args = r.get("args").toString();
            String stdout = r.get("out").asText();
            if (args.equals("[\"cat\",\"masterkey\"]")) {
                assertEquals(0, r.get("exit").asInt(), r.toString());
                Files.writeString(tmp.resolve("masterkey.json"), stdout);
                stdout = "";
            }
            LeakScan s = scan();
            hits.addAll(s.find(phase + " " + args + " stdout", stdout));
            hits.addAll(s.find(phase + " " + args + " stderr", r.get("err").asText()));
            hits.addAll(s.find(phase + " " + args + " log", r.get("log").asText()));
        }
        hits.addAll(scan().find(phase + " driver output", driverLog));
        return results;
    }

    /** Command lines with their environments, for {@link LeakDriver}. */
    private static final class Script {
        final List<Map<String, Object>> steps;
        final Map<String, String> env;

        Script(Map<String, String> env) {
            this(new ArrayList<>(), env);
        }

        private Script(List<Map<String, Object>> steps, Map<String, String> env) {
            this.steps = steps;
            this.env = Map.copyOf(env);
        }

        /** The same script (steps are shared) with one more variable for the steps added through it. */
        Script with(String name, String value) {
            Map<String, String> e = new HashMap<>(env);
            e.put(name, value);
            return new Script(steps, e);
        }

        void run(String... args) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("env", env);
            step.put("args", List.of(args));
            steps.add(step);
        }

        /** This script's steps followed by {@code next}'s. */
        Script then(Script next) {
            List<Map<String, Object>> all = new ArrayList<>(steps);
            all.addAll(next.steps);
            return new Script(all, env);
        }
    }

    private Map<String, String> agentEnv(String repo, String ntfyUrl, String pushgatewayUrl) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY));
        env.put("RESTIC_REPOSITORY", repo);
        env.put("RESTIC_PASSWORD", PASSWORD);
        env.put("RESTIC_SOURCE", tmp.toString());
        env.put("AUTO_INIT", "true");
        env.put("HOSTNAME", "leak-0");
        env.put("LOG_FORMAT", "json");
        env.put("LOG_LEVEL", "debug");
        env.put("CHECK_CRON", "off");
        env.put("PRUNE_ENABLED", "false");
        env.put("METRICS_PORT", "off");
        env.put("SHUTDOWN_GRACE", "5s");
        env.put("BACKUP_CRON", "0 3 * * *");
        env.put("NTFY_ENABLED", "true");
        env.put("NTFY_SERVER", ntfyUrl);
        env.put("NTFY_TOPIC", "leaks");
        env.put("NTFY_TOKEN", NTFY_TOKEN);
        env.put("PUSHGATEWAY_ENABLED", "true");
        env.put("PUSHGATEWAY_URL", pushgatewayUrl);
        return env;
    }

    private Path source() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/sub"));
        Files.writeString(tmp.resolve("src/a.txt"), "alpha\n");
        Files.writeString(src.resolve("b.txt"), "bravo\n".repeat(1000));
        Files.write(tmp.resolve("src/c.bin"), new java.util.Random(9).ints(200_000).collect(
                java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> a.write(b.toByteArray(), 0, b.size()))
                .toByteArray());
        return tmp.resolve("src");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String only(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            return names.get(0);
        }
    }

    private static String firstFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).findFirst().orElseThrow().getFileName().toString();
        }
    }

    /** Names and contents of every file below {@code dir}. */
    private List<String> scanTree(Path dir) throws IOException {
        List<String> hits = new ArrayList<>();
        if (!Files.exists(dir)) {
            return hits;
        }
        LeakScan s = scan();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                hits.addAll(s.find("cache file name " + f, f.getFileName().toString()));
                if (Files.isRegularFile(f)) {
                    hits.addAll(s.find("cache file " + f, Files.readAllBytes(f)));
                }
            }
        }
        return hits;
    }

    /** A request as received, except its Authorization header (where credentials belong). */
    private static String request(RecordedRequest req) {
        StringBuilder b = new StringBuilder(req.getRequestLine()).append('\n');
        req.getHeaders().forEach(h -> {
            if (!h.getFirst().equalsIgnoreCase("Authorization")) {
                b.append(h.getFirst()).append(": ").append(h.getSecond()).append('\n');
            }
        });
        return b.append(req.getBody() == null ? "" : req.getBody().utf8()).toString();
    }

    private static String http(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri + ": " + r.body());
        return r.body();
    }

    private static String waitForPush(PushgatewayProcess pushgateway) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String body = pushgateway.get("/metrics").body();
            if (body.contains("coffer_")) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing pushed to the Pushgateway: " + body);
            }
            Thread.sleep(200);
        }
    }
}
