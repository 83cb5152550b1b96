package dev.coffer.agent.config;

import dev.coffer.agent.schedule.Schedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One backup job: what to back up, where, when, and how long to keep it. The environment-only
 * setup has one job named {@code default}; COFFER_CONFIG may declare several.
 *
 * @param name                unique, {@code [a-z0-9][a-z0-9_-]*}
 * @param sources             paths to back up (RESTIC_SOURCE, split at spaces and commas)
 * @param repository          RESTIC_REPOSITORY, e.g. {@code s3:host/bucket/path}
 * @param password            RESTIC_PASSWORD; exactly one of password and passwordFile is set
 * @param passwordFile        RESTIC_PASSWORD_FILE
 * @param retention           KEEP_*; applied after every backup
 * @param backupSchedule      BACKUP_CRON (+ BACKUP_JITTER)
 * @param pruneSchedule       PRUNE_CRON, empty when PRUNE_ENABLED=false or PRUNE_CRON=off
 * @param checkSchedule       CHECK_CRON, empty when off
 * @param checkReadDataSubset CHECK_READ_DATA_SUBSET ({@code n/t} or {@code x%}), empty: structure only
 * @param restoreTestSchedule RESTORE_TEST_CRON, empty when off (the default)
 * @param tags                BACKUP_TAGS, added to every snapshot
 * @param excludes            BACKUP_EXCLUDES, restic exclude patterns
 * @param hooks               pre/post commands and URLs, the Prometheus TSDB snapshot
 */
public record JobConfig(
        String name,
        List<String> sources,
        String repository,
        Optional<Secret> password,
        Optional<Path> passwordFile,
        Retention retention,
        Schedule backupSchedule,
        Optional<Schedule> pruneSchedule,
        Optional<Schedule> checkSchedule,
        Optional<String> checkReadDataSubset,
        Optional<Schedule> restoreTestSchedule,
        List<String> tags,
        List<String> excludes,
        JobHooks hooks) {

    public JobConfig {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(passwordFile, "passwordFile");
        if (password.isPresent() == passwordFile.isPresent()) {
            throw new IllegalArgumentException("job " + name + " needs exactly one of password and password file");
        }
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(backupSchedule, "backupSchedule");
        Objects.requireNonNull(pruneSchedule, "pruneSchedule");
        Objects.requireNonNull(checkSchedule, "checkSchedule");
        Objects.requireNonNull(checkReadDataSubset, "checkReadDataSubset");
        Objects.requireNonNull(restoreTestSchedule, "restoreTestSchedule");
        tags = List.copyOf(tags);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(hooks, "hooks");
    }

    /** A job without hooks. */
    public JobConfig(String name, List<String> sources, String repository, Optional<Secret> password,
            Optional<Path> passwordFile, Retention retention, Schedule backupSchedule, Optional<Schedule> pruneSchedule,
            Optional<Schedule> checkSchedule, Optional<String> checkReadDataSubset,
            Optional<Schedule> restoreTestSchedule, List<String> tags, List<String> excludes) {
        this(name, sources, repository, password, passwordFile, retention, backupSchedule, pruneSchedule,
                checkSchedule, checkReadDataSubset, restoreTestSchedule, tags, excludes, JobHooks.NONE);
    }
}
