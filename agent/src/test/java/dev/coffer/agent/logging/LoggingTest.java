package dev.coffer.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.config.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class LoggingTest {
    static final String SECRET = "s3cr3t-pa55word";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CofferLoggerFactory factory = new CofferLoggerFactory(
            new LogSettings(LogFormat.PLAIN, Level.INFO, Map.of("noisy.lib", Level.WARN), SecretScrubber.NONE),
            () -> new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2024-05-01T10:00:00.123Z"), ZoneOffset.UTC));

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void plainLinesWithLevelsAndOneLinePerEvent() {
        Logger log = factory.getLogger("dev.coffer.agent.daemon.Daemon");
        log.debug("not shown");
        log.info("agent started jobs={}", 2);
        log.warn("two\nlines", new java.io.IOException("disk full", new IllegalStateException("inner")));
        factory.getLogger("noisy.lib.Client").info("not shown either");
        factory.getLogger("noisy.lib.Client").warn("shown");
        assertEquals(List.of(
                "2024-05-01T10:00:00.123Z INFO  [main] Daemon: agent started jobs=2",
                "2024-05-01T10:00:00.123Z WARN  [main] Daemon: two lines | error: java.io.IOException: disk full"
                        + " <- caused by java.lang.IllegalStateException: inner",
                "2024-05-01T10:00:00.123Z WARN  [main] Client: shown"), lines().stream()
                .map(l -> l.replace("[" + Thread.currentThread().getName() + "]", "[main]")).toList());
    }

    @Test
    void jsonLinesWithSecretsScrubbed() throws IOException {
        factory.configure(factory.settings().with(LogFormat.JSON, Level.DEBUG, new SecretScrubber(List.of(SECRET, "ab"))));
        Logger log = factory.getLogger("dev.coffer.agent.hooks.CommandHook");
        log.debug("hook output: password={} \"quoted\"\ttab", SECRET);
        log.error("cannot open rest:https://user:" + SECRET + "x@host/repo", new RuntimeException("wrong " + SECRET));
        List<String> lines = lines();
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("2024-05-01T10:00:00.123Z", first.get("time").asText());
        assertEquals("DEBUG", first.get("level").asText());
        assertEquals("dev.coffer.agent.hooks.CommandHook", first.get("logger").asText());
        assertEquals("hook output: password=*** \"quoted\"\ttab", first.get("message").asText());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals("cannot open rest:https://user:***@host/repo", second.get("message").asText());
        assertEquals("java.lang.RuntimeException: wrong ***", second.get("error").asText());
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(SECRET));
        assertTrue(lines.get(0).contains("\"message\":\"hook output: password=*** \\\"quoted\\\"\\ttab\""), lines.get(0));
    }

    @Test
    void theProviderIsTheOneSlf4jUsesAndAgentLoggingConfiguresIt() {
        assertTrue(LoggerFactory.getILoggerFactory() instanceof CofferLoggerFactory,
                "SLF4J is bound to " + LoggerFactory.getILoggerFactory().getClass());
        CofferLoggerFactory global = (CofferLoggerFactory) LoggerFactory.getILoggerFactory();
        LogSettings before = global.settings();
        try {
            assertTrue(AgentLogging.configure(LogFormat.JSON, Level.WARN, List.of(SECRET)));
            assertEquals(LogFormat.JSON, global.settings().format());
            assertFalse(global.enabled("dev.coffer.agent.daemon.Daemon", Level.INFO));
            assertEquals("x *** y", global.settings().scrubber().scrub("x " + SECRET + " y"));
        } finally {
            global.configure(before);
        }
    }

    @Test
    void levelsAreReadLikeSlf4jSimplesAndLogLevel() {
        assertEquals(Level.DEBUG, AgentLogging.level("debug").orElseThrow());
        assertEquals(Level.WARN, AgentLogging.level(" WARNING ").orElseThrow());
        assertTrue(AgentLogging.level("verbose").isEmpty());
        LogSettings s = new LogSettings(LogFormat.PLAIN, Level.INFO, Map.of("a.b", Level.ERROR, "a.b.c", Level.TRACE),
                SecretScrubber.NONE);
        assertEquals(Level.TRACE, s.levelFor("a.b.c.D"));
        assertEquals(Level.ERROR, s.levelFor("a.b.X"));
        assertEquals(Level.INFO, s.levelFor("a.bc"));
    }
}
