package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoQuoteTest {
    @Test
    void quotesLikeStrconv() {
        assertEquals("a<b>&c", quote("a<b>&c"));
        assertEquals("tab\\tname", quote("tab\tname"));
        assertEquals("new\\nline", quote("new\nline"));
        assertEquals("q\\\"uote\\\\\\\\back", quote("q\"uote\\\\back"));
        assertEquals("\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f", quote("\u0007\b\f\n\r\t\u000b\u0000\u001f\u007f"));
        assertEquals("it's", quote("it's"));
        assertEquals("\\xe9latin1", GoQuote.quote(HexFormat.of().parseHex("e96c6174696e31")));
        assertEquals("\\xff\\xfe", GoQuote.quote(new byte[] {(byte) 0xff, (byte) 0xfe}));
        assertEquals("😀smile é ü ß \ufffd", quote("😀smile é ü ß \ufffd"));
        assertEquals("nbsp\\u00a0name zw\\u200bspace ls\\u2028sep \\u00ad \\u3000", quote("nbsp\u00a0name zw\u200bspace ls\u2028sep \u00ad \u3000"));
        assertEquals("\\ue000 \\u0378 \\U000e0001 \\U0010ffff", quote("\ue000 \u0378 \uDB40\uDC01 \uDBFF\uDFFF"));
    }

    @Test
    void everySingleByteRoundTrips() {
        for (int b = 0; b < 256; b++) {
            byte[] raw = {(byte) b};
            String q = GoQuote.quote(raw);
            assertArrayEquals(raw, GoQuote.unquote(q), "byte " + b + " quoted as " + q);
            boolean plain = b >= 0x20 && b < 0x7f && b != '"' && b != '\\';
            assertEquals(plain, q.equals(new String(raw, StandardCharsets.ISO_8859_1)), "byte " + b);
            assertEquals(plain, GoQuote.isPlainAscii(raw), "byte " + b);
        }
    }

    @Test
    void randomByteStringsRoundTrip() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] raw = new byte[r.nextInt(24)];
            r.nextBytes(raw);
            if (i % 3 == 0) {
                raw = (new String(raw, StandardCharsets.ISO_8859_1) + "é😀\u2028").getBytes(StandardCharsets.UTF_8);
            }
            String q = GoQuote.quote(raw);
            assertArrayEquals(raw, GoQuote.unquote(q), q);
            assertFalse(q.contains("\"") && !q.contains("\\\""), q);
        }
    }

    @Test
    void unquoteHandlesAllEscapes() {
        assertArrayEquals(new byte[] {7, 8, 12, 10, 13, 9, 11, '\\', '"', '\''}, GoQuote.unquote("\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'"));
        assertArrayEquals(new byte[] {(byte) 0xff, 0, (byte) 0xe9, 'A'}, GoQuote.unquote("\\xff\\000\\351\\x41"));
        assertArrayEquals("é😀".getBytes(StandardCharsets.UTF_8), GoQuote.unquote("\\u00e9\\U0001F600"));
        assertArrayEquals("plain é".getBytes(StandardCharsets.UTF_8), GoQuote.unquote("plain é"));
        assertArrayEquals(new byte[] {1}, GoQuote.unquote("\u0001"), "raw control characters are allowed");
    }

    @Test
    void unquoteRefusesBadSyntax() {
        for (String bad : List.of("\"", "a\nb", "\\", "\\q", "\\x4", "\\xg0", "\\400", "\\08", "\\ud800", "\\U00110000", "\\u12")) {
            assertThrows(IllegalArgumentException.class, () -> GoQuote.unquote(bad), bad);
        }
    }

    @Test
    void printableFollowsGo() {
        assertTrue(GoQuote.isPrint(' '));
        assertTrue(GoQuote.isPrint(0x1f600));
        assertTrue(GoQuote.isPrint(0x0301), "combining mark");
        assertFalse(GoQuote.isPrint(0xa0));
        assertFalse(GoQuote.isPrint(0x200b));
        assertFalse(GoQuote.isPrint(0xfeff));
        assertFalse(GoQuote.isPrint(0xd800));
    }

    private static String quote(String s) {
        return GoQuote.quote(s.getBytes(StandardCharsets.UTF_8));
    }
}
