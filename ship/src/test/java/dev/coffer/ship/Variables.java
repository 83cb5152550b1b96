package dev.coffer.ship;

import dev.coffer.agent.config.ConfigLoader;
import java.util.Set;

/** The environment variable names the image understands: the agent's and the launcher's. */
final class Variables {
    /** Read by packaging/coffer (the image's ENTRYPOINT), before Java starts. */
    static final Set<String> LAUNCHER = Set.of("COFFER_TMPDIR", "COFFER_MAX_RAM_PERCENTAGE", "COFFER_GC",
            "COFFER_JAVA_OPTS", "COFFER_JAVA", "COFFER_JAR");
    /** Read by pg_dump (libpq) in examples/kubernetes/postgres, never by Coffer. */
    static final Set<String> LIBPQ = Set.of("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD",
            "PGSSLMODE", "PGPASSFILE", "PGAPPNAME", "PGCONNECT_TIMEOUT");

    private Variables() {
    }

    /** Whether Coffer (agent, CLI or launcher) reads {@code name}. */
    static boolean coffer(String name) {
        return ConfigLoader.KNOWN_VARIABLES.contains(name) || LAUNCHER.contains(name)
                || name.startsWith(ConfigLoader.AWS_PREFIX) && name.length() > ConfigLoader.AWS_PREFIX.length();
    }
}
