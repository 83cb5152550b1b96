package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

class Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8439 section 2.5.2 test vector (plain Poly1305, key = r ‖ s). */
    @Test
    void rfc8439Vector() {
        byte[] key = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] msg = "Cryptographic Forum Research Group".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tag = new byte[16];
        new dev.coffer.repo.crypto.Poly1305(key, 0).tag(msg, 0, msg.length, key, 16, tag, 0, new byte[16], new long[5]);
        assertEquals("a8061dc1305136c6c22b8baf0c0127a9", HEX.formatHex(tag));
    }

    /** Our Poly1305-AES equals Bouncy Castle's on random keys, nonces and lengths (incl. edge values). */
    @Test
    void matchesBouncyCastle() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 400; trial++) {
            byte[] enc = new byte[32];
            byte[] k = new byte[16];
            byte[] r = new byte[16];
            byte[] nonce = new byte[16];
            rnd.nextBytes(enc);
            rnd.nextBytes(k);
            rnd.nextBytes(r);
            rnd.nextBytes(nonce);
            int len = trial < 100 ? trial : rnd.nextInt(5000);
            byte[] msg = new byte[len];
            if (trial % 3 == 0) {
                java.util.Arrays.fill(msg, (byte) 0xff); // drives the accumulator near p
                java.util.Arrays.fill(r, (byte) 0xff);
            } else {
                rnd.nextBytes(msg);
            }
            byte[] ours = new byte[16];
            CryptoKey.of(enc, k, r).mac(nonce, msg, ours);

            Poly1305 bc = new Poly1305(AESEngine.newInstance());
            byte[] rk = new byte[32];
            System.arraycopy(r, 0, rk, 0, 16);
            System.arraycopy(k, 0, rk, 16, 16);
            bc.init(new ParametersWithIV(new KeyParameter(rk), nonce));
            bc.update(msg, 0, msg.length);
            byte[] theirs = new byte[16];
            bc.doFinal(theirs, 0);
            assertEquals(HEX.formatHex(theirs), HEX.formatHex(ours), "trial " + trial + " length " + len);
        }
    }
}
