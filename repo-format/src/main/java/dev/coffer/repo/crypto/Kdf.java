package dev.coffer.repo.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The user key from a password: {@code scrypt(UTF-8(password), salt, N, r, p, 64)} split into
 * encrypt {@code [0,32)}, MAC k {@code [32,48)} and MAC r {@code [48,64)}.
 */
final class Kdf {
    static final int SALT_SIZE = 64;
    private static final int KEY_SIZE = 64;

    private Kdf() {
    }

    /** Derives the user key; the password's UTF-8 bytes and the raw scrypt output are wiped. */
    static CryptoKey deriveUserKey(char[] password, byte[] salt, ScryptParams params, SecureRandom random) {
        if (salt.length != SALT_SIZE) {
            throw new IllegalArgumentException("scrypt salt must be " + SALT_SIZE + " bytes, got " + salt.length);
        }
        byte[] pw = utf8(password);
        byte[] dk = null;
        try {
            dk = SCrypt.generate(pw, salt, params.n(), params.r(), params.p(), KEY_SIZE);
            return new CryptoKey(Arrays.copyOfRange(dk, 0, 32), Arrays.copyOfRange(dk, 32, 48),
                    Arrays.copyOfRange(dk, 48, 64), random);
        } finally {
            CryptoKey.wipe(pw, dk);
        }
    }

    /** The password as UTF-8 bytes; the encoder's intermediate buffer is wiped. */
    static byte[] utf8(char[] password) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf;
        try {
            buf = enc.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("password is not valid Unicode (unpaired surrogate)");
        }
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }
}
