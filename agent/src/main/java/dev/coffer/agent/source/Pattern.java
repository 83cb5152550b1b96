package dev.coffer.agent.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One exclude pattern with restic's rules: components separated by '/', each a glob ({@code *},
 * {@code ?}, {@code [...]}); {@code **} matches any number of components; a pattern starting with
 * '/' is anchored at the root, any other may match at any depth. A pattern matches a path if it
 * matches the path or one of its parent directories.
 */
public final class Pattern {
    private final String[] parts;
    private final boolean anchored;
    private final boolean caseInsensitive;

    public Pattern(String pattern, boolean caseInsensitive) {
        String p = caseInsensitive ? pattern.toLowerCase(Locale.ROOT) : pattern;
        this.anchored = p.startsWith("/");
        List<String> list = new ArrayList<>();
        for (String s : p.split("/")) {
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
        this.parts = list.toArray(String[]::new);
        this.caseInsensitive = caseInsensitive;
    }

    public boolean matches(String absolutePath) {
        String path = caseInsensitive ? absolutePath.toLowerCase(Locale.ROOT) : absolutePath;
        List<String> comps = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                comps.add(s);
            }
        }
        String[] c = comps.toArray(String[]::new);
        if (parts.length == 0) {
            return false;
        }
        if (anchored) {
            return match(0, c, 0);
        }
        for (int start = 0; start < c.length; start++) {
            if (match(0, c, start)) {
                return true;
            }
        }
        return false;
    }

    /** Does parts[pi..] match a prefix of c[ci..]? */
    private boolean match(int pi, String[] c, int ci) {
        if (pi == parts.length) {
            return true;
        }
        if (parts[pi].equals("**")) {
            for (int k = ci; k <= c.length; k++) {
                if (match(pi + 1, c, k)) {
                    return true;
                }
            }
            return false;
        }
        return ci < c.length && Glob.matches(parts[pi], c[ci]) && match(pi + 1, c, ci + 1);
    }
}
