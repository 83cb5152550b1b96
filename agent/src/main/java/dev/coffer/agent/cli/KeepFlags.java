package dev.coffer.agent.cli;

import dev.coffer.agent.forget.GoDuration;
import dev.coffer.agent.forget.RetentionPolicy;
import dev.coffer.agent.forget.RetentionPolicyBuilder;
import dev.coffer.agent.forget.TagLists;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** restic's {@code --keep-*} flags of {@code forget}, with its short names. */
final class KeepFlags {
    @Option(names = {"-l", "--keep-last"}, paramLabel = "n", description = "keep the last n snapshots")
    int last;

    @Option(names = {"-H", "--keep-hourly"}, paramLabel = "n", description = "keep the last n hourly snapshots")
    int hourly;

    @Option(names = {"-d", "--keep-daily"}, paramLabel = "n", description = "keep the last n daily snapshots")
    int daily;

    @Option(names = {"-w", "--keep-weekly"}, paramLabel = "n", description = "keep the last n weekly snapshots")
    int weekly;

    @Option(names = {"-m", "--keep-monthly"}, paramLabel = "n", description = "keep the last n monthly snapshots")
    int monthly;

    @Option(names = {"-y", "--keep-yearly"}, paramLabel = "n", description = "keep the last n yearly snapshots")
    int yearly;

    @Option(names = "--keep-within", paramLabel = "duration",
            description = "keep snapshots newer than duration (e.g. 1y5m7d2h) relative to the latest snapshot")
    String within;

    @Option(names = "--keep-within-hourly", paramLabel = "duration", description = "keep hourly snapshots newer than duration")
    String withinHourly;

    @Option(names = "--keep-within-daily", paramLabel = "duration", description = "keep daily snapshots newer than duration")
    String withinDaily;

    @Option(names = "--keep-within-weekly", paramLabel = "duration", description = "keep weekly snapshots newer than duration")
    String withinWeekly;

    @Option(names = "--keep-within-monthly", paramLabel = "duration", description = "keep monthly snapshots newer than duration")
    String withinMonthly;

    @Option(names = "--keep-within-yearly", paramLabel = "duration", description = "keep yearly snapshots newer than duration")
    String withinYearly;

    @Option(names = "--keep-tag", paramLabel = "taglist", description = "keep snapshots with all these tags (TAG[,TAG]; repeatable)")
    List<String> keepTags = new ArrayList<>();

    /**
     * The policy the flags describe.
     *
     * @throws IllegalArgumentException for a malformed duration or a count below -1
     */
    RetentionPolicy policy() {
        RetentionPolicyBuilder b = RetentionPolicy.builder().keepLast(last).keepHourly(hourly).keepDaily(daily)
                .keepWeekly(weekly).keepMonthly(monthly).keepYearly(yearly)
                .keepWithin(duration(within)).keepWithinHourly(duration(withinHourly))
                .keepWithinDaily(duration(withinDaily)).keepWithinWeekly(duration(withinWeekly))
                .keepWithinMonthly(duration(withinMonthly)).keepWithinYearly(duration(withinYearly));
        keepTags.forEach(t -> b.keepTag(TagLists.parse(t)));
        return b.build();
    }

    private static GoDuration duration(String s) {
        return s == null ? GoDuration.ZERO : GoDuration.parse(s);
    }
}
