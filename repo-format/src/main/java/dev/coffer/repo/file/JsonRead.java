package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * Reading helpers over Jackson's streaming parser with Go's decoding rules: {@code null} leaves a
 * field at its zero value, numbers must fit their Go type, ids are 64 hex characters.
 * Every malformed value becomes a {@link CorruptDataException} naming the field.
 */
final class JsonRead {
    /** Immutable once built and thread-safe, as Jackson documents. */
    static final JsonFactory FACTORY = JsonFactory.builder().build();
    static final long UINT32_MAX = 0xffff_ffffL;
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private JsonRead() {
    }

    static JsonParser parser(byte[] json) throws CorruptDataException {
        try {
            return FACTORY.createParser(json);
        } catch (IOException e) {
            throw new CorruptDataException("cannot read JSON: " + e.getMessage(), e);
        }
    }

    static CorruptDataException corrupt(String what, Exception cause) {
        return new CorruptDataException(what + ": " + cause.getMessage(), cause);
    }

    static void expect(JsonParser p, JsonToken token, String where) throws CorruptDataException {
        if (p.currentToken() != token) {
            throw new CorruptDataException("expected " + token + " in " + where + " but found " + p.currentToken()
                    + " at byte " + p.currentTokenLocation().getByteOffset());
        }
    }

    /** After the root value: only whitespace may follow. */
    static void expectEnd(JsonParser p, String where) throws IOException {
        if (p.nextToken() != null) {
            throw new CorruptDataException("trailing data after " + where + " at byte "
                    + p.currentTokenLocation().getByteOffset());
        }
    }

    /** A string, or {@code null} for JSON null. */
    static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new CorruptDataException("field " + field + " is not a string: " + t);
        }
        return p.getText();
    }

    static String textOrEmpty(JsonParser p, String field) throws IOException {
        String s = text(p, field);
        return s == null ? "" : s;
    }

    static boolean bool(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw new CorruptDataException("field " + field + " is not a boolean: " + t);
    }

    /** A Go unsigned integer up to {@code max} (or any uint64 when {@code max} is -1). */
    static long unsigned(JsonParser p, String field, long max) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new CorruptDataException("field " + field + " is not an unsigned integer: " + p.getText());
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            BigInteger v = p.getBigIntegerValue();
            if (max != -1 || v.signum() < 0 || v.compareTo(UINT64_LIMIT) >= 0) {
                throw new CorruptDataException("field " + field + " out of range: " + v);
            }
            return v.longValue();
        }
        long v = p.getLongValue();
        if (v < 0 || max != -1 && v > max) {
            throw new CorruptDataException("field " + field + " out of range: " + v);
        }
        return v;
    }

    /** A signed Go int (e.g. a pid). */
    static long signed(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new CorruptDataException("field " + field + " is not an integer: " + p.getText());
        }
        return p.getLongValue();
    }

    static OffsetDateTime time(JsonParser p, String field) throws IOException {
        String s = text(p, field);
        if (s == null) {
            return GoTime.ZERO;
        }
        try {
            return GoTime.parse(s);
        } catch (IllegalArgumentException e) {
            throw corrupt("field " + field, e);
        }
    }

    /** An id, or {@code null} for JSON null; parsed from the parser's buffer without a String. */
    static Id id(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING || p.getTextLength() != 2 * Id.LENGTH) {
            throw new CorruptDataException("field " + field + " is not a 64-character hex id: " + p.getText());
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        byte[] bytes = new byte[Id.LENGTH];
        for (int i = 0; i < Id.LENGTH; i++) {
            int hi = Character.digit(chars[off + 2 * i], 16);
            int lo = Character.digit(chars[off + 2 * i + 1], 16);
            if (hi < 0 || lo < 0 || chars[off + 2 * i] > 'f' || chars[off + 2 * i + 1] > 'f') {
                throw new CorruptDataException("field " + field + " is not a 64-character hex id: " + p.getText());
            }
            bytes[i] = (byte) (hi << 4 | lo);
        }
        return Id.of(bytes);
    }

    /** Standard base64 with padding (Go {@code []byte}), or {@code null}. */
    static byte[] base64(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new CorruptDataException("field " + field + " is not base64: " + t);
        }
        try {
            return java.util.Base64.getDecoder().decode(p.getText());
        } catch (IllegalArgumentException e) {
            throw corrupt("field " + field + " is not base64", e);
        }
    }

    /**
     * A string field that holds raw bytes (a Go string that may have been invalid UTF-8). Go wrote
     * each invalid byte as the escape <code>&#92;ufffd</code>; those escapes become a single 0xFF byte, so
     * that writing the bytes again gives the same JSON. A raw (unescaped) U+FFFD stays U+FFFD.
     */
    static byte[] goStringBytes(JsonParser p, byte[] input, String field) throws IOException {
        String s = text(p, field);
        if (s == null) {
            return null;
        }
        if (s.indexOf('\ufffd') < 0) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        long start = p.currentTokenLocation().getByteOffset();
        if (start < 0 || start >= input.length || input[(int) start] != '"') {
            throw new CorruptDataException("cannot locate string of field " + field + " at byte " + start);
        }
        return literalBytes(input, (int) start + 1);
    }

    /** Decodes the JSON string literal whose body starts at {@code i}, mapping escaped U+FFFD to 0xFF. */
    private static byte[] literalBytes(byte[] in, int i) throws CorruptDataException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (i < in.length && in[i] != '"') {
            if (in[i] != '\\') {
                out.write(in[i++]);
                continue;
            }
            if (i + 1 >= in.length) {
                break;
            }
            char e = (char) in[i + 1];
            i += 2;
            switch (e) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> {
                    int cp = hex4(in, i);
                    i += 4;
                    if (Character.isHighSurrogate((char) cp) && i + 6 <= in.length && in[i] == '\\' && in[i + 1] == 'u') {
                        int lo = hex4(in, i + 2);
                        if (Character.isLowSurrogate((char) lo)) {
                            cp = Character.toCodePoint((char) cp, (char) lo);
                            i += 6;
                        }
                    }
                    if (cp == 0xfffd) {
                        out.write(0xff);
                    } else {
                        Utf8.encode(Character.isSurrogate((char) cp) && cp < 0x10000 ? 0xfffd : cp, out);
                    }
                }
                default -> out.write(e);
            }
        }
        if (i >= in.length) {
            throw new CorruptDataException("unterminated JSON string");
        }
        return out.toByteArray();
    }

    private static int hex4(byte[] in, int i) throws CorruptDataException {
        if (i + 4 > in.length) {
            throw new CorruptDataException("truncated \\u escape");
        }
        int v = 0;
        for (int j = i; j < i + 4; j++) {
            int d = Character.digit(in[j], 16);
            if (d < 0) {
                throw new CorruptDataException("bad \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }
}
