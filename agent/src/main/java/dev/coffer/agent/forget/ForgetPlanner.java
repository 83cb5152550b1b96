package dev.coffer.agent.forget;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, per group, which snapshots a retention policy keeps, exactly as restic 0.14 does (plus
 * current restic's {@code -1} = unlimited counts and remove-all). Pure: it reads the clock and
 * nothing else, deletes nothing, and is safe to share between threads.
 */
public final class ForgetPlanner {

    private static final Comparator<SnapshotInfo> NEWEST_FIRST =
            Comparator.comparing((SnapshotInfo sn) -> sn.time().toInstant()).reversed();

    private final Clock clock;
    private final ZoneId goLocal;

    /**
     * @param clock   "now", to skip snapshots in the future when finding the latest one
     * @param goLocal the local zone of the restic process to emulate (matters only for keep-within
     *                across a DST change; see {@link GoTime})
     */
    public ForgetPlanner(Clock clock, ZoneId goLocal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.goLocal = Objects.requireNonNull(goLocal, "goLocal");
    }

    /** Uses the clock's zone as the local zone. */
    public ForgetPlanner(Clock clock) {
        this(clock, clock.getZone());
    }

    /**
     * Filters, groups and applies the policy. With an empty policy nothing is decided and the
     * result carries {@link ForgetResult#NO_POLICY}, unless the request allows removing all.
     */
    public ForgetResult plan(List<SnapshotInfo> snapshots, ForgetRequest request) {
        RetentionPolicy policy = request.policy();
        if (policy.isEmpty() && !request.allowRemoveAll()) {
            return new ForgetResult(List.of(), Optional.of(ForgetResult.NO_POLICY));
        }
        List<SnapshotInfo> considered = snapshots.stream().filter(request.filter()::matches).toList();
        Instant now = clock.instant();
        List<ForgetPlan> plans = new ArrayList<>();
        for (Map.Entry<GroupKey, List<SnapshotInfo>> group : request.grouping().group(considered).entrySet()) {
            plans.add(apply(group.getKey(), group.getValue(), policy, now));
        }
        return new ForgetResult(plans, Optional.empty());
    }

    /** restic's {@code ApplyPolicy} on one group; an empty policy removes everything. */
    ForgetPlan apply(GroupKey key, List<SnapshotInfo> group, RetentionPolicy policy, Instant now) {
        List<SnapshotInfo> list = new ArrayList<>(group);
        list.sort(NEWEST_FIRST);
        if (policy.isEmpty()) {
            return new ForgetPlan(key, List.of(), list, List.of());
        }
        Period[] periods = Period.values();
        int[] counts = {policy.keepLast(), policy.keepHourly(), policy.keepDaily(), policy.keepWeekly(),
                policy.keepMonthly(), policy.keepYearly()};
        GoDuration[] withins = {GoDuration.ZERO, policy.keepWithinHourly(), policy.keepWithinDaily(),
                policy.keepWithinWeekly(), policy.keepWithinMonthly(), policy.keepWithinYearly()};
        long[] lastBucket = new long[periods.length];
        long[] lastWithinBucket = new long[periods.length];
        Arrays.fill(lastBucket, -1);
        Arrays.fill(lastWithinBucket, -1);

        OffsetDateTime latest = latest(list, now);
        Instant withinCutoff = cutoff(latest, policy.keepWithin());
        Instant[] withinCutoffs = new Instant[periods.length];
        for (int i = 0; i < periods.length; i++) {
            withinCutoffs[i] = withins[i].isZero() ? null : cutoff(latest, withins[i]);
        }

        List<SnapshotInfo> keep = new ArrayList<>();
        List<SnapshotInfo> remove = new ArrayList<>();
        List<KeepReason> reasons = new ArrayList<>();
        for (int nr = 0; nr < list.size(); nr++) {
            SnapshotInfo cur = list.get(nr);
            Instant at = cur.time().toInstant();
            List<String> matches = new ArrayList<>();
            for (List<String> tagList : policy.keepTags()) {
                if (cur.hasTags(tagList)) {
                    matches.add("has tags " + TagLists.format(tagList));
                }
            }
            if (withinCutoff != null && at.isAfter(withinCutoff)) {
                matches.add("within " + policy.keepWithin());
            }
            for (int i = 0; i < periods.length; i++) {
                if (counts[i] > 0 || counts[i] == RetentionPolicy.UNLIMITED) {
                    long value = periods[i].bucket(cur.time(), nr);
                    if (value != lastBucket[i]) {
                        lastBucket[i] = value;
                        if (counts[i] > 0) {
                            counts[i]--;
                        }
                        matches.add(periods[i].countReason());
                    }
                }
            }
            for (int i = 1; i < periods.length; i++) {
                if (withinCutoffs[i] != null && at.isAfter(withinCutoffs[i])) {
                    long value = periods[i].bucket(cur.time(), nr);
                    if (value != lastWithinBucket[i]) {
                        lastWithinBucket[i] = value;
                        matches.add(periods[i].withinReason(withins[i]));
                    }
                }
            }
            if (matches.isEmpty()) {
                remove.add(cur);
            } else {
                keep.add(cur);
                reasons.add(new KeepReason(cur, matches,
                        new KeepCounters(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])));
            }
        }
        return new ForgetPlan(key, keep, remove, reasons);
    }

    /** The newest snapshot time strictly before now, or Go's zero time if there is none. */
    private static OffsetDateTime latest(List<SnapshotInfo> list, Instant now) {
        OffsetDateTime latest = GoTime.ZERO;
        for (SnapshotInfo sn : list) {
            Instant t = sn.time().toInstant();
            if (t.isAfter(latest.toInstant()) && t.isBefore(now)) {
                latest = sn.time();
            }
        }
        return latest;
    }

    /** {@code latest.AddDate(-y, -m, -d).Add(-h hours)}, or null for a zero duration. */
    private Instant cutoff(OffsetDateTime latest, GoDuration d) {
        if (d.isZero()) {
            return null;
        }
        return GoTime.addDate(latest, -d.years(), -d.months(), -d.days(), goLocal)
                .minusSeconds(3600L * d.hours());
    }
}
