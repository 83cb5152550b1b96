package dev.coffer.repo.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.model.CorruptDataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A key file, {@code keys/<id>}: plain JSON holding the master key sealed under a user key that
 * scrypt derives from a password. The file's id is the SHA-256 of {@link #toJson()}'s bytes.
 *
 * @param created  RFC 3339 time with nanoseconds, kept verbatim
 * @param username informational
 * @param hostname informational
 * @param kdf      always {@code "scrypt"}
 * @param salt     64 bytes (copied in and out)
 * @param data     the sealed master key JSON, {@code IV ‖ CT ‖ MAC} (copied in and out)
 */
public record KeyFile(String created, String username, String hostname, String kdf,
                      int n, int r, int p, byte[] salt, byte[] data) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public KeyFile {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hostname, "hostname");
        if (!"scrypt".equals(kdf)) {
            throw new IllegalArgumentException("key file kdf must be \"scrypt\", got " + kdf);
        }
        new ScryptParams(n, r, p);
        if (salt.length != Kdf.SALT_SIZE) {
            throw new IllegalArgumentException("key file salt must be " + Kdf.SALT_SIZE + " bytes, got " + salt.length);
        }
        if (data.length < CryptoKey.OVERHEAD) {
            throw new IllegalArgumentException("key file data too short: " + data.length + " bytes");
        }
        salt = salt.clone();
        data = data.clone();
    }

    /**
     * A new key file for {@code master}, openable with {@code password}: a fresh 64-byte salt,
     * {@code created} = now in UTC. The password's bytes are wiped after use.
     */
    public static KeyFile create(char[] password, CryptoKey master, ScryptParams params, SecureRandom rnd,
                                 Clock clock, String username, String hostname) {
        byte[] salt = new byte[Kdf.SALT_SIZE];
        rnd.nextBytes(salt);
        CryptoKey user = Kdf.deriveUserKey(password, salt, params, rnd);
        byte[] json = master.toJson();
        try {
            byte[] data = user.seal(json);
            String created = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return new KeyFile(created, username, hostname, "scrypt", params.n(), params.r(), params.p(), salt, data);
        } finally {
            CryptoKey.wipe(json);
            user.destroy();
        }
    }

    /** Opens the master key with a default {@link SecureRandom} for its future IVs. */
    public CryptoKey open(char[] password) throws WrongPasswordException, CorruptDataException {
        return open(password, new SecureRandom());
    }

    /**
     * Derives the user key from {@code password} and opens the master key.
     *
     * @throws WrongPasswordException if the MAC does not verify, i.e. the password is wrong
     * @throws CorruptDataException   if the MAC verifies but the content is not a master key
     */
    public CryptoKey open(char[] password, SecureRandom random) throws WrongPasswordException, CorruptDataException {
        CryptoKey user;
        try {
            user = Kdf.deriveUserKey(password, salt, params(), random);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("key file cannot be used: " + e.getMessage(), e);
        }
        byte[] plain = null;
        try {
            plain = user.open(data);
            return CryptoKey.fromJson(plain, random);
        } catch (CorruptDataException e) {
            if (plain == null) {
                throw new WrongPasswordException(
                        "wrong password: it does not open this key; check the repository password and try again", e);
            }
            throw e;
        } finally {
            CryptoKey.wipe(plain);
            user.destroy();
        }
    }

    /** The scrypt parameters. */
    public ScryptParams params() {
        return new ScryptParams(n, r, p);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Compact JSON in Go's field order and escaping, no trailing newline. */
    public byte[] toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder sb = new StringBuilder(256 + data.length * 4 / 3);
        GoJson.quote(sb.append("{\"created\":"), created);
        GoJson.quote(sb.append(",\"username\":"), username);
        GoJson.quote(sb.append(",\"hostname\":"), hostname);
        GoJson.quote(sb.append(",\"kdf\":"), kdf);
        sb.append(",\"N\":").append(n).append(",\"r\":").append(r).append(",\"p\":").append(p);
        sb.append(",\"salt\":\"").append(b64.encodeToString(salt));
        sb.append("\",\"data\":\"").append(b64.encodeToString(data)).append("\"}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a key file; unknown fields are ignored, missing informational fields become "". */
    public static KeyFile parse(byte[] json) throws CorruptDataException {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new CorruptDataException("key file is not a JSON object");
            }
            return new KeyFile(text(root, "created", false), text(root, "username", false),
                    text(root, "hostname", false), text(root, "kdf", true),
                    integer(root, "N"), integer(root, "r"), integer(root, "p"),
                    Base64.getDecoder().decode(text(root, "salt", true)),
                    Base64.getDecoder().decode(text(root, "data", true)));
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptDataException("key file is not valid JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("key file is invalid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field, boolean required) throws CorruptDataException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new CorruptDataException("key file lacks the field " + field);
            }
            return "";
        }
        if (!node.isTextual()) {
            throw new CorruptDataException("key file field " + field + " is not a string: " + node);
        }
        return node.textValue();
    }

    private static int integer(JsonNode root, String field) throws CorruptDataException {
        JsonNode node = root.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new CorruptDataException("key file field " + field + " is not an int: " + node);
        }
        return node.intValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFile k && created.equals(k.created) && username.equals(k.username)
                && hostname.equals(k.hostname) && kdf.equals(k.kdf) && n == k.n && r == k.r && p == k.p
                && Arrays.equals(salt, k.salt) && Arrays.equals(data, k.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, username, hostname, kdf, n, r, p, Arrays.hashCode(salt), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "KeyFile[created=" + created + ", username=" + username + ", hostname=" + hostname
                + ", kdf=" + kdf + ", N=" + n + ", r=" + r + ", p=" + p + ", data=" + data.length + " bytes]";
    }
}
