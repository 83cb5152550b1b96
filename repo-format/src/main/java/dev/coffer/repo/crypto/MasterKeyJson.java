package dev.coffer.repo.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.model.CorruptDataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key's JSON form, {@code {"mac":{"k":"<b64>","r":"<b64>"},"encrypt":"<b64>"}}, byte
 * for byte as Go's {@code json.Marshal} writes it (standard base64 with padding).
 */
final class MasterKeyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MasterKeyJson() {
    }

    /** Encodes the parts, then zeroes the given arrays (pass copies). */
    static byte[] encode(byte[] encrypt, byte[] macK, byte[] macR) {
        Base64.Encoder b64 = Base64.getEncoder();
        String json = "{\"mac\":{\"k\":\"" + b64.encodeToString(macK)
                + "\",\"r\":\"" + b64.encodeToString(macR)
                + "\"},\"encrypt\":\"" + b64.encodeToString(encrypt) + "\"}";
        CryptoKey.wipe(encrypt, macK, macR);
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    static CryptoKey decode(byte[] json, SecureRandom random) throws CorruptDataException {
        byte[] enc = null;
        byte[] k = null;
        byte[] r = null;
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new CorruptDataException("master key is not a JSON object");
            }
            JsonNode mac = root.path("mac");
            enc = base64(root, "encrypt");
            k = base64(mac, "k");
            r = base64(mac, "r");
            return new CryptoKey(enc, k, r, random);
        } catch (IOException e) {
            throw e instanceof CorruptDataException c ? c
                    : new CorruptDataException("master key is not valid JSON", e);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("master key is invalid: " + e.getMessage(), e);
        } finally {
            CryptoKey.wipe(enc, k, r);
        }
    }

    private static byte[] base64(JsonNode parent, String field) throws CorruptDataException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new CorruptDataException("master key lacks the string field " + field);
        }
        return Base64.getDecoder().decode(node.textValue());
    }
}
