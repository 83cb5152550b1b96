package dev.coffer.agent.source;

/** Shell-style matching of one path component: {@code *}, {@code ?}, {@code [a-z]}, {@code [!x]}, {@code \} escapes. */
public final class Glob {
    private Glob() {
    }

    public static boolean matches(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end < 0) {
                    if (s.charAt(si) != '[') {
                        return false;
                    }
                    pi++;
                    si++;
                    continue;
                }
                String set = p.substring(pi + 1, end);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                if (negate) {
                    set = set.substring(1);
                }
                boolean in = false;
                char ch = s.charAt(si);
                for (int k = 0; k < set.length(); k++) {
                    if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                        in |= ch >= set.charAt(k) && ch <= set.charAt(k + 2);
                        k += 2;
                    } else {
                        in |= ch == set.charAt(k);
                    }
                }
                if (in == negate) {
                    return false;
                }
                pi = end + 1;
                si++;
            } else {
                if (c == '\\' && pi + 1 < p.length()) {
                    c = p.charAt(++pi);
                }
                if (c != s.charAt(si)) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }
}
