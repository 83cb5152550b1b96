package dev.coffer.agent.schedule;

import java.util.Objects;

/**
 * A task with its schedule.
 *
 * @param name      unique among the scheduler's jobs, e.g. {@code default/backup}
 * @param operation what the task does, for skipped-run reports and failures
 * @param group     jobs with the same group (typically one repository) never run at the same
 *                  time: a firing waits for the group
 * @param schedule  when it fires
 * @param task      what it does
 */
public record ScheduledJob(String name, Operation operation, String group, Schedule schedule, ScheduledTask task) {
    public ScheduledJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(task, "task");
    }
}
