package dev.coffer.agent.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.agent.app.Environment;
import dev.coffer.agent.cli.Context;
import dev.coffer.agent.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs many coffer command lines in one child JVM (started by {@link SecretLeakTest} with debug
 * logging on), each with its own environment, and records for each its exit code, standard output,
 * standard error and the log lines (and anything else written to System.err or System.out) meanwhile.
 *
 * <p>Usage: {@code LeakDriver SCRIPT RESULT}; SCRIPT is a JSON array of {@code {"env": {...},
 * "args": [...]}}, RESULT receives a JSON array of {@code {"args", "exit", "out", "err", "log"}}.
 */
final class LeakDriver {
    private LeakDriver() {
    }

    public static void main(String[] argv) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode script = json.readTree(Path.of(argv[0]).toFile());
        Path cwd = Path.of("").toAbsolutePath();
        PrintStream realErr = System.err;
        PrintStream realOut = System.out;
        ArrayNode results = json.createArrayNode();
        for (JsonNode step : script) {
            Map<String, String> env = new LinkedHashMap<>();
            step.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            List<String> args = new java.util.ArrayList<>();
            step.get("args").forEach(a -> args.add(a.asText()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ByteArrayOutputStream sysout = new ByteArrayOutputStream();
            Environment e = new Environment(Map.copyOf(env), "leakhost", "tester", Coffer.uid(), 0,
                    ProcessHandle.current().pid(), cwd);
            Context ctx = new Context(e, Clock.systemDefaultZone(), new SecureRandom(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(sysout, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.run(ctx, args.toArray(String[]::new));
            } finally {
                System.setErr(realErr);
                System.setOut(realOut);
            }
            ObjectNode r = results.addObject();
            r.putPOJO("args", args);
            r.put("exit", code);
            r.put("out", out.toString(StandardCharsets.UTF_8));
            r.put("err", err.toString(StandardCharsets.UTF_8));
            r.put("log", log.toString(StandardCharsets.UTF_8) + sysout.toString(StandardCharsets.UTF_8));
        }
        Files.write(Path.of(argv[1]), json.writeValueAsBytes(results));
        System.exit(0);
    }
}
