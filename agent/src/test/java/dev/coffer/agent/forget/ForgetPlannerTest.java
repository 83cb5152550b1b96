package dev.coffer.agent.forget;

import static dev.coffer.agent.forget.Snapshots.sn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForgetPlannerTest {

    private final ForgetPlanner planner =
            new ForgetPlanner(Clock.fixed(Instant.parse("2024-01-10T00:00:00Z"), ZoneOffset.UTC));

    private ForgetPlan planOne(RetentionPolicy policy, SnapshotInfo... snapshots) {
        ForgetResult result = planner.plan(List.of(snapshots), ForgetRequest.of(policy));
        assertEquals(1, result.groups().size());
        return result.groups().get(0);
    }

    private static List<String> names(List<SnapshotInfo> list) {
        return list.stream().map(s -> s.id().substring(0, 2)).toList();
    }

    @Test
    void dailyBucketsUseEachSnapshotsOwnOffset() {
        // Both are Jan 2, 04:30 UTC; in New York the first is still Jan 1.
        SnapshotInfo ny = sn("n1", "2024-01-01T23:30:00-05:00");
        SnapshotInfo utc = sn("u1", "2024-01-02T04:31:00Z");
        ForgetPlan plan = planOne(RetentionPolicy.builder().keepDaily(2).build(), ny, utc);
        assertEquals(List.of("u1", "n1"), names(plan.keep()), "two different days");
        assertEquals(List.of("daily snapshot"), plan.reasons().get(1).matches());
        assertEquals(new KeepCounters(0, 0, 0, 0, 0, 0), plan.reasons().get(1).counters());
        assertEquals(new KeepCounters(0, 0, 1, 0, 0, 0), plan.reasons().get(0).counters());
    }

    @Test
    void eachPeriodKeepsItsNewestAndEmptyPeriodsDoNotCount() {
        ForgetPlan plan = planOne(RetentionPolicy.builder().keepDaily(2).build(),
                sn("a1", "2024-01-01T10:00:00Z"), sn("a2", "2024-01-01T12:00:00Z"),
                sn("b1", "2024-01-05T09:00:00Z"), sn("c1", "2023-12-01T09:00:00Z"));
        assertEquals(List.of("b1", "a2"), names(plan.keep()));
        assertEquals(List.of("a1", "c1"), names(plan.remove()));
    }

    @Test
    void latestIgnoresSnapshotsInTheFuture() {
        ForgetPlan plan = planOne(RetentionPolicy.builder().keepWithin(GoDuration.parse("1d")).build(),
                sn("f1", "2099-01-01T00:00:00Z"), sn("a1", "2024-01-05T12:00:00Z"),
                sn("a2", "2024-01-04T13:00:00Z"), sn("a3", "2024-01-04T11:00:00Z"));
        assertEquals(List.of("f1", "a1", "a2"), names(plan.keep()));
        assertEquals(List.of("within 1d"), plan.reasons().get(0).matches());
        assertEquals(List.of("a3"), names(plan.remove()));
    }

    @Test
    void reasonsComeInResticsOrder() {
        RetentionPolicy policy = RetentionPolicy.builder().keepLast(1).keepHourly(1).keepYearly(1)
                .keepWithin(GoDuration.parse("2h")).keepWithinDaily(GoDuration.parse("1m"))
                .keepTag(List.of("a", "b")).keepTag(List.of("")).build();
        ForgetPlan plan = planOne(policy, sn("a1", "2024-01-05T12:00:00Z", "b", "a"), sn("u1", "2024-01-05T11:00:00Z"));
        assertEquals(List.of("has tags [a, b]", "within 2h", "last snapshot", "hourly snapshot", "yearly snapshot",
                "daily within 1m"), plan.reasons().get(0).matches());
        assertEquals(List.of("has tags []", "within 2h"), plan.reasons().get(1).matches());
    }

    @Test
    void unlimitedCountsKeepEveryPeriodAndReportMinusOne() {
        ForgetPlan plan = planOne(RetentionPolicy.builder().keepMonthly(RetentionPolicy.UNLIMITED).build(),
                sn("a1", "2020-01-05T12:00:00Z"), sn("a2", "2020-01-06T12:00:00Z"), sn("b1", "2023-03-01T12:00:00Z"));
        assertEquals(List.of("b1", "a2"), names(plan.keep()));
        assertEquals(-1, plan.reasons().get(0).counters().monthly());
    }

    @Test
    void equalTimesKeepTheInputOrder() {
        ForgetPlan plan = planOne(RetentionPolicy.builder().keepLast(1).build(),
                sn("x1", "2024-01-05T12:00:00Z"), sn("x2", "2024-01-05T13:00:00+01:00"));
        assertEquals(List.of("x1"), names(plan.keep()));
        assertEquals(List.of("x2"), names(plan.remove()));
    }

    @Test
    void emptyPolicyKeepsEverythingWithANotice() {
        ForgetResult result = planner.plan(List.of(sn("a1", "2024-01-05T12:00:00Z")),
                ForgetRequest.of(RetentionPolicy.builder().build()));
        assertEquals(List.of(), result.groups());
        assertEquals(Optional.of("no policy was specified, no snapshots will be removed"), result.notice());
        assertTrue(result.removeIds().isEmpty());
    }

    @Test
    void removeAllNeedsAFilterAndThenRemovesEveryMatch() {
        RetentionPolicy none = RetentionPolicy.builder().build();
        assertThrows(IllegalArgumentException.class,
                () -> new ForgetRequest(SnapshotFilter.ALL, SnapshotGrouping.DEFAULT, none, true));
        SnapshotFilter onlyH = new SnapshotFilter(List.of("h"), List.of(), List.of());
        ForgetResult result = planner.plan(List.of(sn("a1", "2024-01-05T12:00:00Z"),
                sn("o1", "2024-01-05T12:00:00Z", "other", List.of("/data"))),
                new ForgetRequest(onlyH, SnapshotGrouping.DEFAULT, none, true));
        assertEquals(1, result.groups().size());
        assertEquals(List.of("a1"), names(result.groups().get(0).remove()));
        assertEquals(List.of(), result.groups().get(0).keep());
    }

    @Test
    void groupsArePlannedSeparatelyInKeyOrder() {
        ForgetResult result = planner.plan(List.of(
                        sn("b1", "2024-01-05T12:00:00Z", "beta", List.of("/x")),
                        sn("a1", "2024-01-05T12:00:00Z", "alpha", List.of("/y", "/x")),
                        sn("a2", "2024-01-04T12:00:00Z", "alpha", List.of("/x", "/y")),
                        sn("a3", "2024-01-03T12:00:00Z", "alpha", List.of("/x"))),
                ForgetRequest.of(RetentionPolicy.builder().keepLast(1).build()));
        assertEquals(List.of(new GroupKey("alpha", List.of("/x"), List.of()),
                new GroupKey("alpha", List.of("/x", "/y"), List.of()), new GroupKey("beta", List.of("/x"), List.of())),
                result.groups().stream().map(ForgetPlan::key).toList());
        assertEquals(List.of("a2"), names(result.groups().get(1).remove()));
        assertEquals(List.of(Snapshots.sn("a2", "2024-01-04T12:00:00Z").id()), List.copyOf(result.removeIds()));
    }
}
