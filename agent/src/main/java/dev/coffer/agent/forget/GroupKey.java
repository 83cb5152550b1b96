package dev.coffer.agent.forget;

import java.util.List;

/**
 * The key of one snapshot group, as restic shows it: only the parts chosen by
 * {@code --group-by} are filled; the others are {@code ""} or empty. Paths and tags are sorted.
 */
public record GroupKey(String hostname, List<String> paths, List<String> tags)
        implements Comparable<GroupKey> {

    public GroupKey {
        hostname = hostname == null ? "" : hostname;
        paths = paths == null ? List.of() : List.copyOf(paths);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Orders groups by host, then paths, then tags, so plans are printed deterministically. */
    @Override
    public int compareTo(GroupKey o) {
        int c = compareGo(hostname, o.hostname);
        if (c == 0) {
            c = compareLists(paths, o.paths);
        }
        return c != 0 ? c : compareLists(tags, o.tags);
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareGo(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Go's string order: by UTF-8 bytes, which is code point order (not UTF-16 unit order). */
    static int compareGo(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
