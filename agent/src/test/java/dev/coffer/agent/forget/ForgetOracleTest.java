package dev.coffer.agent.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner against the real restic 0.14: one repository of ~330 snapshots made by
 * {@code restic backup}, then for each policy {@code restic forget --dry-run --json} and the planner
 * must agree on every group, byte for byte in restic's JSON (keep, remove, reasons, counters).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgetOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResticRepoFixture restic;
    private List<ResticRepoFixture.Backup> backups;
    private String pathB;
    private ForgetJson json;

    @BeforeAll
    void createRepository(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("src/a"));
        Path b = Files.createDirectories(dir.resolve("src/b"));
        Files.writeString(a.resolve("file"), "alpha");
        Files.writeString(b.resolve("file"), "beta");
        pathB = b.toString();
        backups = OracleBackups.schedule(a, b);
        restic = ResticRepoFixture.create(dir, backups, 8);
        json = new ForgetJson((sn, nodes) -> restic.raw(sn.id()));
    }

    /** The cases stored as golden files for the fast {@code ForgetGoldenTest}. */
    private static final Set<String> GOLDEN_FLAGS = Set.of(
            "--keep-hourly 48 --keep-daily 7 --keep-weekly 4 --keep-last 1",
            "--keep-daily 30 --keep-monthly 12 --keep-yearly 3",
            "--keep-within 5m",
            "--group-by paths,tags --keep-weekly 10 --keep-yearly 2",
            "--group-by tags --keep-within-daily 1m15d2h --keep-hourly 3",
            "--host delta --keep-within 3m",
            "--group-by host --keep-within 2d");

    private final ArrayNode golden = JSON.createArrayNode();

    /**
     * With {@code -Dcoffer.forget.regenerate=true}, writes the snapshots and the golden cases'
     * restic outputs to {@code src/test/resources/forget/} (run from the {@code agent} directory).
     */
    @AfterAll
    void writeGoldenFiles() throws Exception {
        if (Boolean.getBoolean("coffer.forget.regenerate")) {
            Path out = Path.of("src/test/resources/forget");
            Files.createDirectories(out);
            Files.writeString(out.resolve("snapshots.json"), restic.snapshotsJson());
            StringBuilder lines = new StringBuilder();
            for (JsonNode c : golden) {
                lines.append(JSON.writeValueAsString(c)).append('\n');
            }
            Files.writeString(out.resolve("cases.jsonl"), lines);
        }
    }

    Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("UTC", "--keep-hourly 48 --keep-daily 7 --keep-weekly 4 --keep-last 1"),
                Arguments.of("UTC", "--keep-daily 30 --keep-monthly 12 --keep-yearly 3"),
                Arguments.of("UTC", "--keep-last 5"),
                Arguments.of("UTC", "--keep-within 1y2m3d"),
                Arguments.of("UTC", "--keep-within 1y2m3d12h --keep-last 3 --keep-yearly 10 --group-by host,tags"),
                Arguments.of("UTC", "--keep-within 5m"),
                Arguments.of("Europe/Berlin", "--keep-within 5m"),
                Arguments.of("America/New_York", "--keep-within 1m3d --keep-weekly 6"),
                Arguments.of("UTC", "--keep-tag keep --keep-tag daily,weekly --keep-last 2"),
                Arguments.of("UTC", "--keep-tag= --keep-monthly 3"),
                Arguments.of("UTC", "--group-by host --keep-daily 10 --keep-weekly 8"),
                Arguments.of("UTC", "--host alpha --host beta --keep-monthly 6"),
                Arguments.of("UTC", "--group-by paths,tags --keep-weekly 10 --keep-yearly 2"),
                Arguments.of("UTC", "--group-by= --keep-hourly 24 --keep-daily 14 --keep-monthly 6"),
                Arguments.of("UTC", "--tag daily --group-by tags --keep-last 3 --keep-daily 5"),
                Arguments.of("UTC", "--tag daily,weekly --tag keep --keep-weekly 3"),
                Arguments.of("UTC", "--path " + pathB + " --keep-daily 3"),
                Arguments.of("UTC", "--keep-within-hourly 2d --keep-within-daily 7d --keep-within-weekly 1m"
                        + " --keep-within-monthly 1y --keep-within-yearly 5y"),
                Arguments.of("UTC", "--group-by tags --keep-within-daily 1m15d2h --keep-hourly 3"),
                Arguments.of("UTC", "--group-by host --keep-within 2d"),
                Arguments.of("UTC", "--keep-weekly 52"),
                Arguments.of("UTC", "--group-by= --keep-tag daily,weekly"),
                Arguments.of("UTC", "--group-by= --keep-yearly 100 --keep-monthly 100"),
                Arguments.of("UTC", "--host delta --keep-within 3m"),
                Arguments.of("UTC", "--host delta --keep-within 1y3m --keep-within-daily 3m"),
                Arguments.of("UTC", "--host gamma"));
    }

    @ParameterizedTest(name = "TZ={0} forget {1}")
    @MethodSource("policies")
    void plannerAgreesWithRestic(String tz, String flags) throws Exception {
        List<String> args = ResticFlags.split(flags);
        ForgetRequest request = ResticFlags.toRequest(args);
        List<String> command = new ArrayList<>(List.of("forget", "--dry-run", "--json", "--no-lock"));
        command.addAll(args);
        String expected = restic.restic(tz, command);
        if (Boolean.getBoolean("coffer.forget.regenerate") && GOLDEN_FLAGS.contains(flags)) {
            golden.add(JSON.createObjectNode().put("tz", tz).put("flags", flags)
                    .set("groups", ResticRepoFixture.condensed(expected)));
        }

        ForgetPlanner planner = new ForgetPlanner(Clock.system(ZoneId.of(tz)));
        ForgetResult result = planner.plan(restic.snapshots(), request);
        String actual = json.write(result, request.grouping());

        if (request.policy().isEmpty()) {
            assertEquals("", expected, "restic prints nothing without a policy");
            assertEquals(ForgetResult.NO_POLICY, result.notice().orElseThrow());
        }
        assertEquals(ResticRepoFixture.groupsByKey(expected), ResticRepoFixture.groupsByKey(actual));
        if (result.groups().size() <= 1) {
            assertEquals(expected, actual, "the whole output, byte for byte");
        }
        assertTrue(flags.contains("--host gamma") || !result.removeIds().isEmpty()
                || flags.contains("yearly 100") || flags.contains("5y") || flags.contains("1y3m"), "a useful case removes something");
    }

    /** The Go local zone matters: the same keep-within decides differently under TZ=Europe/Berlin. */
    @Test
    void keepWithinAcrossDstDependsOnTheLocalZone() {
        ForgetRequest request = ForgetRequest.of(RetentionPolicy.builder().keepWithin(GoDuration.parse("5m")).build());
        Instant now = Instant.now();
        Set<String> utc = new ForgetPlanner(Clock.fixed(now, ZoneId.of("UTC"))).plan(restic.snapshots(), request).removeIds();
        Set<String> berlin = new ForgetPlanner(Clock.fixed(now, ZoneId.of("Europe/Berlin")))
                .plan(restic.snapshots(), request).removeIds();
        assertNotEquals(utc, berlin);
    }

    @Test
    void snapshotTimesPrintAsResticPrintsThem() {
        Set<Instant> seen = new HashSet<>();
        for (SnapshotInfo sn : restic.snapshots()) {
            assertEquals(restic.raw(sn.id()).get("time").asText(), GoTime.formatRfc3339Nano(sn.time()));
            assertTrue(seen.add(sn.time().toInstant()), "times are unique, so ties cannot decide");
        }
        Set<Integer> offsets = new HashSet<>();
        restic.snapshots().forEach(sn -> offsets.add(sn.time().getOffset().getTotalSeconds()));
        assertTrue(offsets.containsAll(List.of(0, 3600, 7200, -5 * 3600, -4 * 3600, 19800)), offsets.toString());
    }

    /** restic parsed --time with Go's Date in TZ; DST gaps and overlaps must land where Go put them. */
    @Test
    void goDateMatchesHowResticPlacedLocalTimes() {
        Set<Instant> expected = new HashSet<>();
        for (ResticRepoFixture.Backup b : backups) {
            expected.add(GoTime.goDate(java.time.LocalDateTime.parse(b.localTime().replace(' ', 'T')), ZoneId.of(b.tz())));
        }
        Set<Instant> recorded = new HashSet<>();
        restic.snapshots().forEach(sn -> recorded.add(sn.time().toInstant()));
        assertEquals(expected, recorded);
    }
}
