package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.coffer.agent.config.ConfigLoader;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigLoader#KNOWN_VARIABLES} is exactly what the loader reads (learned by recording its
 * reads), and the README's "Sidecar agent configuration" documents every variable the image reads.
 */
class ConfigVariablesTest {
    @Test
    void knownVariablesAreExactlyWhatTheLoaderReads() throws Exception {
        Recording env = new Recording(Map.of("RESTIC_SOURCE", "/data", "RESTIC_REPOSITORY", "/srv/repo",
                "RESTIC_PASSWORD", "secret", "AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "key"));
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            new ConfigLoader(fs, () -> "web-7c5ddbdf54-2xzrf").load(env);
        }
        assertEquals(new TreeSet<>(ConfigLoader.KNOWN_VARIABLES), new TreeSet<>(env.read),
                "ConfigLoader.KNOWN_VARIABLES must list exactly the variables ConfigLoader.load reads");
    }

    @Test
    void readmeDocumentsEveryVariable() throws Exception {
        String section = readmeSection("## Sidecar agent configuration");
        Set<String> missing = new TreeSet<>();
        for (String name : union(ConfigLoader.KNOWN_VARIABLES, Variables.LAUNCHER)) {
            if (!section.contains("`" + name + "`")) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "README.md's 'Sidecar agent configuration' does not document these");
        assertTrue(section.contains("`AWS_"), "the AWS_* variables are documented");
    }

    @Test
    void launcherVariablesAreTheOnesTheLauncherReads() throws Exception {
        String launcher = Files.readString(Project.path("packaging/coffer"));
        Set<String> read = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{?(COFFER_[A-Z_]+)").matcher(launcher);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertEquals(new TreeSet<>(Variables.LAUNCHER), read);
    }

    /** The README text from {@code heading} to the next heading of the same level. */
    static String readmeSection(String heading) throws Exception {
        List<String> lines = Files.readAllLines(Project.path("README.md"));
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "README.md has no line '" + heading + "'");
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        StringBuilder b = new StringBuilder();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith(level); i++) {
            b.append(lines.get(i)).append('\n');
        }
        return b.toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /** An environment that remembers every name looked up in it. */
    private static final class Recording extends AbstractMap<String, String> {
        private final Map<String, String> values;
        private final Set<String> read = new TreeSet<>();

        Recording(Map<String, String> values) {
            this.values = new HashMap<>(values);
        }

        @Override
        public String get(Object key) {
            read.add((String) key);
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            read.add((String) key);
            return values.containsKey(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return values.entrySet();
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
            values.forEach(action); // the AWS_* family is read as a whole, not by name
        }
    }
}
