package dev.coffer.repo.pack;

import dev.coffer.repo.crypto.CryptoKey;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The fixed master key the pack fuzz target and its seed generator share (not a secret). */
final class FuzzKey {
    private FuzzKey() {
    }

    static CryptoKey create() {
        byte[] enc = new byte[32];
        byte[] k = new byte[16];
        byte[] r = new byte[16];
        for (int i = 0; i < 32; i++) {
            enc[i] = (byte) (i * 7 + 1);
        }
        for (int i = 0; i < 16; i++) {
            k[i] = (byte) (i * 11 + 3);
            r[i] = (byte) (i * 13 + 5);
        }
        try {
            SecureRandom ivs = SecureRandom.getInstance("SHA1PRNG");
            ivs.setSeed(9L);
            return new CryptoKey(enc, k, r, ivs);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
