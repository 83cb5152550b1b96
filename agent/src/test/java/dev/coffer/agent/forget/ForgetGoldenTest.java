package dev.coffer.agent.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fast replay of stored restic 0.14 decisions: {@code forget/snapshots.json} and the
 * {@code forget --dry-run --json} outputs, condensed, in {@code forget/cases.jsonl}, both written by
 * {@link ForgetOracleTest} with {@code -Dcoffer.forget.regenerate=true}.
 */
class ForgetGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Any time after the newest past snapshot (mid-2024) and before the future one (2099). */
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : resource("cases.jsonl").split("\n")) {
            JsonNode c = JSON.readTree(line);
            cases.add(Arguments.of(c.get("tz").asText(), c.get("flags").asText(), c.get("groups")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "TZ={0} forget {1}")
    @MethodSource("cases")
    void plannerReproducesRestic(String tz, String flags, JsonNode expected) throws IOException {
        List<SnapshotInfo> snapshots = new ArrayList<>();
        Map<String, ObjectNode> raw = new HashMap<>();
        ResticRepoFixture.parseSnapshots(resource("snapshots.json"), snapshots, raw);
        ForgetRequest request = ResticFlags.toRequest(ResticFlags.split(flags));
        ForgetResult result = new ForgetPlanner(Clock.fixed(NOW, ZoneId.of(tz))).plan(snapshots, request);
        String actual = new ForgetJson((sn, nodes) -> raw.get(sn.id()).deepCopy()).write(result, request.grouping());
        assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ResticRepoFixture.condensed(actual)));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ForgetGoldenTest.class.getResourceAsStream("/forget/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource forget/" + name
                        + "; regenerate with ForgetOracleTest and -Dcoffer.forget.regenerate=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
