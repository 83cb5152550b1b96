package dev.coffer.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpora of the agent's fuzz tests into {@code src/test/resources} from the
 * project's real files: the settings in {@code examples/kubernetes/} (env seeds, their
 * {@code *_CRON} values, their repositories), the README's jobs file and its repository forms.
 * Run explicitly, from agent/: {@code mvn -o test -Dtest=FuzzSeeds -Dcoffer.regenerateFuzzSeeds=true}.
 * Files named {@code finding-*} (inputs the fuzzer found, kept as regression seeds) are left alone.
 */
@EnabledIfSystemProperty(named = "coffer.regenerateFuzzSeeds", matches = "true")
class FuzzSeeds {
    private static final Path RESOURCES = Path.of("src/test/resources/dev/coffer/agent");
    private static final Pattern SETTING = Pattern.compile("^\\s+([A-Z][A-Z0-9_]+): \"?(.*?)\"?\\s*$");
    private static final Pattern NAME_VALUE =
            Pattern.compile("- name: ([A-Z][A-Z0-9_]+)\\s*\\n\\s+value: \"?(.*?)\"?\\s*$", Pattern.MULTILINE);

    @Test
    void regenerate() throws IOException {
        Set<String> crons = new LinkedHashSet<>(List.of("@hourly", "@daily-random", "0 2 * * *", "*/15 * * * * *"));
        Set<String> repos = new LinkedHashSet<>(List.of("/srv/backup-repo", "local:/srv/restic-repo",
                "s3:https://minio.local:9000/bucket/prefix", "s3:s3.amazonaws.com/bucket",
                "rest:http://user:pass@backup.local:8000/repo", "rest:https://backup.local/"));
        List<Path> manifests;
        try (Stream<Path> s = Files.walk(Path.of("../examples/kubernetes"))) {
            manifests = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path manifest : manifests) {
            String yaml = Files.readString(manifest, StandardCharsets.UTF_8);
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : yaml.split("\n")) {
                Matcher m = SETTING.matcher(line);
                if (m.matches()) {
                    env.put(m.group(1), m.group(2));
                }
            }
            Matcher nv = NAME_VALUE.matcher(yaml);
            while (nv.find()) {
                env.put(nv.group(1), nv.group(2));
            }
            if (env.isEmpty()) {
                continue;
            }
            env.forEach((k, v) -> {
                if (k.endsWith("_CRON")) {
                    crons.add(v);
                }
                if (k.equals("RESTIC_REPOSITORY")) {
                    repos.add(v);
                }
            });
            String name = manifest.getParent().getFileName() + "-" + manifest.getFileName().toString().replace(".yaml", "");
            write("config/EnvConfigFuzzTestInputs/load/" + name, lines(env));
        }
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```yaml\njobs:");
        String jobs = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
        write("config/EnvConfigFuzzTestInputs/load/readme-jobs",
                "RESTIC_REPOSITORY=/srv/backup-repo\nRESTIC_PASSWORD=pw\n---\n" + jobs);
        int i = 0;
        for (String cron : crons) {
            write("schedule/CronScheduleFuzzTestInputs/parse/cron-" + i++, cron);
        }
        i = 0;
        for (String repo : repos) {
            write("backend/RepositoryLocationFuzzTestInputs/parse/repo-" + i++, repo);
        }
    }

    private static String lines(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return String.join("\n", out) + "\n";
    }

    private static void write(String name, String content) throws IOException {
        Path file = RESOURCES.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
