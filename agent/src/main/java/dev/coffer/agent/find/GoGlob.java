package dev.coffer.agent.find;

/**
 * Go's {@code filepath.Match} on Unix, which restic uses for each path component: {@code *}
 * matches any run of characters but {@code /}, {@code ?} one character but {@code /},
 * {@code [a-z]} and {@code [^a-z]} a class, and a backslash escapes the next character. Works on
 * code points. A malformed pattern is reported only when matching reaches it, or when the name
 * does not match and the rest of the pattern is checked, as Go does.
 */
final class GoGlob {
    private GoGlob() {
    }

    static boolean match(String pattern, String name) throws BadPatternException {
        int[] p = pattern.codePoints().toArray();
        int[] s = name.codePoints().toArray();
        int pi = 0;
        int si = 0;
        chunks:
        while (pi < p.length) {
            boolean star = false;
            while (pi < p.length && p[pi] == '*') {
                pi++;
                star = true;
            }
            int end = chunkEnd(p, pi);
            if (star && end == pi) {
                for (int i = si; i < s.length; i++) {
                    if (s[i] == '/') {
                        return false;
                    }
                }
                return true;
            }
            boolean last = end == p.length;
            int rest = matchChunk(p, pi, end, s, si, pattern);
            if (rest >= 0 && (rest == s.length || !last)) {
                si = rest;
                pi = end;
                continue;
            }
            if (star) {
                for (int i = si; i < s.length && s[i] != '/'; i++) {
                    int t = matchChunk(p, pi, end, s, i + 1, pattern);
                    if (t >= 0 && !(last && t < s.length)) {
                        si = t;
                        pi = end;
                        continue chunks;
                    }
                }
            }
            pi = end;
            while (pi < p.length) {
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                }
                int e = chunkEnd(p, pi);
                matchChunk(p, pi, e, s, s.length, pattern);
                pi = e;
            }
            return false;
        }
        return si == s.length;
    }

    /** The end of the chunk starting at {@code from}: the next {@code *} outside a class. */
    private static int chunkEnd(int[] p, int from) {
        boolean inRange = false;
        int i = from;
        for (; i < p.length; i++) {
            int c = p[i];
            if (c == '\\') {
                if (i + 1 < p.length) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /**
     * Matches the star-free chunk {@code p[from, to)} at the start of {@code s[si..]}; returns the
     * index in {@code s} after the match, or -1. Keeps checking the chunk's syntax after a mismatch.
     */
    private static int matchChunk(int[] p, int from, int to, int[] s, int si, String pattern) throws BadPatternException {
        boolean failed = false;
        int i = from;
        while (i < to) {
            if (!failed && si >= s.length) {
                failed = true;
            }
            int c = p[i];
            if (c == '[') {
                int r = failed ? -1 : s[si++];
                i++;
                boolean negated = i < to && p[i] == '^';
                if (negated) {
                    i++;
                }
                boolean match = false;
                int ranges = 0;
                while (true) {
                    if (i < to && p[i] == ']' && ranges > 0) {
                        i++;
                        break;
                    }
                    i = escaped(p, i, to, pattern);
                    int lo = p[i - 1];
                    int hi = lo;
                    if (p[i] == '-') {
                        i = escaped(p, i + 1, to, pattern);
                        hi = p[i - 1];
                    }
                    if (lo <= r && r <= hi) {
                        match = true;
                    }
                    ranges++;
                }
                if (match == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (s[si] == '/') {
                        failed = true;
                    }
                    si++;
                }
                i++;
            } else {
                if (c == '\\') {
                    i++;
                    if (i >= to) {
                        throw new BadPatternException(pattern);
                    }
                    c = p[i];
                }
                if (!failed) {
                    if (c != s[si]) {
                        failed = true;
                    }
                    si++;
                }
                i++;
            }
        }
        return failed ? -1 : si;
    }

    /**
     * Reads one possibly escaped character of a class at {@code i}; returns the index after it
     * (so the character is at the returned index minus one). Go requires more of the chunk to follow.
     */
    private static int escaped(int[] p, int i, int to, String pattern) throws BadPatternException {
        if (i >= to || p[i] == '-' || p[i] == ']') {
            throw new BadPatternException(pattern);
        }
        if (p[i] == '\\') {
            i++;
            if (i >= to) {
                throw new BadPatternException(pattern);
            }
        }
        i++;
        if (i >= to) {
            throw new BadPatternException(pattern);
        }
        return i;
    }
}
