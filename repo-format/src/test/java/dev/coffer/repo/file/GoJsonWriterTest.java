package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoJsonWriterTest {
    @Test
    void escapesLikeGo() {
        assertEquals("\"a\\u003cb\\u003e\\u0026c\"", str("a<b>&c"));
        assertEquals("\"q\\\"\\\\\"", str("q\"\\"));
        assertEquals("\"\\n\\r\\t\\u0000\\u0001\\u0008\\u000c\\u001f\"", str("\n\r\t\u0000\u0001\b\f\u001f"));
        assertEquals("\"\u007f/'\"", str("\u007f/'"), "DEL, slash and quote stay raw");
        assertEquals("\"\\u2028\\u2029\"", str("\u2028\u2029"));
        assertEquals("\"é😀\u00a0\u200b\ufffd\"", str("é😀\u00a0\u200b\ufffd"), "other non-ASCII raw, valid U+FFFD raw");
        assertEquals("\"\\ufffdx\\ufffd\"", str("\uD800x\uDC00"), "lone surrogates are invalid UTF-8");
    }

    @Test
    void bytesAreGoStrings() {
        assertEquals("\"\\ufffdtarget\\ufffd\"", bytes("ff746172676574e9"));
        assertEquals("\"\\ufffd\\ufffd\"", bytes("c0af"), "overlong encoding");
        assertEquals("\"\\ufffd\\ufffd\\ufffd\"", bytes("eda080"), "surrogate encoded in UTF-8");
        assertEquals("\"\\ufffd\\ufffd\\ufffd\\ufffd\"", bytes("f4908080"), "above U+10FFFF");
        assertEquals("\"\\ufffd\\ufffd\"", bytes("e282"), "a truncated sequence: one per byte, as Go");
        assertEquals("\"\\u2028\u20ac\"", bytes("e280a8e282ac"));
        assertEquals("\"😀\"", bytes("f09f9880"));
        assertEquals("\"\\u003c\\t\"", bytes("3c09"));
    }

    @Test
    void stringAndByteFormsAgreeOnRandomInput() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(20); j > 0; j--) {
                int cp = r.nextInt(4) == 0 ? r.nextInt(0x80) : r.nextInt(0x10ffff);
                if (cp < 0xd800 || cp > 0xdfff) {
                    sb.appendCodePoint(cp);
                }
            }
            String s = sb.toString();
            assertEquals(str(s), new String(new GoJsonWriter().value(s.getBytes(StandardCharsets.UTF_8)).toByteArray(),
                    StandardCharsets.UTF_8), s);
        }
    }

    @Test
    void numbersBooleansNullsAndCommas() {
        GoJsonWriter w = new GoJsonWriter(16);
        w.beginObject().name("a").value(0).name("b").value(-12).name("c").value(Long.MIN_VALUE)
                .name("d").valueUnsigned(-1L).name("e").value(true).name("f").nullValue()
                .name("g").beginArray().value(1).beginObject().endObject().beginArray().endArray().value("x").endArray()
                .name("h").value(Long.MAX_VALUE).endObject();
        assertEquals("{\"a\":0,\"b\":-12,\"c\":-9223372036854775808,\"d\":18446744073709551615,\"e\":true,\"f\":null,"
                + "\"g\":[1,{},[],\"x\"],\"h\":9223372036854775807}", new String(w.toByteArray(), StandardCharsets.UTF_8));
        w.reset().beginArray().value(7).endArray();
        assertEquals("[7]", new String(w.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void badTimeLeavesTheBufferUntouched() {
        GoJsonWriter w = new GoJsonWriter(4).beginArray().value(1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> w.value(java.time.OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC)));
        w.value(GoTime.ZERO).endArray();
        assertEquals("[1,\"0001-01-01T00:00:00Z\"]", new String(w.toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void base64MatchesJava() {
        Random r = new Random(1);
        for (int n = 0; n < 40; n++) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            assertEquals("\"" + Base64.getEncoder().encodeToString(data) + "\"",
                    new String(new GoJsonWriter(1).base64(data).toByteArray(), StandardCharsets.US_ASCII));
        }
        assertEquals("null", new String(new GoJsonWriter().base64(null).toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void idsAreLowercaseHex() {
        Id id = Id.hash(new byte[0]);
        assertEquals("\"" + id.hex() + "\"", new String(new GoJsonWriter(1).value(id).toByteArray(), StandardCharsets.US_ASCII));
    }

    private static String str(String s) {
        return new String(new GoJsonWriter(1).value(s).toByteArray(), StandardCharsets.UTF_8);
    }

    private static String bytes(String hex) {
        return new String(new GoJsonWriter(1).value(HexFormat.of().parseHex(hex)).toByteArray(), StandardCharsets.UTF_8);
    }
}
