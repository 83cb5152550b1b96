package dev.coffer.repo.crypto;

import dev.coffer.repo.model.CorruptDataException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A restic key: 32 bytes for AES-256-CTR and 16 + 16 bytes for Poly1305-AES ({@code k}, {@code r}).
 * Used both for the repository's master key and for a user key derived from a password.
 *
 * <p>A sealed object is {@code IV(16) ‖ CT ‖ MAC(16)}: the plaintext encrypted with AES-256-CTR
 * starting at the IV as a 128-bit big-endian counter, and the Poly1305 tag of the ciphertext only,
 * with one-time key ({@code r} clamped, {@code s = AES-128(k, IV)}). A fresh random IV is drawn
 * for every seal.
 *
 * <p>Thread-safe: each thread gets its own cipher instances, cached by this key. After
 * {@link #destroy()} every use throws {@link IllegalStateException}.
 */
public final class CryptoKey {
    /** Bytes added by {@link #seal}: the IV and the MAC. */
    public static final int OVERHEAD = 32;
    private static final int CTR_SLICE = 4 * 1024;
    /** Bytes of the nonce in front of the ciphertext. */
    public static final int IV_SIZE = 16;
    static final int MAC_SIZE = 16;
    static final int ENCRYPT_SIZE = 32;
    static final int MAC_KEY_SIZE = 16;

    private final byte[] encrypt;
    private final byte[] macK;
    private final byte[] macR;
    private final Poly1305 poly;
    private final SecureRandom random;
    private final ThreadLocal<Engines> engines = ThreadLocal.withInitial(this::newEngines);
    private volatile boolean destroyed;

    /**
     * Copies the key parts. Rejects wrong lengths and parts that are all zero.
     *
     * @param random the source of IVs; shared, so it must be thread-safe (SecureRandom is)
     */
    public CryptoKey(byte[] encrypt, byte[] macK, byte[] macR, SecureRandom random) {
        this.encrypt = checkPart("encrypt", encrypt, ENCRYPT_SIZE);
        this.macK = checkPart("mac.k", macK, MAC_KEY_SIZE);
        this.macR = checkPart("mac.r", macR, MAC_KEY_SIZE);
        this.random = Objects.requireNonNull(random, "random");
        this.poly = new Poly1305(this.macR, 0);
    }

    /** As the constructor, with a default {@link SecureRandom}. */
    public static CryptoKey of(byte[] encrypt, byte[] macK, byte[] macR) {
        return new CryptoKey(encrypt, macK, macR, new SecureRandom());
    }

    /** A new random master key; {@code r} is stored raw (clamped only at use), as restic does now. */
    public static CryptoKey random(SecureRandom random) {
        byte[] enc = new byte[ENCRYPT_SIZE];
        byte[] k = new byte[MAC_KEY_SIZE];
        byte[] r = new byte[MAC_KEY_SIZE];
        random.nextBytes(enc);
        random.nextBytes(k);
        random.nextBytes(r);
        try {
            return new CryptoKey(enc, k, r, random);
        } finally {
            wipe(enc, k, r);
        }
    }

    /** The master key JSON restic stores inside a key file: {@code {"mac":{"k":…,"r":…},"encrypt":…}}. */
    public byte[] toJson() {
        return MasterKeyJson.encode(encrypt(), macK(), macR());
    }

    /** Parses master key JSON, with a default {@link SecureRandom}. */
    public static CryptoKey fromJson(byte[] json) throws CorruptDataException {
        return fromJson(json, new SecureRandom());
    }

    /** Parses master key JSON. */
    public static CryptoKey fromJson(byte[] json, SecureRandom random) throws CorruptDataException {
        return MasterKeyJson.decode(json, random);
    }

    /**
     * Encrypts {@code plain[off, off+len)} and writes {@code IV ‖ CT ‖ MAC} ({@code len + OVERHEAD}
     * bytes) into {@code out} at {@code outOff}. Input and output may be the same array; where they
     * overlap (and {@code len} exceeds 4 KiB) the ciphertext, at {@code outOff + 16}, must not
     * start after the plaintext.
     *
     * @return the number of bytes written, {@code len + OVERHEAD}
     */
    public int seal(byte[] plain, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, plain.length);
        Objects.checkFromIndexSize(outOff, len + OVERHEAD, out.length);
        Engines e = engines();
        byte[] iv = e.iv;
        do {
            random.nextBytes(iv);
        } while (isZero(iv, 0, IV_SIZE));
        try {
            e.ctr.init(Cipher.ENCRYPT_MODE, e.encKey, new IvParameterSpec(iv));
            int ct = ctr(e, plain, off, len, out, outOff + IV_SIZE);
            if (ct != len) {
                throw new IllegalStateException("AES-CTR wrote " + ct + " bytes for " + len);
            }
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CTR failed", ex);
        }
        System.arraycopy(iv, 0, out, outOff, IV_SIZE);
        e.mac(poly, iv, 0, out, outOff + IV_SIZE, len, out, outOff + IV_SIZE + len);
        return len + OVERHEAD;
    }

    /** Receives a sealed object in order, in parts that are only valid during the call. */
    public interface SealedSink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Seals {@code plain[off, off+len)} exactly as {@link #seal(byte[], int, int, byte[], int)}
     * does, but hands {@code IV ‖ CT ‖ MAC} to {@code sink} in parts built in {@code slice} (whose
     * length, rounded down to a multiple of 16, is the part size; at least 16 bytes), so that no
     * array of the sealed object's size is needed.
     *
     * @return the number of bytes handed to the sink, {@code len + OVERHEAD}
     */
    public int sealTo(byte[] plain, int off, int len, byte[] slice, SealedSink sink) throws IOException {
        Objects.checkFromIndexSize(off, len, plain.length);
        int step = slice.length & ~15;
        if (step < 16) {
            throw new IllegalArgumentException("slice must hold at least 16 bytes, got " + slice.length);
        }
        Engines e = engines();
        byte[] iv = e.iv;
        do {
            random.nextBytes(iv);
        } while (isZero(iv, 0, IV_SIZE));
        long[] h = e.acc;
        h[0] = h[1] = h[2] = 0;
        try {
            e.ctr.init(Cipher.ENCRYPT_MODE, e.encKey, new IvParameterSpec(iv));
            e.ecb.doFinal(iv, 0, IV_SIZE, e.s, 0);
            sink.write(iv, 0, IV_SIZE);
            int done = 0;
            while (true) {
                int n = Math.min(step, len - done);
                boolean last = done + n == len;
                int ct = ctrPart(e.ctr, plain, off + done, n, slice, last);
                if (ct != n) {
                    throw new IllegalStateException("AES-CTR wrote " + ct + " bytes for " + n);
                }
                int full = last ? n & ~15 : n;
                poly.update(slice, 0, full, h);
                if (last) {
                    poly.last(slice, full, n - full, e.s, 0, e.tag, 0, e.pad, h);
                }
                sink.write(slice, 0, n);
                if (last) {
                    break;
                }
                done += n;
            }
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CTR failed", ex);
        }
        sink.write(e.tag, 0, MAC_SIZE);
        return len + OVERHEAD;
    }

    /** One part of a CTR run into {@code out[0..)}: in slices as {@link #ctr}, finishing the run only if {@code last}. */
    private static int ctrPart(Cipher c, byte[] in, int off, int len, byte[] out, boolean last) throws GeneralSecurityException {
        int done = 0;
        while (len - done > CTR_SLICE) {
            done += c.update(in, off + done, CTR_SLICE, out, done);
        }
        return done + (last ? c.doFinal(in, off + done, len - done, out, done) : c.update(in, off + done, len - done, out, done));
    }

    /** Seals the whole array into a new one. */
    public byte[] seal(byte[] plain) {
        byte[] out = new byte[plain.length + OVERHEAD];
        seal(plain, 0, plain.length, out, 0);
        return out;
    }

    /** Verifies and decrypts {@code sealed[off, off+len)} into a new array. */
    public byte[] open(byte[] sealed, int off, int len) throws CorruptDataException {
        if (len < OVERHEAD) {
            throw new CorruptDataException("encrypted object too short: " + len + " bytes, need at least " + OVERHEAD);
        }
        byte[] out = new byte[len - OVERHEAD];
        open(sealed, off, len, out, 0);
        return out;
    }

    /** Verifies and decrypts a whole array. */
    public byte[] open(byte[] sealed) throws CorruptDataException {
        return open(sealed, 0, sealed.length);
    }

    /**
     * Verifies the MAC of {@code sealed[off, off+len)} (in constant time) and, only if it matches,
     * writes the {@code len - OVERHEAD} plaintext bytes into {@code out} at {@code outOff}.
     * Input and output may be the same array; where they overlap (and the ciphertext exceeds 4 KiB)
     * the plaintext must not start after the ciphertext ({@code off + 16}).
     *
     * @return the plaintext length
     * @throws CorruptDataException if the input is too short, its nonce is all zero or its MAC
     *                              does not match
     */
    public int open(byte[] sealed, int off, int len, byte[] out, int outOff) throws CorruptDataException {
        Objects.checkFromIndexSize(off, len, sealed.length);
        if (len < OVERHEAD) {
            throw new CorruptDataException("encrypted object too short: " + len + " bytes, need at least " + OVERHEAD);
        }
        int ctLen = len - OVERHEAD;
        Objects.checkFromIndexSize(outOff, ctLen, out.length);
        if (isZero(sealed, off, IV_SIZE)) {
            throw new CorruptDataException("encrypted object has an all-zero nonce");
        }
        Engines e = engines();
        int ctOff = off + IV_SIZE;
        e.mac(poly, sealed, off, sealed, ctOff, ctLen, e.tag, 0);
        int diff = 0;
        for (int i = 0; i < MAC_SIZE; i++) {
            diff |= e.tag[i] ^ sealed[ctOff + ctLen + i];
        }
        if (diff != 0) {
            throw new CorruptDataException("ciphertext verification failed (MAC mismatch)");
        }
        try {
            e.ctr.init(Cipher.ENCRYPT_MODE, e.encKey, new IvParameterSpec(sealed, off, IV_SIZE));
            return ctr(e, sealed, ctOff, ctLen, out, outOff);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CTR failed", ex);
        }
    }

    /**
     * Runs the initialised CTR cipher over {@code len} bytes in slices. HotSpot replaces the JDK's
     * CTR loop with an AES-NI routine only once that method is compiled normally; called once per
     * megabyte-sized blob it would only ever be compiled on-stack, without the intrinsic, and run
     * about 30 times slower.
     *
     * <p>When input and output share an array the JDK's cipher copies every slice into a fresh
     * array first (hundreds of MiB of garbage per GiB sealed or opened in place), so here each
     * slice is staged in the thread's own {@code slice} array instead. As with the JDK's
     * copy, an output that overlaps its input must not start after it (same offset or earlier:
     * how {@code BlobUploader} seals and the restorer opens).
     */
    private static int ctr(Engines e, byte[] in, int off, int len, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher c = e.ctr;
        boolean staged = in == out;
        int done = 0;
        while (len - done > CTR_SLICE) {
            if (staged) {
                System.arraycopy(in, off + done, e.slice, 0, CTR_SLICE);
                done += c.update(e.slice, 0, CTR_SLICE, out, outOff + done);
            } else {
                done += c.update(in, off + done, CTR_SLICE, out, outOff + done);
            }
        }
        if (staged) {
            System.arraycopy(in, off + done, e.slice, 0, len - done);
            return done + c.doFinal(e.slice, 0, len - done, out, outOff + done);
        }
        return done + c.doFinal(in, off + done, len - done, out, outOff + done);
    }

    /** Zeroes the key bytes; afterwards this key can no longer be used. */
    public void destroy() {
        destroyed = true;
        wipe(encrypt, macK, macR);
        engines.remove();
    }

    byte[] encrypt() {
        checkAlive();
        return encrypt.clone();
    }

    byte[] macK() {
        checkAlive();
        return macK.clone();
    }

    byte[] macR() {
        checkAlive();
        return macR.clone();
    }

    /** Writes the Poly1305-AES tag of {@code msg} under this key and {@code nonce} (for tests). */
    void mac(byte[] nonce, byte[] msg, byte[] out) {
        engines().mac(poly, nonce, 0, msg, 0, msg.length, out, 0);
    }

    @Override
    public String toString() {
        return "CryptoKey[" + (destroyed ? "destroyed" : "****") + "]";
    }

    private Engines engines() {
        checkAlive();
        return engines.get();
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("key was destroyed");
        }
    }

    private Engines newEngines() {
        checkAlive();
        return new Engines(encrypt, macK);
    }

    static boolean isZero(byte[] b, int off, int len) {
        int acc = 0;
        for (int i = 0; i < len; i++) {
            acc |= b[off + i];
        }
        return acc == 0;
    }

    static void wipe(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    private static byte[] checkPart(String name, byte[] part, int size) {
        Objects.requireNonNull(part, name);
        if (part.length != size) {
            throw new IllegalArgumentException("key part " + name + " must be " + size + " bytes, got " + part.length);
        }
        if (isZero(part, 0, size)) {
            throw new IllegalArgumentException("key part " + name + " is all zero");
        }
        return part.clone();
    }

    /** One thread's ciphers and scratch buffers for one key. */
    private static final class Engines {
        final Cipher ctr;
        final Cipher ecb;
        final SecretKeySpec encKey;
        final byte[] iv = new byte[IV_SIZE];
        final byte[] s = new byte[16];
        final byte[] tag = new byte[MAC_SIZE];
        final byte[] pad = new byte[16];
        final long[] acc = new long[5];
        /** Stages one CTR slice when a cipher runs in place (see {@link CryptoKey#ctr}). */
        final byte[] slice = new byte[CTR_SLICE];

        Engines(byte[] encrypt, byte[] macK) {
            try {
                encKey = new SecretKeySpec(encrypt, "AES");
                ctr = Cipher.getInstance("AES/CTR/NoPadding");
                ecb = Cipher.getInstance("AES/ECB/NoPadding");
                ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(macK, "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM lacks AES/CTR or AES/ECB", e);
            }
        }

        /** Poly1305-AES: s = AES-128(k, nonce), then Poly1305 with (r, s). */
        void mac(Poly1305 poly, byte[] nonce, int nonceOff, byte[] msg, int off, int len, byte[] out, int outOff) {
            try {
                ecb.doFinal(nonce, nonceOff, IV_SIZE, s, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-128 failed", e);
            }
            poly.tag(msg, off, len, s, 0, out, outOff, pad, acc);
        }
    }
}
