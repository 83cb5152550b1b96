package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The repository config (§3): {@code {"version":2,"id":"…","chunker_polynomial":"<hex>"}}, compact,
 * no trailing newline. The polynomial is written as lowercase hex without leading zeros, as Go's
 * {@code %x}. Only versions 1 and 2 exist.
 */
public record ConfigFile(int version, String id, long chunkerPolynomial) {
    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 2;

    public ConfigFile {
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new IllegalArgumentException("unsupported repository version " + version);
        }
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("repository id must not be empty");
        }
        if (chunkerPolynomial == 0) {
            throw new IllegalArgumentException("chunker polynomial must not be zero");
        }
    }

    /** A new config with a random 32-byte id (as restic makes it) for a chosen polynomial. */
    public static ConfigFile create(int version, long chunkerPolynomial, SecureRandom random) {
        byte[] id = new byte[Id.LENGTH];
        random.nextBytes(id);
        return new ConfigFile(version, HexFormat.of().formatHex(id), chunkerPolynomial);
    }

    public byte[] encode() {
        return new GoJsonWriter(160).beginObject()
                .name("version").value(version)
                .name("id").value(id)
                .name("chunker_polynomial").value(Long.toHexString(chunkerPolynomial))
                .endObject().toByteArray();
    }

    /**
     * Decodes and validates a config.
     *
     * @throws CorruptDataException if it does not parse, the version is not 1 or 2 (upgrade Coffer
     *     for newer ones), or the id or polynomial is missing
     */
    public static ConfigFile decode(byte[] json) throws CorruptDataException {
        try (JsonParser p = JsonRead.parser(json)) {
            p.nextToken();
            JsonRead.expect(p, JsonToken.START_OBJECT, "config");
            long version = 0;
            String id = null;
            String polynomial = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "version" -> version = JsonRead.unsigned(p, f, -1);
                    case "id" -> id = JsonRead.text(p, f);
                    case "chunker_polynomial" -> polynomial = JsonRead.text(p, f);
                    default -> p.skipChildren();
                }
            }
            JsonRead.expect(p, JsonToken.END_OBJECT, "config");
            JsonRead.expectEnd(p, "config");
            if (version < MIN_VERSION || version > MAX_VERSION) {
                throw new CorruptDataException("unsupported repository version " + version
                        + ": this Coffer reads versions 1 and 2; use a newer Coffer");
            }
            if (id == null || id.isEmpty() || polynomial == null || polynomial.isEmpty()) {
                throw new CorruptDataException("config lacks its id or chunker polynomial");
            }
            return new ConfigFile((int) version, id, parsePolynomial(polynomial));
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw JsonRead.corrupt("malformed config", e);
        }
    }

    private static long parsePolynomial(String hex) throws CorruptDataException {
        try {
            if (hex.length() > 16 || hex.startsWith("+") || hex.startsWith("-")) {
                throw new NumberFormatException("not a uint64: " + hex);
            }
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw JsonRead.corrupt("chunker polynomial", e);
        }
    }
}
