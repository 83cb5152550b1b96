/**
 * The agent's settings: environment variables (a Kubernetes Secret or ConfigMap, compatible with
 * the restic sidecar scripts in use) and an optional YAML jobs file, into immutable records.
 *
 * <p>{@link dev.coffer.agent.config.ConfigLoader} is the one place that reads and validates them:
 * it collects every wrong or missing setting and reports them together in a
 * {@link dev.coffer.agent.config.ConfigException}. {@link dev.coffer.agent.config.ConfigPrinter}
 * renders the effective configuration for {@code --print-config} with secrets masked; secrets are
 * held in {@link dev.coffer.agent.config.Secret}, whose {@code toString} never shows the value.
 */
package dev.coffer.agent.config;
