package dev.coffer.repo.file;

import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Writes compact JSON into a growable byte buffer, escaping strings exactly as Go's
 * {@code encoding/json} (Go 1.19, as in restic 0.14) does with HTML escaping on.
 *
 * <p>Escapes: {@code "} {@code \\} {@code \n} {@code \r} {@code \t}; other bytes below 0x20 as
 * <code>&#92;u00XX</code>; {@code < > &} as <code>&#92;u003c &#92;u003e &#92;u0026</code>; U+2028 and U+2029; every byte that
 * is not part of valid UTF-8 as <code>&#92;ufffd</code>. Other characters are written raw as UTF-8.
 *
 * <p>Commas are placed automatically: call {@link #name} before each member value of an object.
 * The writer does not check that the calls form valid JSON. Not thread-safe; reusable with
 * {@link #reset()}.
 */
public final class GoJsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] B64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For ASCII: 0 = write raw, 'u' = a six-character unicode escape, otherwise the short escape letter. */
    private static final byte[] ASCII_ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII_ESCAPE[c] = 'u';
        }
        ASCII_ESCAPE['\n'] = 'n';
        ASCII_ESCAPE['\r'] = 'r';
        ASCII_ESCAPE['\t'] = 't';
        ASCII_ESCAPE['"'] = '"';
        ASCII_ESCAPE['\\'] = '\\';
        ASCII_ESCAPE['<'] = 'u';
        ASCII_ESCAPE['>'] = 'u';
        ASCII_ESCAPE['&'] = 'u';
    }

    private byte[] buf;
    private int len;
    private boolean comma;

    public GoJsonWriter() {
        this(256);
    }

    public GoJsonWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Empties the buffer, keeping its capacity. */
    public GoJsonWriter reset() {
        len = 0;
        comma = false;
        return this;
    }

    public int size() {
        return len;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    public GoJsonWriter beginObject() {
        separator();
        put('{');
        comma = false;
        return this;
    }

    public GoJsonWriter endObject() {
        put('}');
        comma = true;
        return this;
    }

    public GoJsonWriter beginArray() {
        separator();
        put('[');
        comma = false;
        return this;
    }

    public GoJsonWriter endArray() {
        put(']');
        comma = true;
        return this;
    }

    /** A member name; {@code name} must be plain ASCII needing no escapes (restic's field names). */
    public GoJsonWriter name(String name) {
        separator();
        int n = name.length();
        ensure(n + 3);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) name.charAt(i);
        }
        buf[len++] = '"';
        buf[len++] = ':';
        comma = false;
        return this;
    }

    /** A string value from Java chars; unpaired surrogates count as invalid UTF-8. */
    public GoJsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        separator();
        int n = s.length();
        ensure(6 * n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ASCII_ESCAPE[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escapeAscii(b, p, c, e);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xf0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[p++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    p = unicodeEscape(b, p, 0xfffd);
                }
            } else if (c == 0x2028 || c == 0x2029) {
                p = unicodeEscape(b, p, c);
            } else {
                b[p++] = (byte) (0xe0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        b[p++] = '"';
        len = p;
        comma = true;
        return this;
    }

    /** A string value given as raw bytes (a Go string): valid UTF-8 raw, each invalid byte as the escape for U+FFFD. */
    public GoJsonWriter value(byte[] s) {
        return s == null ? nullValue() : value(s, 0, s.length);
    }

    public GoJsonWriter value(byte[] s, int off, int n) {
        separator();
        ensure(6 * n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        int end = off + n;
        int i = off;
        while (i < end) {
            int c = s[i] & 0xff;
            if (c < 0x80) {
                byte e = ASCII_ESCAPE[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escapeAscii(b, p, c, e);
                }
                i++;
                continue;
            }
            int w = Utf8.validSequenceLength(s, i, end);
            if (w == 0) {
                p = unicodeEscape(b, p, 0xfffd);
                i++;
            } else if (w == 3 && c == 0xe2 && s[i + 1] == (byte) 0x80 && (s[i + 2] == (byte) 0xa8 || s[i + 2] == (byte) 0xa9)) {
                p = unicodeEscape(b, p, s[i + 2] == (byte) 0xa8 ? 0x2028 : 0x2029);
                i += 3;
            } else {
                System.arraycopy(s, i, b, p, w);
                p += w;
                i += w;
            }
        }
        b[p++] = '"';
        len = p;
        comma = true;
        return this;
    }

    /** An unsigned decimal number (Go uint64: negative longs are values above 2^63). */
    public GoJsonWriter valueUnsigned(long v) {
        if (v >= 0) {
            return value(v);
        }
        return rawAscii(Long.toUnsignedString(v));
    }

    public GoJsonWriter value(long v) {
        if (v == Long.MIN_VALUE) {
            return rawAscii(Long.toString(v));
        }
        separator();
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int p = len + digits;
        len = p;
        do {
            buf[--p] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        comma = true;
        return this;
    }

    public GoJsonWriter value(boolean v) {
        return rawAscii(v ? "true" : "false");
    }

    public GoJsonWriter nullValue() {
        return rawAscii("null");
    }

    /** A Go {@code []byte}: standard base64 with padding, or {@code null}. */
    public GoJsonWriter base64(byte[] data) {
        if (data == null) {
            return nullValue();
        }
        separator();
        int n = 4 * ((data.length + 2) / 3);
        ensure(n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        int i = 0;
        for (int full = data.length - data.length % 3; i < full; i += 3) {
            int v = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | data[i + 2] & 0xff;
            b[p++] = B64[v >>> 18];
            b[p++] = B64[v >>> 12 & 0x3f];
            b[p++] = B64[v >>> 6 & 0x3f];
            b[p++] = B64[v & 0x3f];
        }
        int rest = data.length - i;
        if (rest > 0) {
            int v = (data[i] & 0xff) << 16 | (rest == 2 ? (data[i + 1] & 0xff) << 8 : 0);
            b[p++] = B64[v >>> 18];
            b[p++] = B64[v >>> 12 & 0x3f];
            b[p++] = rest == 2 ? B64[v >>> 6 & 0x3f] : (byte) '=';
            b[p++] = '=';
        }
        b[p++] = '"';
        len = p;
        comma = true;
        return this;
    }

    /** Pre-encoded JSON (a value), copied verbatim. */
    public GoJsonWriter rawValue(byte[] json) {
        separator();
        ensure(json.length);
        System.arraycopy(json, 0, buf, len, json.length);
        len += json.length;
        comma = true;
        return this;
    }

    /** Appends one byte outside of any value, e.g. the newline after a tree. */
    public GoJsonWriter rawByte(char c) {
        put(c);
        return this;
    }

    /** An id as 64 lowercase hex characters, or {@code null}. */
    public GoJsonWriter value(Id id) {
        if (id == null) {
            return nullValue();
        }
        separator();
        ensure(2 * Id.LENGTH + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < Id.LENGTH; i++) {
            int v = id.byteAt(i);
            b[p++] = HEX[v >> 4 & 0xf];
            b[p++] = HEX[v & 0xf];
        }
        b[p++] = '"';
        len = p;
        comma = true;
        return this;
    }

    /**
     * A time as Go's {@code time.Time} marshals it ({@link GoTime}).
     *
     * @throws IllegalArgumentException if the year is outside 0..9999
     */
    public GoJsonWriter value(OffsetDateTime t) {
        ensure(GoTime.MAX_LENGTH + 3);
        int start = len + (comma ? 2 : 1);
        int n = GoTime.format(t, buf, start); // may throw: nothing is committed before this
        separator();
        buf[len++] = '"';
        len += n;
        buf[len++] = '"';
        comma = true;
        return this;
    }

    private GoJsonWriter rawAscii(String s) {
        separator();
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        comma = true;
        return this;
    }

    private static int escapeAscii(byte[] b, int p, int c, byte e) {
        if (e == 'u') {
            return unicodeEscape(b, p, c);
        }
        b[p] = '\\';
        b[p + 1] = e;
        return p + 2;
    }

    private static int unicodeEscape(byte[] b, int p, int c) {
        b[p] = '\\';
        b[p + 1] = 'u';
        b[p + 2] = HEX[c >> 12 & 0xf];
        b[p + 3] = HEX[c >> 8 & 0xf];
        b[p + 4] = HEX[c >> 4 & 0xf];
        b[p + 5] = HEX[c & 0xf];
        return p + 6;
    }

    private void separator() {
        if (comma) {
            put(',');
        }
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) len + extra);
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("JSON output larger than 2 GiB: " + want);
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }
}
