package dev.coffer.agent.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which entries a backup leaves out, with restic's options: {@code --exclude},
 * {@code --iexclude}, {@code --exclude-if-present FILE[:HEADER]}, {@code --exclude-caches},
 * {@code --exclude-larger-than} and {@code --one-file-system}. Thread-safe.
 */
public final class SourceFilter {
    /** The signature a CACHEDIR.TAG file starts with (bford.info/cachedir). */
    static final String CACHEDIR_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55";

    public static final SourceFilter NONE = new SourceFilter(new ExcludeOptions(List.of(), List.of(), List.of(), false, 0, false));

    private final List<Pattern> patterns = new ArrayList<>();
    private final ExcludeOptions options;

    public SourceFilter(ExcludeOptions options) {
        this.options = options;
        for (String p : options.patterns()) {
            patterns.add(new Pattern(p, false));
        }
        for (String p : options.caseInsensitivePatterns()) {
            patterns.add(new Pattern(p, true));
        }
    }

    /**
     * True if {@code p} (with metadata {@code m}) is left out. {@code rootDevice} is the device of the
     * backup target it lies under, for --one-file-system.
     */
    public boolean excluded(Path p, FileMeta m, long rootDevice) {
        String abs = p.toString();
        for (Pattern pat : patterns) {
            if (pat.matches(abs)) {
                return true;
            }
        }
        if (options.largerThan() > 0 && m.isRegular() && m.size() > options.largerThan()) {
            return true;
        }
        return false;
    }

    /**
     * True if {@code --one-file-system} forbids descending into this directory: it lies on another
     * file system than the backup target. restic keeps the mount point itself, empty.
     */
    public boolean stopsAt(FileMeta dir, long rootDevice) {
        return options.oneFileSystem() && dir.device() != rootDevice;
    }

    /**
     * The name of the marker file that tags {@code dir} for --exclude-if-present or --exclude-caches,
     * or null. restic keeps a tagged directory and its marker file, and leaves out everything else
     * in it.
     */
    public String marker(Path dir) {
        for (String spec : options.ifPresent()) {
            if (hasMarker(dir, spec)) {
                return markerName(spec);
            }
        }
        if (options.caches() && hasMarker(dir, "CACHEDIR.TAG:" + CACHEDIR_SIGNATURE)) {
            return "CACHEDIR.TAG";
        }
        return null;
    }

    private static String markerName(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    private static boolean hasMarker(Path dir, String spec) {
        int colon = spec.indexOf(':');
        String file = colon < 0 ? spec : spec.substring(0, colon);
        Path marker = dir.resolve(file);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        if (colon < 0) {
            return true;
        }
        byte[] header = spec.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        try (var in = Files.newInputStream(marker)) {
            byte[] got = in.readNBytes(header.length);
            return java.util.Arrays.equals(got, header);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads patterns from exclude files: one per line, blank lines and lines starting with # ignored, $VARS expanded. */
    public static List<String> readPatternFile(Path file, java.util.Map<String, String> env) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            out.add(expand(t, env));
        }
        return out;
    }

    static String expand(String s, java.util.Map<String, String> env) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(env.getOrDefault(name, "")));
        }
        m.appendTail(b);
        return b.toString();
    }
}
