package dev.coffer.agent.daemon;

import dev.coffer.agent.config.AgentConfig;
import java.util.Objects;

/** The configuration and services every runner shares. */
record RunSettings(AgentConfig config, Services services, RunReporter reporter) {
    RunSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(reporter, "reporter");
    }
}
