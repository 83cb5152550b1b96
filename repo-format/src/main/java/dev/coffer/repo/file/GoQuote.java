package dev.coffer.repo.file;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote} and {@code strconv.Unquote} without the outer quotes, over raw bytes.
 * restic stores every node name as {@code Quote(name)} minus the quotes, so names that are not
 * valid UTF-8 survive as {@code \xNN} escapes.
 *
 * <p>"Printable" follows Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation,
 * symbols and the ASCII space, taken here from {@link Character#getType} (Java 17 and Go 1.19 both
 * use Unicode 13).
 */
public final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int PRINT_TYPES = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK | 1 << Character.COMBINING_SPACING_MARK
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER
            | 1 << Character.CONNECTOR_PUNCTUATION | 1 << Character.DASH_PUNCTUATION
            | 1 << Character.START_PUNCTUATION | 1 << Character.END_PUNCTUATION
            | 1 << Character.INITIAL_QUOTE_PUNCTUATION | 1 << Character.FINAL_QUOTE_PUNCTUATION
            | 1 << Character.OTHER_PUNCTUATION | 1 << Character.MATH_SYMBOL | 1 << Character.CURRENCY_SYMBOL
            | 1 << Character.MODIFIER_SYMBOL | 1 << Character.OTHER_SYMBOL;

    private GoQuote() {
    }

    /** True if {@link #quote} returns these bytes unchanged and they are ASCII (the common case). */
    public static boolean isPlainAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0x20 || b == 0x7f || b == '"' || b == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code unicode.IsPrint}. */
    public static boolean isPrint(int cp) {
        if (cp < 0x100) {
            return cp >= 0x20 && cp <= 0x7e || cp >= 0xa1 && cp != 0xad;
        }
        return (PRINT_TYPES >> Character.getType(cp) & 1) != 0;
    }

    /** {@code strconv.Quote(raw)} without the surrounding double quotes. */
    public static String quote(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length + 8);
        int i = 0;
        while (i < raw.length) {
            int c = raw[i] & 0xff;
            if (c < 0x80) {
                quoteAscii(sb, c);
                i++;
                continue;
            }
            int w = Utf8.validSequenceLength(raw, i, raw.length);
            if (w == 0) {
                hexEscape(sb, 'x', c, 2);
                i++;
                continue;
            }
            int cp = Utf8.decode(raw, i, w);
            if (isPrint(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x10000) {
                hexEscape(sb, 'u', cp, 4);
            } else {
                hexEscape(sb, 'U', cp, 8);
            }
            i += w;
        }
        return sb.toString();
    }

    private static void quoteAscii(StringBuilder sb, int c) {
        if (c == '"' || c == '\\') {
            sb.append('\\').append((char) c);
        } else if (c >= 0x20 && c < 0x7f) {
            sb.append((char) c);
        } else {
            char e = switch (c) {
                case 0x07 -> 'a';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                case 0x0b -> 'v';
                default -> 0;
            };
            if (e != 0) {
                sb.append('\\').append(e);
            } else {
                hexEscape(sb, 'x', c, 2);
            }
        }
    }

    private static void hexEscape(StringBuilder sb, char kind, int v, int digits) {
        sb.append('\\').append(kind);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            sb.append(HEX[v >> shift & 0xf]);
        }
    }

    /**
     * {@code strconv.Unquote("\"" + quoted + "\"")} as raw bytes: {@code \xNN} and octal
     * {@code \NNN} give single bytes, <code>&#92;u</code>/<code>&#92;U</code> give UTF-8, plus the short escapes
     * (also {@code \'}, which Go only allows in single quotes).
     *
     * @throws IllegalArgumentException on a syntax error, a raw {@code "} or newline
     */
    public static byte[] unquote(String quoted) {
        int n = quoted.length();
        boolean simple = true;
        for (int i = 0; i < n && simple; i++) {
            char c = quoted.charAt(i);
            simple = c != '\\' && c != '"' && c != '\n' && !Character.isSurrogate(c);
        }
        if (simple) {
            return quoted.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 8);
        int i = 0;
        while (i < n) {
            char c = quoted.charAt(i);
            if (c == '"' || c == '\n') {
                throw syntax(quoted);
            }
            if (c != '\\') {
                int cp = quoted.codePointAt(i);
                i += Character.charCount(cp);
                Utf8.encode(Character.isSurrogate((char) cp) && cp < 0x10000 ? 0xfffd : cp, out);
                continue;
            }
            if (i + 1 >= n) {
                throw syntax(quoted);
            }
            char e = quoted.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(0x07);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0b);
                case '\\', '"', '\'' -> out.write(e);
                case 'x' -> {
                    out.write((int) hex(quoted, i, 2));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    long v = hex(quoted, i, digits);
                    if (v > 0x10ffff || v >= 0xd800 && v <= 0xdfff) {
                        throw syntax(quoted);
                    }
                    Utf8.encode((int) v, out);
                    i += digits;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int j = 0; j < 2; j++, i++) {
                        int d = i < n ? quoted.charAt(i) - '0' : -1;
                        if (d < 0 || d > 7) {
                            throw syntax(quoted);
                        }
                        v = v << 3 | d;
                    }
                    if (v > 255) {
                        throw syntax(quoted);
                    }
                    out.write(v);
                }
                default -> throw syntax(quoted);
            }
        }
        return out.toByteArray();
    }

    private static long hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            throw syntax(s);
        }
        long v = 0;
        for (int j = from; j < from + digits; j++) {
            int d = Character.digit(s.charAt(j), 16);
            if (d < 0 || s.charAt(j) > 'f') {
                throw syntax(s);
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static IllegalArgumentException syntax(String s) {
        return new IllegalArgumentException("not a Go-quoted string: \"" + s + "\"");
    }
}
