package dev.coffer.agent.check;

import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.model.Id;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * restic's {@code --read-data-subset}: {@code n/t} reads the packs whose id falls in group n of t
 * (by the first byte of the id, so successive runs cover everything); {@code x%} reads a random
 * share; {@code SIZE} (with K/M/G/T suffix) reads random packs up to about that many bytes.
 */
public final class ReadDataSubset {
    private ReadDataSubset() {
    }

    /** Parses the subset; {@code totalPacks} and {@code averagePackSize} size the random selections. */
    public static Predicate<Id> parse(String spec, java.util.Random random, long totalPacks, long averagePackSize)
            throws UsageException {
        String s = spec.trim();
        try {
            if (s.contains("/")) {
                String[] parts = s.split("/");
                int n = Integer.parseInt(parts[0]);
                int t = Integer.parseInt(parts[1]);
                if (parts.length != 2 || t < 1 || n < 1 || n > t) {
                    throw new NumberFormatException();
                }
                return id -> (id.byteAt(0) & 0xff) % t == n - 1;
            }
            if (s.endsWith("%")) {
                double pct = Double.parseDouble(s.substring(0, s.length() - 1));
                if (pct <= 0 || pct > 100) {
                    throw new NumberFormatException();
                }
                return id -> random.nextDouble() * 100 < pct;
            }
            long bytes = parseSize(s);
            double share = averagePackSize <= 0 || totalPacks == 0 ? 1 : Math.min(1.0, bytes / (double) (averagePackSize * totalPacks));
            return id -> random.nextDouble() < share;
        } catch (RuntimeException e) {
            throw new UsageException("invalid --read-data-subset '" + spec + "': use n/t (e.g. 1/5), a percentage (e.g. 10%) or a size (e.g. 500M)");
        }
    }

    static long parseSize(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        long mul = 1;
        char last = u.charAt(u.length() - 1);
        if ("KMGT".indexOf(last) >= 0) {
            mul = 1L << (10 * ("KMGT".indexOf(last) + 1));
            u = u.substring(0, u.length() - 1);
        }
        long v = Long.parseLong(u);
        if (v <= 0) {
            throw new NumberFormatException();
        }
        return v * mul;
    }
}
