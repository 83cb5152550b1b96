package dev.coffer.agent.forget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code --keep-*} options of {@code restic forget}.
 *
 * <p>Counts: {@code 0} switches a rule off, {@code -1} means unlimited (current restic; restic 0.14
 * has no unlimited value). Durations: {@link GoDuration#ZERO} switches a rule off.
 * {@code keepTags}: a snapshot is kept if it has all tags of any one list; a list holding the
 * empty tag {@code ""} matches untagged snapshots. Use {@link #builder()} to build one.
 */
public record RetentionPolicy(int keepLast, int keepHourly, int keepDaily, int keepWeekly,
                              int keepMonthly, int keepYearly, GoDuration keepWithin,
                              GoDuration keepWithinHourly, GoDuration keepWithinDaily,
                              GoDuration keepWithinWeekly, GoDuration keepWithinMonthly,
                              GoDuration keepWithinYearly, List<List<String>> keepTags) {

    /** The value that means "no limit" for a count. */
    public static final int UNLIMITED = -1;

    public RetentionPolicy {
        checkCount("keep-last", keepLast);
        checkCount("keep-hourly", keepHourly);
        checkCount("keep-daily", keepDaily);
        checkCount("keep-weekly", keepWeekly);
        checkCount("keep-monthly", keepMonthly);
        checkCount("keep-yearly", keepYearly);
        keepWithin = orZero(keepWithin);
        keepWithinHourly = orZero(keepWithinHourly);
        keepWithinDaily = orZero(keepWithinDaily);
        keepWithinWeekly = orZero(keepWithinWeekly);
        keepWithinMonthly = orZero(keepWithinMonthly);
        keepWithinYearly = orZero(keepWithinYearly);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> tagList : keepTags == null ? List.<List<String>>of() : keepTags) {
            copy.add(List.copyOf(Objects.requireNonNull(tagList, "keep-tag list")));
        }
        keepTags = List.copyOf(copy);
    }

    private static void checkCount(String name, int value) {
        if (value < UNLIMITED) {
            throw new IllegalArgumentException(name + " must be a count >= 0 or -1 (unlimited), got " + value);
        }
    }

    private static GoDuration orZero(GoDuration d) {
        return d == null ? GoDuration.ZERO : d;
    }

    /** A builder with every rule off. */
    public static RetentionPolicyBuilder builder() {
        return new RetentionPolicyBuilder();
    }

    /** True if no rule is set: restic then keeps everything ("no policy was specified"). */
    public boolean isEmpty() {
        return keepLast == 0 && keepHourly == 0 && keepDaily == 0 && keepWeekly == 0
                && keepMonthly == 0 && keepYearly == 0 && keepWithin.isZero()
                && keepWithinHourly.isZero() && keepWithinDaily.isZero() && keepWithinWeekly.isZero()
                && keepWithinMonthly.isZero() && keepWithinYearly.isZero() && keepTags.isEmpty();
    }

    /** restic 0.14's one-line summary, e.g. {@code keep 7 daily, 4 weekly snapshots}. */
    public String describe() {
        List<String> counts = new ArrayList<>();
        addCount(counts, keepLast, "latest");
        addCount(counts, keepHourly, "hourly");
        addCount(counts, keepDaily, "daily");
        addCount(counts, keepWeekly, "weekly");
        addCount(counts, keepMonthly, "monthly");
        addCount(counts, keepYearly, "yearly");
        List<String> within = new ArrayList<>();
        addWithin(within, keepWithinHourly, "hourly");
        addWithin(within, keepWithinDaily, "daily");
        addWithin(within, keepWithinWeekly, "weekly");
        addWithin(within, keepWithinMonthly, "monthly");
        addWithin(within, keepWithinYearly, "yearly");
        StringBuilder s = new StringBuilder();
        if (!counts.isEmpty()) {
            s.append(String.join(", ", counts)).append(" snapshots");
        }
        if (!within.isEmpty()) {
            s.append(s.length() > 0 ? ", " : "").append(String.join(", ", within));
        }
        if (!keepTags.isEmpty()) {
            List<String> lists = new ArrayList<>();
            keepTags.forEach(l -> lists.add(TagLists.format(l)));
            s.append(s.length() > 0 ? " and " : "").append("all snapshots with tags [")
                    .append(String.join(" ", lists)).append(']');
        }
        if (!keepWithin.isZero()) {
            s.append(s.length() > 0 ? " and " : "").append("all snapshots within ").append(keepWithin)
                    .append(" of the newest");
        }
        return "keep " + s;
    }

    private static void addCount(List<String> out, int count, String what) {
        if (count == UNLIMITED) {
            out.add("all " + what);
        } else if (count > 0) {
            out.add(count + " " + what);
        }
    }

    private static void addWithin(List<String> out, GoDuration d, String what) {
        if (!d.isZero()) {
            out.add(what + " snapshots within " + d);
        }
    }
}
