package dev.coffer.agent.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A restic repository made by the real {@code restic} binary, for oracle tests: one backup per
 * {@link Backup}, run in parallel copies of the repository and merged, then read back with
 * {@code restic snapshots --json}. Fails, never skips, when restic is missing.
 */
final class ResticRepoFixture {

    /** One {@code restic backup} run: local time in zone {@code tz}, host, source dirs, tags. */
    record Backup(String localTime, String tz, String host, List<Path> sources, List<String> tags) {
    }

    static final String PASSWORD = "coffer-forget-oracle";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repo;
    private final Path cache;
    private final Path logs;
    private String snapshotsJson;
    private final List<SnapshotInfo> snapshots = new ArrayList<>();
    private final Map<String, ObjectNode> rawById = new LinkedHashMap<>();

    private ResticRepoFixture(Path dir) {
        this.repo = dir.resolve("repo");
        this.cache = dir.resolve("cache");
        this.logs = dir.resolve("logs");
    }

    /**
     * Initialises a version-2 repository under {@code dir} and runs every backup. The backups run
     * in {@code workers} copies of the fresh repository (same config and key), each copy used by one
     * thread at a time, and the copies' files are then merged into the main repository. One restic
     * at a time per repository matters: restic 0.14's local backend fails a listing when another
     * process renames a file into the listed directory meanwhile, then retries for ~45 s.
     */
    static ResticRepoFixture create(Path dir, List<Backup> backups, int workers) throws Exception {
        ResticRepoFixture f = new ResticRepoFixture(dir);
        Files.createDirectories(f.logs);
        f.restic(f.repo, "UTC", List.of("init", "--repository-version", "2", "-q"));
        CheapKdfKey.install(f.repo, PASSWORD);
        List<Path> copies = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path copy = dir.resolve("worker-" + w);
            copyTree(f.repo, copy);
            copies.add(copy);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Path copy = copies.get(w);
                List<Backup> mine = new ArrayList<>();
                for (int i = w; i < backups.size(); i += workers) {
                    mine.add(backups.get(i));
                }
                pending.add(pool.submit(() -> {
                    for (Backup b : mine) {
                        f.restic(copy, b.tz(), backupArgs(b));
                    }
                    return null;
                }));
            }
            for (Future<?> run : pending) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (Path copy : copies) {
            copyTree(copy, f.repo);
        }
        f.readSnapshots();
        assertEquals(backups.size(), f.snapshots.size(), "snapshots in the repository");
        return f;
    }

    /** --force and --no-cache: no parent search, no cache upkeep, so nothing lists snapshots. */
    private static List<String> backupArgs(Backup b) {
        List<String> args = new ArrayList<>(List.of("backup", "-q", "--no-lock", "--no-cache", "--force",
                "--time", b.localTime(), "--host", b.host()));
        if (!b.tags().isEmpty()) {
            args.add("--tag");
            args.add(String.join(",", b.tags()));
        }
        b.sources().forEach(p -> args.add(p.toString()));
        return args;
    }

    /** Copies every file under {@code from} to {@code to}, skipping files that already exist. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private void readSnapshots() throws IOException, InterruptedException {
        snapshotsJson = restic(repo, "UTC", List.of("snapshots", "--json", "--no-lock"));
        parseSnapshots(snapshotsJson, snapshots, rawById);
    }

    /**
     * Parses {@code restic snapshots --json} into {@code out}, and each snapshot's object without
     * {@code id}/{@code short_id} into {@code rawOut}.
     */
    static void parseSnapshots(String json, List<SnapshotInfo> out, Map<String, ObjectNode> rawOut)
            throws IOException {
        for (JsonNode n : JSON.readTree(json)) {
            ObjectNode raw = (ObjectNode) n;
            List<String> paths = new ArrayList<>();
            raw.path("paths").forEach(p -> paths.add(p.asText()));
            List<String> tags = new ArrayList<>();
            raw.path("tags").forEach(t -> tags.add(t.asText()));
            String id = raw.get("id").asText();
            out.add(new SnapshotInfo(id, OffsetDateTime.parse(raw.get("time").asText()),
                    raw.path("hostname").asText(""), paths, tags));
            ObjectNode stored = raw.deepCopy();
            stored.remove(List.of("id", "short_id"));
            rawOut.put(id, stored);
        }
    }

    /** Each group of a {@code forget --json} output re-serialised, keyed by (host, paths, tags). */
    static Map<String, String> groupsByKey(String output) throws IOException {
        Map<String, String> groups = new TreeMap<>();
        if (output.isEmpty()) {
            return groups;
        }
        for (JsonNode g : JSON.readTree(output)) {
            String key = g.get("host") + " " + g.get("paths") + " " + g.get("tags");
            groups.put(key, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(g));
        }
        return groups;
    }

    /**
     * A compact form of a {@code forget --json} output for golden files: per group the key,
     * short ids of kept and removed snapshots, and each reason as time, matches and counters;
     * groups sorted by key.
     */
    static ArrayNode condensed(String output) throws IOException {
        Map<String, ObjectNode> groups = new TreeMap<>();
        for (JsonNode g : output.isEmpty() ? JSON.createArrayNode() : JSON.readTree(output)) {
            ObjectNode c = JSON.createObjectNode();
            c.set("tags", g.get("tags"));
            c.set("host", g.get("host"));
            c.set("paths", g.get("paths"));
            for (String list : List.of("keep", "remove")) {
                ArrayNode ids = c.putArray(list);
                g.path(list).forEach(sn -> ids.add(sn.get("short_id").asText()));
            }
            ArrayNode reasons = c.putArray("reasons");
            for (JsonNode r : g.path("reasons")) {
                reasons.addArray().add(r.get("snapshot").get("time").asText()).add(r.get("matches"))
                        .add(r.get("counters"));
            }
            groups.put(g.get("host") + " " + g.get("paths") + " " + g.get("tags"), c);
        }
        ArrayNode out = JSON.createArrayNode();
        groups.values().forEach(out::add);
        return out;
    }

    /** What {@code restic snapshots --json} printed. */
    String snapshotsJson() {
        return snapshotsJson;
    }

    List<SnapshotInfo> snapshots() {
        return List.copyOf(snapshots);
    }

    /** The snapshot as restic printed it, without {@code id} and {@code short_id}. */
    ObjectNode raw(String id) {
        return rawById.get(id).deepCopy();
    }

    /** Runs restic on the main repository with {@code TZ=tz}; returns stdout. */
    String restic(String tz, List<String> args) throws IOException, InterruptedException {
        return restic(repo, tz, args);
    }

    /** Runs restic with {@code TZ=tz}; returns stdout, fails the test on a non-zero exit. */
    private String restic(Path repo, String tz, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(resticBinary());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("TZ", tz);
        env.put("RESTIC_PASSWORD", PASSWORD);
        env.put("RESTIC_REPOSITORY", repo.toString());
        env.put("RESTIC_CACHE_DIR", cache.toString());
        Path err = Files.createTempFile(logs, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int rc = p.waitFor();
        String stderr = Files.readString(err);
        Files.delete(err);
        if (rc != 0) {
            fail("restic " + args + " (TZ=" + tz + ") exited with " + rc + ": " + stderr);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The restic binary on PATH; the test fails if there is none. */
    static String resticBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "restic");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("the restic binary (0.14) is needed for this oracle test but is not on PATH;"
                + " install the Debian package 'restic'");
    }
}
