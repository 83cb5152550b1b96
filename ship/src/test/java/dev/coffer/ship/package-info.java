/**
 * Checks of what Coffer ships beside its jar, run by {@code mvn verify} after the agent module is
 * packaged: the jlink runtime and the launcher ({@code packaging/}), the Dockerfile, and the
 * examples (Kubernetes manifests, Prometheus alert rules with {@code promtool} unit tests, the
 * Grafana dashboard), cross-checked against the metric names {@code CofferMetrics} registers and
 * the environment variables {@code ConfigLoader} reads.
 */
package dev.coffer.ship;
