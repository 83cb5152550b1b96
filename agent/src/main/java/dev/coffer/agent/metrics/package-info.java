/**
 * Prometheus metrics about runs: kept in one registry, served on {@code /metrics} (with
 * {@code /healthz} and {@code /readyz}) and pushed to a Pushgateway after every run.
 *
 * <p>{@link dev.coffer.agent.metrics.CofferMetrics} turns {@link dev.coffer.agent.schedule.RunResult}s
 * into metrics: the names the restic sidecar script pushed ({@code backup_duration_seconds},
 * {@code backup_start_timestamp}, {@code backup_status{status}}) so old dashboards keep working,
 * and {@code coffer_*} metrics with base units for new dashboards and the stale-backup alert
 * {@code time() - coffer_last_success_timestamp_seconds{operation="backup"} > 36*3600}.
 *
 * <p>{@link dev.coffer.agent.metrics.MetricsPusher} pushes with POST semantics: the Pushgateway
 * replaces only the metric names in the push. The last-success gauge is absent from the registry
 * until this process sees a success (it is never pushed as 0), so after a restart followed by a
 * failure the Pushgateway still holds the previous process's last success; once set, the value
 * stays in the registry and rides along with every later push, failures included.
 */
package dev.coffer.agent.metrics;
