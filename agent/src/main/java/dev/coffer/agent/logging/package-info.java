/**
 * The agent's log output: a small SLF4J 2 provider that writes one line per event to standard
 * error, as plain text or as one JSON object ({@code LOG_FORMAT=json}), with every known secret
 * value and URL password replaced by {@code ***}.
 *
 * <p>SLF4J finds {@link dev.coffer.agent.logging.CofferServiceProvider} through
 * {@code META-INF/services}. Until the agent configures it, it logs plain text at the levels
 * slf4j-simple's system properties name ({@code org.slf4j.simpleLogger.defaultLogLevel},
 * {@code org.slf4j.simpleLogger.log.<prefix>}), so the CLI and the tests keep their settings;
 * {@link dev.coffer.agent.logging.AgentLogging#configure} then applies LOG_FORMAT, LOG_LEVEL and
 * the secrets from the loaded configuration.
 */
package dev.coffer.agent.logging;
