package dev.coffer.agent.forget;

import java.util.ArrayList;
import java.util.List;

/** Fluent construction of a {@link RetentionPolicy}; every rule starts off. Not thread-safe. */
public final class RetentionPolicyBuilder {
    private int last;
    private int hourly;
    private int daily;
    private int weekly;
    private int monthly;
    private int yearly;
    private GoDuration within = GoDuration.ZERO;
    private GoDuration withinHourly = GoDuration.ZERO;
    private GoDuration withinDaily = GoDuration.ZERO;
    private GoDuration withinWeekly = GoDuration.ZERO;
    private GoDuration withinMonthly = GoDuration.ZERO;
    private GoDuration withinYearly = GoDuration.ZERO;
    private final List<List<String>> tags = new ArrayList<>();

    RetentionPolicyBuilder() {
    }

    public RetentionPolicyBuilder keepLast(int n) {
        last = n;
        return this;
    }

    public RetentionPolicyBuilder keepHourly(int n) {
        hourly = n;
        return this;
    }

    public RetentionPolicyBuilder keepDaily(int n) {
        daily = n;
        return this;
    }

    public RetentionPolicyBuilder keepWeekly(int n) {
        weekly = n;
        return this;
    }

    public RetentionPolicyBuilder keepMonthly(int n) {
        monthly = n;
        return this;
    }

    public RetentionPolicyBuilder keepYearly(int n) {
        yearly = n;
        return this;
    }

    public RetentionPolicyBuilder keepWithin(GoDuration d) {
        within = d;
        return this;
    }

    public RetentionPolicyBuilder keepWithinHourly(GoDuration d) {
        withinHourly = d;
        return this;
    }

    public RetentionPolicyBuilder keepWithinDaily(GoDuration d) {
        withinDaily = d;
        return this;
    }

    public RetentionPolicyBuilder keepWithinWeekly(GoDuration d) {
        withinWeekly = d;
        return this;
    }

    public RetentionPolicyBuilder keepWithinMonthly(GoDuration d) {
        withinMonthly = d;
        return this;
    }

    public RetentionPolicyBuilder keepWithinYearly(GoDuration d) {
        withinYearly = d;
        return this;
    }

    /** Adds one {@code --keep-tag} list; may be called several times. */
    public RetentionPolicyBuilder keepTag(List<String> tagList) {
        tags.add(List.copyOf(tagList));
        return this;
    }

    public RetentionPolicy build() {
        return new RetentionPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly,
                withinDaily, withinWeekly, withinMonthly, withinYearly, tags);
    }
}
