/**
 * The agent's run loop: {@code coffer agent} turns the configuration into scheduled jobs and runs
 * them, one repository at a time, with metrics, notifications and a clean shutdown.
 *
 * <p>{@link dev.coffer.agent.daemon.Daemon} wires the pieces: a
 * {@link dev.coffer.agent.schedule.Scheduler} fires each job's backup, check, restore drill (and,
 * once a {@link dev.coffer.agent.daemon.RetentionRunner} is wired, prune); every run opens the
 * repository (creating it only when AUTO_INIT is set and there truly is none), removes stale
 * locks, takes its own lock, works, and releases the lock even when interrupted at shutdown. Each
 * run's {@link dev.coffer.agent.schedule.RunResult} goes to the metrics (served and pushed) and to
 * the notifier; storage requests and the repository's snapshot count and size are recorded too.
 *
 * <p>{@link dev.coffer.agent.daemon.Capabilities} names settings this build cannot honour (retention
 * without a forget/prune implementation), so validation refuses them instead of silently ignoring
 * them.
 */
package dev.coffer.agent.daemon;
