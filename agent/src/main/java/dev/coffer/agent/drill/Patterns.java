package dev.coffer.agent.drill;

/** Include patterns that select exactly one path, whatever characters its names hold. */
final class Patterns {
    private Patterns() {
    }

    /**
     * An anchored pattern matching only {@code path} (inside the snapshot, {@code /}-separated,
     * no leading slash): glob characters and backslashes in names are escaped.
     */
    static String exact(String path) {
        StringBuilder b = new StringBuilder(path.length() + 8).append('/');
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
