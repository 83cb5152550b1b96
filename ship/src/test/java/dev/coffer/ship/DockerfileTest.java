package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read without a Docker engine: it builds the runtime with the script CI runs,
 * lays out what the launcher expects, runs as 65534 with ENTRYPOINT coffer and CMD agent and no
 * HEALTHCHECK, and copies only what exists and .dockerignore lets through.
 */
class DockerfileTest {
    private final String dockerfile = read("Dockerfile");
    private final List<String> instructions = instructions(dockerfile);

    @Test
    void buildsTheRuntimeWithTheScriptCiRuns() {
        assertTrue(has("RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl agent -am package"), dockerfile);
        assertTrue(has("RUN packaging/jlink.sh agent/target/coffer.jar /opt/coffer/runtime"), dockerfile);
    }

    @Test
    void imageLayoutIsWhatTheLauncherLooksFor() {
        assertTrue(has("COPY --from=jre /opt/coffer/runtime /opt/coffer/runtime"));
        assertTrue(has("COPY --from=build /src/agent/target/coffer.jar /opt/coffer/lib/coffer.jar"));
        assertTrue(has("COPY packaging/coffer /opt/coffer/bin/coffer"));
        String launcher = read("packaging/coffer");
        assertTrue(launcher.contains("$home/runtime/bin/java") && launcher.contains("$home/lib/coffer.jar"));
    }

    @Test
    void runsAsNobodyWithEntrypointCofferAndCommandAgent() {
        assertTrue(has("USER 65534:65534"));
        assertTrue(has("ENTRYPOINT [\"coffer\"]"));
        assertTrue(has("CMD [\"agent\"]"));
        assertTrue(has("EXPOSE " + ConfigLoader.DEFAULT_METRICS_PORT));
        assertFalse(instructions.stream().anyMatch(i -> i.startsWith("HEALTHCHECK")), "probes are /healthz and /readyz");
        assertTrue(dockerfile.contains("COFFER_TMPDIR=/var/cache/coffer/tmp"), "temp files under the writable mount");
        assertTrue(dockerfile.contains("LANG=C.UTF-8") && dockerfile.contains("LC_ALL=C.UTF-8"));
        String last = instructions.get(instructions.size() - 1);
        assertEquals("FROM runtime", last, "the default target is the plain agent image");
    }

    /** A stage that switches to root (to install packages) switches back: no image runs as root. */
    @Test
    void everyStageThatSetsAUserEndsAsNobody() {
        String user = null;
        List<String> stages = new ArrayList<>();
        for (String i : instructions) {
            if (i.startsWith("FROM ")) {
                if (user != null) {
                    stages.add(user);
                }
                user = null;
            } else if (i.startsWith("USER ")) {
                user = i;
            }
        }
        if (user != null) {
            stages.add(user);
        }
        assertFalse(stages.isEmpty(), "no USER instruction");
        for (String last : stages) {
            assertEquals("USER 65534:65534", last, "a stage ends as another user than nobody");
        }
    }

    @Test
    void copiesEveryModulePomAndOnlyWhatExistsAndIsNotIgnored() throws Exception {
        List<String> sources = new ArrayList<>();
        for (String i : instructions) {
            if (i.startsWith("COPY ") && !i.startsWith("COPY --from")) {
                String[] parts = i.substring(5).trim().split("\\s+");
                for (int k = 0; k < parts.length - 1; k++) {
                    sources.add(parts[k]);
                }
            }
        }
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
        while (modules.find()) {
            assertTrue(sources.contains(modules.group(1) + "/pom.xml"), "the reactor needs " + modules.group(1) + "/pom.xml");
        }
        List<String> ignore = read(".dockerignore").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String src : sources) {
            assertTrue(Files.exists(Project.path(src)), "COPY " + src + ": no such file");
            assertTrue(sentToBuild(src.replaceAll("/$", ""), ignore), "COPY " + src + " is excluded by .dockerignore");
        }
        assertFalse(sentToBuild("agent/target/coffer.jar", ignore), "build output stays out of the context");
        assertFalse(sentToBuild("examples/quickstart.sh", ignore));
    }

    /** .dockerignore's rule: the last matching pattern wins; "!" re-includes; a folder pattern covers its files. */
    private static boolean sentToBuild(String path, List<String> patterns) {
        boolean included = true;
        for (String p : patterns) {
            boolean negate = p.startsWith("!");
            String glob = (negate ? p.substring(1) : p).replaceAll("/$", "");
            if (matches(glob, path)) {
                included = negate;
            }
        }
        return included;
    }

    private static boolean matches(String glob, String path) {
        String regex = glob.replace(".", "\\.").replace("**/", "(.*/)?").replace("*", "[^/]*");
        return path.matches(regex) || path.matches(regex + "/.*");
    }

    private boolean has(String instruction) {
        return instructions.contains(instruction);
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith("#") || t.isEmpty() && cur.length() == 0) {
                continue;
            }
            if (t.endsWith("\\")) {
                cur.append(t, 0, t.length() - 1).append(' ');
            } else {
                cur.append(t);
                out.add(cur.toString().replaceAll("\\s+", " ").trim());
                cur.setLength(0);
            }
        }
        return out;
    }

    private static String read(String relative) {
        try {
            return Files.readString(Project.path(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
