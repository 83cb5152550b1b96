package dev.coffer.agent.daemon;

import dev.coffer.agent.config.AgentConfig;
import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.schedule.InvalidScheduleException;
import dev.coffer.agent.schedule.Schedule;
import dev.coffer.agent.schedule.Schedules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings this build cannot honour, found before the agent starts so it refuses them instead of
 * pretending: retention (KEEP_*) and PRUNE_CRON without a {@link RetentionRunner}. Works from the
 * raw environment too, so the problems are listed with the loader's even when the configuration
 * did not load.
 */
public final class Capabilities {
    static final String NO_RETENTION = "forget/prune not available in this build";
    private static final List<String> KEEP = List.of("KEEP_LAST", "KEEP_HOURLY", "KEEP_DAILY", "KEEP_WEEKLY",
            "KEEP_MONTHLY", "KEEP_YEARLY", "KEEP_WITHIN");
    private static final List<String> OFF = List.of("off", "none", "never", "disabled", "false");
    /** JobReader's default; a prune schedule that differs from it was set on purpose. */
    private static final String DEFAULT_PRUNE_CRON = "@daily-random";

    private Capabilities() {
    }

    /**
     * @param env       the environment the configuration is read from
     * @param config    the loaded configuration, empty when it did not load
     * @param retention whether a forget/prune implementation is wired
     * @return one line per setting that cannot be honoured, naming it and what to do
     */
    public static List<String> problems(Map<String, String> env, Optional<AgentConfig> config, boolean retention) {
        Set<String> problems = new LinkedHashSet<>();
        if (!retention) {
            for (String key : KEEP) {
                if (set(env, key) && !env.get(key).trim().equals("0")) {
                    problems.add(key + ": " + NO_RETENTION + "; remove the KEEP_* settings (snapshots are then kept)"
                            + " or run a Coffer build with retention");
                }
            }
            boolean pruneOn = !set(env, "PRUNE_ENABLED") || !OFF.contains(lower(env.get("PRUNE_ENABLED")));
            if (pruneOn && set(env, "PRUNE_CRON") && !OFF.contains(lower(env.get("PRUNE_CRON")))) {
                problems.add("PRUNE_CRON: " + NO_RETENTION + "; remove PRUNE_CRON or set it to off");
            }
            if (set(env, "COFFER_CONFIG")) {
                config.ifPresent(c -> jobRetention(c, problems));
            }
        }
        return List.copyOf(problems);
    }

    private static void jobRetention(AgentConfig c, Set<String> problems) {
        for (JobConfig j : c.jobs()) {
            String where = "COFFER_CONFIG job '" + j.name() + "': ";
            if (!j.retention().isEmpty()) {
                problems.add(where + "retention: " + NO_RETENTION + "; remove it (snapshots are then kept)");
            }
            if (j.pruneSchedule().isPresent() && !isDefaultPrune(j, c)) {
                problems.add(where + "prune_schedule: " + NO_RETENTION + "; remove it or set it to off");
            }
        }
    }

    private static boolean isDefaultPrune(JobConfig j, AgentConfig c) {
        try {
            Schedule def = Schedules.parse(DEFAULT_PRUNE_CRON, c.cronZone(), c.hostname() + "/" + j.name() + "/prune",
                    Duration.ZERO);
            return def.describe().equals(j.pruneSchedule().get().describe());
        } catch (InvalidScheduleException e) {
            return false;
        }
    }

    private static boolean set(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
