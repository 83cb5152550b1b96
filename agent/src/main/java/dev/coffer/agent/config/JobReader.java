package dev.coffer.agent.config;

import dev.coffer.agent.schedule.InvalidScheduleException;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.Schedule;
import dev.coffer.agent.schedule.Schedules;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds one {@link JobConfig} from environment-style settings, recording every problem. */
final class JobReader {
    static final String DEFAULT_BACKUP_CRON = "0 * * * *";
    static final String DEFAULT_PRUNE_CRON = "@daily-random";
    static final String DEFAULT_CHECK_CRON = "@weekly-random";
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:(?:s3|rest|local|sftp|rclone|b2|azure|gs|swift):.+|/.*)");
    private static final Pattern SUBSET = Pattern.compile("(?:[1-9][0-9]*/[1-9][0-9]*|(?:100|[1-9]?[0-9](?:\\.[0-9]+)?)%)");
    private static final List<String> OFF = List.of("off", "none", "never", "disabled", "false");

    private final FileSystem fs;
    private final ZoneId zone;
    private final String hostname;
    private final boolean pruneEnabled;

    JobReader(FileSystem fs, ZoneId zone, String hostname, boolean pruneEnabled) {
        this.fs = fs;
        this.zone = zone;
        this.hostname = hostname;
        this.pruneEnabled = pruneEnabled;
    }

    /** The job, or empty when a problem was recorded. */
    Optional<JobConfig> read(String name, EnvReader r, int problemsBefore, List<String> problems) {
        List<String> sources = r.list("RESTIC_SOURCE", true);
        if (sources.isEmpty()) {
            r.problem("RESTIC_SOURCE", "is required: the directory to back up (e.g. /backup/config)");
        }
        for (String s : sources) {
            if (!s.startsWith("/")) {
                r.problem("RESTIC_SOURCE", "must be an absolute path, got '" + s + "'");
            } else if (s.indexOf('\0') >= 0) {
                r.problem("RESTIC_SOURCE", "is not a valid path (it holds a NUL character)");
            }
        }
        String repository = r.required("RESTIC_REPOSITORY", "s3:s3.eu-central-2.wasabisys.com/bucket/path").orElse("");
        if (!repository.isEmpty() && !REPOSITORY.matcher(repository).matches()) {
            r.problem("RESTIC_REPOSITORY", "must be s3:host/bucket/path, rest:https://host/path or an absolute"
                    + " path, got '" + Redaction.url(repository) + "'");
        }
        Optional<Secret> password = r.raw("RESTIC_PASSWORD").map(Secret::new);
        Optional<Path> passwordFile = r.get("RESTIC_PASSWORD_FILE").flatMap(p -> path(r, "RESTIC_PASSWORD_FILE", p));
        if (password.isPresent() && r.get("RESTIC_PASSWORD_FILE").isPresent()) {
            r.problem("RESTIC_PASSWORD", "set either RESTIC_PASSWORD or RESTIC_PASSWORD_FILE, not both");
        } else if (password.isEmpty() && r.get("RESTIC_PASSWORD_FILE").isEmpty()) {
            r.problem("RESTIC_PASSWORD", "is required (or RESTIC_PASSWORD_FILE): the repository password");
        }
        passwordFile.ifPresent(p -> {
            if (!Files.isReadable(p)) {
                r.problem("RESTIC_PASSWORD_FILE", "cannot read '" + p + "'; mount the Secret there or fix the path");
            }
        });
        Retention retention = retention(r);
        Duration jitter = r.duration("BACKUP_JITTER", Duration.ZERO);
        Optional<Schedule> backup = schedule(r, "BACKUP_CRON", DEFAULT_BACKUP_CRON, name, Operation.BACKUP, jitter);
        Optional<Schedule> prune = pruneEnabled
                ? schedule(r, "PRUNE_CRON", DEFAULT_PRUNE_CRON, name, Operation.PRUNE, Duration.ZERO)
                : Optional.empty();
        Optional<Schedule> check = schedule(r, "CHECK_CRON", DEFAULT_CHECK_CRON, name, Operation.CHECK, Duration.ZERO);
        Optional<String> subset = r.get("CHECK_READ_DATA_SUBSET");
        if (subset.isPresent() && !SUBSET.matcher(subset.get()).matches()) {
            r.problem("CHECK_READ_DATA_SUBSET", "must be n/t (e.g. 1/10) or a percentage (e.g. 5%), got '"
                    + subset.get() + "'");
        }
        Optional<Schedule> drill = schedule(r, "RESTORE_TEST_CRON", "off", name, Operation.RESTORE_TEST, Duration.ZERO);
        List<String> tags = r.list("BACKUP_TAGS", false);
        for (String tag : tags) {
            if (tag.chars().anyMatch(Character::isWhitespace)) {
                r.problem("BACKUP_TAGS", "tags are separated by commas and contain no spaces, got '" + tag + "'");
            }
        }
        List<String> excludes = r.list("BACKUP_EXCLUDES", false);
        JobHooks hooks = HookSettings.read(r, fs, sources);
        if (problems.size() > problemsBefore || backup.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobConfig(name, sources, repository, password, passwordFile, retention,
                backup.get(), prune, check, subset, drill, tags, excludes, hooks));
    }

    private Retention retention(EnvReader r) {
        Optional<KeepWithin> within = Optional.empty();
        Optional<String> w = r.get("KEEP_WITHIN");
        if (w.isPresent()) {
            within = KeepWithin.parse(w.get());
            if (within.isEmpty()) {
                r.problem("KEEP_WITHIN", "must be like 2d, 48h or 1y6m (years, months, days, hours), got '"
                        + w.get() + "'");
            }
        }
        return new Retention(r.keepCount("KEEP_LAST"), r.keepCount("KEEP_HOURLY"), r.keepCount("KEEP_DAILY"),
                r.keepCount("KEEP_WEEKLY"), r.keepCount("KEEP_MONTHLY"), r.keepCount("KEEP_YEARLY"), within);
    }

    private Optional<Schedule> schedule(EnvReader r, String key, String fallback, String job, Operation op,
            Duration jitter) {
        String text = r.get(key).orElse(fallback);
        if (OFF.contains(text.toLowerCase(Locale.ROOT))) {
            if (op == Operation.BACKUP) {
                r.problem(key, "cannot be off: backups are what the agent is for");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Schedules.parse(text, zone, hostname + "/" + job + "/" + op.label(), jitter));
        } catch (InvalidScheduleException e) {
            r.problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Path> path(EnvReader r, String key, String text) {
        try {
            return Optional.of(fs.getPath(text));
        } catch (InvalidPathException e) {
            r.problem(key, "is not a valid path: '" + text + "'");
            return Optional.empty();
        }
    }
}
