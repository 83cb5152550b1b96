package dev.coffer.repo.file;

import java.io.ByteArrayOutputStream;

/** UTF-8 validity exactly as Go's {@code unicode/utf8} decides it (no surrogates, no overlongs). */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Length of the valid UTF-8 sequence starting at {@code s[i]} (1 for ASCII), or 0 when the byte
     * at {@code i} does not start a valid sequence that ends before {@code end}.
     */
    static int validSequenceLength(byte[] s, int i, int end) {
        int c = s[i] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        if (c < 0xc2 || c > 0xf4) {
            return 0;
        }
        if (c < 0xe0) {
            return i + 1 < end && isCont(s[i + 1]) ? 2 : 0;
        }
        int lo = 0x80;
        int hi = 0xbf;
        if (c == 0xe0) {
            lo = 0xa0;
        } else if (c == 0xed) {
            hi = 0x9f;
        } else if (c == 0xf0) {
            lo = 0x90;
        } else if (c == 0xf4) {
            hi = 0x8f;
        }
        if (i + 1 >= end) {
            return 0;
        }
        int c1 = s[i + 1] & 0xff;
        if (c1 < lo || c1 > hi) {
            return 0;
        }
        if (c < 0xf0) {
            return i + 2 < end && isCont(s[i + 2]) ? 3 : 0;
        }
        return i + 3 < end && isCont(s[i + 2]) && isCont(s[i + 3]) ? 4 : 0;
    }

    /** The code point of a valid sequence of length {@code w} at {@code i}. */
    static int decode(byte[] s, int i, int w) {
        int c = s[i] & 0xff;
        switch (w) {
            case 1:
                return c;
            case 2:
                return (c & 0x1f) << 6 | s[i + 1] & 0x3f;
            case 3:
                return (c & 0x0f) << 12 | (s[i + 1] & 0x3f) << 6 | s[i + 2] & 0x3f;
            default:
                return (c & 0x07) << 18 | (s[i + 1] & 0x3f) << 12 | (s[i + 2] & 0x3f) << 6 | s[i + 3] & 0x3f;
        }
    }

    static boolean isValid(byte[] s) {
        for (int i = 0; i < s.length; ) {
            int w = validSequenceLength(s, i, s.length);
            if (w == 0) {
                return false;
            }
            i += w;
        }
        return true;
    }

    /** {@code s} with every byte that is not valid UTF-8 replaced by U+FFFD, as Go's string conversion does. */
    static byte[] lossy(byte[] s) {
        if (isValid(s)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length + 8);
        for (int i = 0; i < s.length; ) {
            int w = validSequenceLength(s, i, s.length);
            if (w == 0) {
                out.write(0xef);
                out.write(0xbf);
                out.write(0xbd);
                i++;
            } else {
                out.write(s, i, w);
                i += w;
            }
        }
        return out.toByteArray();
    }

    /** Appends the UTF-8 encoding of code point {@code cp} to {@code out}. */
    static void encode(int cp, ByteArrayOutputStream out) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xc0 | cp >> 6);
            out.write(0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            out.write(0xe0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        } else {
            out.write(0xf0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3f);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        }
    }

    private static boolean isCont(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
