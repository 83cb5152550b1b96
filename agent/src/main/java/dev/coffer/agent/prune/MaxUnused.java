package dev.coffer.agent.prune;

import java.util.Locale;

/**
 * restic's {@code --max-unused}: how many unused bytes may stay in the repository after a prune,
 * as a function of the bytes still used. {@code p%} means unused ≤ p/(100−p) × used, i.e. p% of
 * the repository's size after the prune; a size means that many bytes; {@code unlimited} means
 * any amount (only packs that must be repacked are repacked).
 *
 * @param text      the option as given, for messages
 * @param percent   the percentage, or NaN if not a percentage
 * @param bytes     the absolute limit, or -1 if not absolute (Long.MAX_VALUE for unlimited)
 */
public record MaxUnused(String text, double percent, long bytes) {

    /** restic's default, 5%. */
    public static final MaxUnused DEFAULT = parse("5%");

    /**
     * Parses {@code 5%}, {@code 0}, {@code 100M}, {@code unlimited}.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static MaxUnused parse(String option) {
        String s = option == null ? "" : option.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid value for --max-unused: \"" + option
                    + "\"; use a percentage like 5%, a size like 100M, or unlimited");
        }
        if (s.equals("unlimited")) {
            return new MaxUnused(s, Double.NaN, Long.MAX_VALUE);
        }
        if (s.endsWith("%")) {
            double p;
            try {
                p = Double.parseDouble(s.substring(0, s.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid percentage \"" + option + "\" passed for --max-unused;"
                        + " use e.g. 5%");
            }
            if (p < 0 || Double.isNaN(p)) {
                throw new IllegalArgumentException("percentage for --max-unused must be positive, got " + option);
            }
            if (p >= 100) {
                throw new IllegalArgumentException("percentage for --max-unused must be below 100%, got " + option);
            }
            return new MaxUnused(s, p, -1);
        }
        try {
            return new MaxUnused(s, Double.NaN, SizeString.parse(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid number of bytes \"" + option + "\" for --max-unused;"
                    + " use a percentage like 5%, a size like 100M, or unlimited");
        }
    }

    /** True for {@code unlimited}. */
    public boolean unlimited() {
        return bytes == Long.MAX_VALUE && Double.isNaN(percent);
    }

    /**
     * The largest unused size tolerated when {@code used} bytes are in use (restic's float maths);
     * {@link Long#MAX_VALUE} when unlimited.
     */
    public long limit(long used) {
        if (bytes >= 0) {
            return bytes;
        }
        double v = percent / (100 - percent) * (double) used;
        return v >= 0x1p63 ? Long.MAX_VALUE : (long) v;
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT);
    }
}
