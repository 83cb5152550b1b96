package dev.coffer.repo.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte identifier: the SHA-256 of a blob's plaintext or of a stored file's bytes.
 * Immutable; {@link #equals} and {@link #hashCode} compare the bytes.
 */
public final class Id implements Comparable<Id> {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final int hash;

    private Id(byte[] bytes) {
        this.bytes = bytes;
        this.hash = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    /** Copies the 32 given bytes. */
    public static Id of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("id must be 32 bytes, got " + bytes.length);
        }
        return new Id(bytes.clone());
    }

    /** Copies 32 bytes starting at {@code offset}. */
    public static Id of(byte[] bytes, int offset) {
        return new Id(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    /** Parses 64 hex characters (either case). */
    public static Id parse(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("not a 64-character hex id: " + hex);
        }
        try {
            return new Id(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a 64-character hex id: " + hex, e);
        }
    }

    /** True if {@code s} is 64 hex characters, i.e. {@link #parse} would accept it. */
    public static boolean isId(String s) {
        if (s == null || s.length() != 2 * LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the given bytes. */
    public static Id hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** SHA-256 of a byte range. */
    public static Id hash(byte[] data, int offset, int length) {
        MessageDigest md = sha256();
        md.update(data, offset, length);
        return new Id(md.digest());
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /** Wraps a finished digest's output. */
    public static Id fromDigest(MessageDigest md) {
        return new Id(md.digest());
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, LENGTH);
    }

    /** The byte at index i (0..31). */
    public byte byteAt(int i) {
        return bytes[i];
    }

    /** 64 lowercase hex characters. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** The first 8 hex characters, as restic shows ids. */
    public String shortHex() {
        return HEX.formatHex(bytes, 0, 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Id other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Id o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
