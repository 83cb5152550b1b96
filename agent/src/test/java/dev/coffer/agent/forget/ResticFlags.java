package dev.coffer.agent.forget;

import java.util.ArrayList;
import java.util.List;

/** Test-only translation of {@code restic forget} flags into a {@link ForgetRequest}. */
final class ResticFlags {

    private ResticFlags() {
    }

    /** Splits at spaces; {@code --flag=} becomes {@code --flag ""}. */
    static List<String> split(String flags) {
        List<String> args = new ArrayList<>();
        for (String part : flags.trim().split(" +")) {
            if (part.endsWith("=")) {
                args.add(part.substring(0, part.length() - 1));
                args.add("");
            } else {
                args.add(part);
            }
        }
        return args;
    }

    static ForgetRequest toRequest(List<String> args) {
        RetentionPolicyBuilder policy = RetentionPolicy.builder();
        List<String> hosts = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        SnapshotGrouping grouping = SnapshotGrouping.DEFAULT;
        for (int i = 0; i < args.size(); i += 2) {
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--keep-last" -> policy.keepLast(Integer.parseInt(v));
                case "--keep-hourly" -> policy.keepHourly(Integer.parseInt(v));
                case "--keep-daily" -> policy.keepDaily(Integer.parseInt(v));
                case "--keep-weekly" -> policy.keepWeekly(Integer.parseInt(v));
                case "--keep-monthly" -> policy.keepMonthly(Integer.parseInt(v));
                case "--keep-yearly" -> policy.keepYearly(Integer.parseInt(v));
                case "--keep-within" -> policy.keepWithin(GoDuration.parse(v));
                case "--keep-within-hourly" -> policy.keepWithinHourly(GoDuration.parse(v));
                case "--keep-within-daily" -> policy.keepWithinDaily(GoDuration.parse(v));
                case "--keep-within-weekly" -> policy.keepWithinWeekly(GoDuration.parse(v));
                case "--keep-within-monthly" -> policy.keepWithinMonthly(GoDuration.parse(v));
                case "--keep-within-yearly" -> policy.keepWithinYearly(GoDuration.parse(v));
                case "--keep-tag" -> policy.keepTag(TagLists.parse(v));
                case "--host" -> hosts.add(v);
                case "--tag" -> tags.add(TagLists.parse(v));
                case "--path" -> paths.add(v);
                case "--group-by" -> grouping = SnapshotGrouping.parse(v);
                default -> throw new IllegalArgumentException("flag not supported by the test: " + args.get(i));
            }
        }
        return new ForgetRequest(new SnapshotFilter(hosts, tags, paths), grouping, policy.build(), false);
    }
}
