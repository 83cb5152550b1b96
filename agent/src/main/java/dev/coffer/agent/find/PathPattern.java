package dev.coffer.agent.find;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A restic filter pattern, as {@code find} and {@code --exclude} use them: the pattern is cleaned
 * and split at {@code /}; each component is a {@link GoGlob}; {@code **} matches any number of
 * components. An absolute pattern ({@code /home/*}) is anchored at the root; a relative one may
 * match at any depth. Matching a prefix of the path counts: {@code /home} matches
 * {@code /home/user/file}, so everything below a match matches too. A leading {@code !} is
 * dropped. Immutable.
 */
public final class PathPattern {
    private static final String DOUBLE_STAR = "";

    private final String original;
    private final List<String> parts;

    private PathPattern(String original, List<String> parts) {
        this.original = original;
        this.parts = parts;
    }

    /** Parses a pattern; the empty pattern matches everything. */
    public static PathPattern parse(String pattern) {
        String p = pattern.startsWith("!") ? pattern.substring(1) : pattern;
        if (pattern.isEmpty()) {
            return new PathPattern(pattern, List.of());
        }
        List<String> parts = new ArrayList<>();
        for (String part : split(clean(p))) {
            parts.add(part.equals("**") ? DOUBLE_STAR : part);
        }
        return new PathPattern(pattern, List.copyOf(parts));
    }

    /** Whether {@code path} (absolute, cleaned, like {@code /a/b}) or one of its ancestors matches. */
    public boolean matches(String path) throws BadPatternException {
        return original.isEmpty() || match(parts, split(path));
    }

    /** Whether something below {@code path} could match, i.e. a walk must descend into it. */
    public boolean childMayMatch(String path) throws BadPatternException {
        if (original.isEmpty() || !parts.get(0).equals("/")) {
            return true;
        }
        List<String> strs = split(path);
        int pos = parts.indexOf(DOUBLE_STAR);
        if (pos >= 0 && strs.size() >= pos) {
            strs = strs.subList(0, pos);
        }
        return match(parts.subList(0, Math.min(strs.size(), parts.size())), strs);
    }

    private boolean match(List<String> pat, List<String> strs) throws BadPatternException {
        int pos = pat.indexOf(DOUBLE_STAR);
        if (pos >= 0) {
            for (int stars = 0; stars <= strs.size() - pat.size() + 1; stars++) {
                List<String> expanded = new ArrayList<>(pat.subList(0, pos));
                for (int k = 0; k < stars; k++) {
                    expanded.add("*");
                }
                expanded.addAll(pat.subList(pos + 1, pat.size()));
                if (match(expanded, strs)) {
                    return true;
                }
            }
            return false;
        }
        if (pat.isEmpty()) {
            return strs.isEmpty();
        }
        if (pat.size() > strs.size()) {
            return false;
        }
        int minOffset = 0;
        int maxOffset = strs.size() - pat.size();
        if (pat.get(0).equals("/")) {
            maxOffset = 0;
        } else if (strs.get(0).equals("/")) {
            minOffset = 1;
        }
        offsets:
        for (int offset = maxOffset; offset >= minOffset; offset--) {
            for (int i = pat.size() - 1; i >= 0; i--) {
                if (!component(pat.get(i), strs.get(offset + i))) {
                    continue offsets;
                }
            }
            return true;
        }
        return false;
    }

    private boolean component(String pattern, String name) throws BadPatternException {
        if (pattern.chars().noneMatch(c -> c == '\\' || c == '[' || c == ']' || c == '*' || c == '?')) {
            return pattern.equals(name);
        }
        try {
            return GoGlob.match(pattern, name);
        } catch (BadPatternException e) {
            throw new BadPatternException(original);
        }
    }

    /** Splits a cleaned path; an absolute path's first component is "/". */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("/", -1)));
        if (parts.get(0).isEmpty()) {
            parts.set(0, "/");
        }
        return parts;
    }

    /** Go's {@code path.Clean}: no empty, "." or resolvable ".." components, no trailing slash. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String e : path.split("/")) {
            if (e.isEmpty() || e.equals(".")) {
                continue;
            }
            if (e.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(e);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    @Override
    public String toString() {
        return original;
    }
}
