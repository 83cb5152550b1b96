package dev.coffer.agent.forget;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Test-only speed-up: replaces the single key file of a fresh local repository with one that
 * holds the same master key under scrypt N=1024, so each restic process spends about a
 * millisecond instead of ~100 ms deriving the key. restic accepts any valid scrypt parameters.
 */
final class CheapKdfKey {

    private static final int CHEAP_N = 1024;

    private CheapKdfKey() {
    }

    static void install(Path repo, String password) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path keys = repo.resolve("keys");
        Path old;
        try (var files = Files.list(keys)) {
            old = files.findFirst().orElseThrow();
        }
        ObjectNode key = (ObjectNode) json.readTree(Files.readAllBytes(old));
        byte[] user = SCrypt.generate(password.getBytes("UTF-8"), Base64.getDecoder().decode(key.get("salt").asText()),
                key.get("N").asInt(), key.get("r").asInt(), key.get("p").asInt(), 64);
        byte[] master = open(user, Base64.getDecoder().decode(key.get("data").asText()));

        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[64];
        random.nextBytes(salt);
        byte[] cheap = SCrypt.generate(password.getBytes("UTF-8"), salt, CHEAP_N, 8, 1, 64);
        key.put("N", CHEAP_N).put("r", 8).put("p", 1);
        key.put("salt", Base64.getEncoder().encodeToString(salt));
        key.put("data", Base64.getEncoder().encodeToString(seal(cheap, master, random)));
        byte[] bytes = json.writeValueAsBytes(key);
        String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Files.write(keys.resolve(name), bytes);
        Files.delete(old);
    }

    private static byte[] open(byte[] userKey, byte[] sealed) throws Exception {
        byte[] iv = Arrays.copyOfRange(sealed, 0, 16);
        byte[] ct = Arrays.copyOfRange(sealed, 16, sealed.length - 16);
        byte[] mac = Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);
        if (!MessageDigest.isEqual(mac, mac(userKey, iv, ct))) {
            throw new IllegalStateException("wrong password for the key file");
        }
        return ctr(userKey, iv, ct);
    }

    private static byte[] seal(byte[] userKey, byte[] plain, SecureRandom random) throws Exception {
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        byte[] ct = ctr(userKey, iv, plain);
        byte[] out = new byte[16 + ct.length + 16];
        System.arraycopy(iv, 0, out, 0, 16);
        System.arraycopy(ct, 0, out, 16, ct.length);
        System.arraycopy(mac(userKey, iv, ct), 0, out, 16 + ct.length, 16);
        return out;
    }

    private static byte[] ctr(byte[] userKey, byte[] iv, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(userKey, 0, 32, "AES"), new IvParameterSpec(iv));
        return c.doFinal(data);
    }

    /** Poly1305-AES: bytes 32..47 of the derived key are the AES key k, 48..63 are r. */
    private static byte[] mac(byte[] userKey, byte[] nonce, byte[] ct) {
        byte[] rk = new byte[32];
        System.arraycopy(userKey, 48, rk, 0, 16);
        System.arraycopy(userKey, 32, rk, 16, 16);
        Poly1305 poly = new Poly1305(AESEngine.newInstance());
        poly.init(new ParametersWithIV(new KeyParameter(rk), nonce));
        poly.update(ct, 0, ct.length);
        byte[] out = new byte[16];
        poly.doFinal(out, 0);
        return out;
    }
}
