package dev.coffer.repo.crypto;

/**
 * scrypt cost parameters as stored in a key file ({@code N}, {@code r}, {@code p}).
 *
 * <p>Valid when {@code N} is a power of two above 1, {@code r, p >= 1} and {@code r·p < 2^30}
 * (restic's rules), and the scrypt memory {@code 128·N·r} is at most 2 GiB, so that a hostile key
 * file cannot make this JVM allocate without bound.
 *
 * @param n CPU/memory cost, a power of two
 * @param r block size
 * @param p parallelism
 */
public record ScryptParams(int n, int r, int p) {
    /**
     * N=32768, r=8, p=1: restic's default N; p=1 because a derivation already takes about
     * 0.1–0.5 s here (see the crypto notes), and restic accepts any valid p.
     */
    public static final ScryptParams DEFAULT = new ScryptParams(32768, 8, 1);

    private static final long MAX_MEMORY = 2L << 30;

    public ScryptParams {
        if (n <= 1 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("scrypt N must be a power of two above 1, got " + n);
        }
        if (r < 1 || p < 1) {
            throw new IllegalArgumentException("scrypt r and p must be at least 1, got r=" + r + " p=" + p);
        }
        if ((long) r * p >= 1L << 30) {
            throw new IllegalArgumentException("scrypt r*p must be below 2^30, got r=" + r + " p=" + p);
        }
        if (128L * n * r > MAX_MEMORY) {
            throw new IllegalArgumentException("scrypt N=" + n + " r=" + r + " needs more than 2 GiB");
        }
    }

    /** The memory one derivation needs, {@code 128·N·r} bytes. */
    public long memoryBytes() {
        return 128L * n * r;
    }
}
