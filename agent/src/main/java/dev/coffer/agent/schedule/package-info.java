/**
 * When things run: cron schedules and a scheduler that never overlaps a job with itself.
 *
 * <p>{@link dev.coffer.agent.schedule.Schedules} turns a cron text (Unix 5 fields, 6 fields with
 * seconds first, {@code @hourly}-style macros and their {@code -random} variants) into a
 * {@link dev.coffer.agent.schedule.Schedule}. The {@code -random} variants and a jitter are
 * deterministic per seed (host name and job), so one workload always fires at the same minute
 * while many workloads spread over the hour.
 *
 * <p>{@link dev.coffer.agent.schedule.Scheduler} fires {@link dev.coffer.agent.schedule.ScheduledJob}s
 * on an injected {@link java.time.Clock}; a firing that finds its job still running is skipped
 * and counted; jobs sharing a group (one repository) run one after another. A job's outcome is a
 * {@link dev.coffer.agent.schedule.RunResult}, the value notifiers and metrics consume. This
 * package never imports an engine: the wiring gives it tasks.
 */
package dev.coffer.agent.schedule;
