package dev.coffer.agent.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether Java sees a file name exactly. Java 17 decodes file names with the locale's charset
 * ({@code sun.jnu.encoding}) and replaces bytes it cannot decode, so a name that is not valid UTF-8
 * under {@code LANG=C.UTF-8} (or any non-ASCII name under {@code LANG=C}) comes back as another
 * string; written back, it would name another file. A path from a directory listing keeps the
 * original bytes internally, which is how the difference can be seen.
 */
public final class FileNames {
    private FileNames() {
    }

    /** True if {@code p} (from a listing or a symlink) round-trips through its string form. */
    public static boolean exact(Path p) {
        try {
            return p.equals(p.getFileSystem().getPath(p.toString()));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Why a name that is not {@link #exact} is not saved, and what to do: one clause for an error line. */
    public static String unreadableName() {
        return "not saved: the name cannot be read exactly in this locale's encoding (" + charset() + "), and it is"
                + " never stored under another name; " + (utf8() ? "it is not valid UTF-8: rename it, exclude it, or back"
                + " it up with restic" : "run coffer with LANG=C.UTF-8");
    }

    /** True if {@code name} can be written as a file name in {@code dir}'s file system and read back unchanged. */
    public static boolean representable(Path dir, String name) {
        try {
            return dir.getFileSystem().getPath(name).toString().equals(name);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Why a stored name is not restored, and what to do: one clause for an error line. */
    public static String unwritableName() {
        return "this file name cannot be written exactly in this locale's encoding (" + charset() + "), and it is"
                + " never restored under another name; " + (utf8() ? "it is not valid UTF-8: restore it with restic"
                : "run coffer with LANG=C.UTF-8");
    }

    private static String charset() {
        return System.getProperty("sun.jnu.encoding", "unknown");
    }

    private static boolean utf8() {
        return charset().equalsIgnoreCase("UTF-8") || charset().equalsIgnoreCase("UTF8");
    }

    /** A name for messages: valid UTF-8 as is, other bytes as {@code \xNN}. */
    public static String escaped(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length);
        int i = 0;
        while (i < raw.length) {
            int n = utf8Length(raw, i);
            if (n == 0) {
                sb.append(String.format("\\x%02x", raw[i] & 0xff));
                i++;
            } else {
                sb.append(new String(raw, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /** Length of the valid UTF-8 sequence at {@code i}, or 0 (overlongs and surrogates are invalid). */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        int n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
        if (n == 0 || i + n > b.length) {
            return 0;
        }
        String s = new String(b, i, n, StandardCharsets.UTF_8);
        return s.indexOf('\ufffd') < 0 && java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), 0, n, b, i, i + n) ? n : 0;
    }
}
