package dev.coffer.agent.cli;

import dev.coffer.agent.prune.Amount;
import dev.coffer.agent.prune.PruneStats;
import java.util.Locale;

/** restic 0.14's prune statistics, with its number formats. */
final class PruneText {
    private PruneText() {
    }

    /**
     * The statistics block. {@code verbose} adds restic's {@code -v} lines (totals before the prune,
     * pack counts).
     */
    static String stats(PruneStats s, boolean verbose) {
        StringBuilder b = new StringBuilder();
        Amount total = s.total();
        if (verbose) {
            b.append(line("\nused:         ", s.used()));
            if (s.duplicate().blobs() > 0) {
                b.append(line("duplicates:   ", s.duplicate()));
            }
            b.append(line("unused:       ", s.unused()));
            if (s.unreferencedBytes() > 0) {
                b.append("unreferenced:                    ").append(Sizes.bytes(s.unreferencedBytes())).append('\n');
            }
            b.append(line("total:        ", total));
            b.append("unused size: ").append(percent(s.unusedBytes(), total.bytes())).append(" of total size\n");
        }
        b.append(line("\nto repack:    ", s.repack()));
        b.append(line("this removes: ", s.repackRemoved()));
        b.append(line("to delete:    ", new Amount(s.remove().blobs(), s.remove().bytes() + s.unreferencedBytes())));
        b.append(line("total prune:  ", s.totalPrune()));
        b.append(line("remaining:    ", s.remaining()));
        b.append("unused size after prune: ").append(Sizes.bytes(s.unusedAfter())).append(" (")
                .append(percent(s.unusedAfter(), s.remaining().bytes())).append(" of remaining size)\n");
        b.append('\n');
        if (verbose) {
            b.append(String.format(Locale.ROOT, "totally used packs: %10d\n", s.packs().used()));
            b.append(String.format(Locale.ROOT, "partly used packs:  %10d\n", s.packs().partlyUsed()));
            b.append(String.format(Locale.ROOT, "unused packs:       %10d\n\n", s.packs().unused()));
            b.append(String.format(Locale.ROOT, "to keep:      %10d packs\n", s.packs().keep()));
            b.append(String.format(Locale.ROOT, "to repack:    %10d packs\n", s.packs().repack()));
            b.append(String.format(Locale.ROOT, "to delete:    %10d packs\n", s.packs().remove()));
            if (s.packs().unreferenced() > 0) {
                b.append(String.format(Locale.ROOT, "to delete:    %10d unreferenced packs\n\n", s.packs().unreferenced()));
            }
        }
        return b.toString();
    }

    private static String line(String label, Amount a) {
        return String.format(Locale.ROOT, "%s%10d blobs / %s\n", label, a.blobs(), Sizes.bytes(a.bytes()));
    }

    /** restic's {@code formatPercent}: "" for a zero denominator, capped at 100%. */
    static String percent(long numerator, long denominator) {
        if (denominator == 0) {
            return "";
        }
        double p = Math.min(100.0, 100.0 * numerator / denominator);
        return String.format(Locale.ROOT, "%3.2f%%", p);
    }
}
