package dev.coffer.repo.repository;

/**
 * restic's target pack size ({@code --pack-size}, {@code RESTIC_PACK_SIZE}): a whole number of
 * MiB from 4 to 128; 0 or nothing means the default of 16 MiB. Packs end at the first blob that
 * would pass the target, so a pack holding one large blob can be larger.
 */
public final class PackSize {
    public static final int MIN_MIB = 4;
    public static final int MAX_MIB = 128;
    /** restic's default target, in bytes. */
    public static final int DEFAULT = 16 << 20;

    private PackSize() {
    }

    /** The target in bytes for {@code mib} MiB; outside 4 to 128 (0 aside) it says so, in restic's words. */
    public static int ofMiB(long mib) {
        if (mib == 0) {
            return DEFAULT;
        }
        if (mib < 0) {
            throw new IllegalArgumentException("pack size must be a whole number of MiB from " + MIN_MIB + " to " + MAX_MIB + ", got " + mib);
        }
        if (mib < MIN_MIB) {
            throw new IllegalArgumentException("pack size smaller than minimum of " + MIN_MIB + " MiB");
        }
        if (mib > MAX_MIB) {
            throw new IllegalArgumentException("pack size larger than limit of " + MAX_MIB + " MiB");
        }
        return (int) mib << 20;
    }

    /** Parses a setting such as RESTIC_PACK_SIZE: null or blank means the default. */
    public static int parse(String mib) {
        if (mib == null || mib.isBlank()) {
            return DEFAULT;
        }
        long v;
        try {
            v = Long.parseLong(mib.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pack size must be a whole number of MiB from " + MIN_MIB + " to " + MAX_MIB
                    + ", got '" + mib.strip() + "'");
        }
        return ofMiB(v);
    }
}
