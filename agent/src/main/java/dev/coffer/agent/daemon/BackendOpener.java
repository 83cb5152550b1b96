package dev.coffer.agent.daemon;

import dev.coffer.agent.app.Backends;
import dev.coffer.agent.app.Environment;
import java.io.IOException;
import java.util.Map;

/** Opens the backend stack for a repository string; one stack per run, closed by the run. */
@FunctionalInterface
public interface BackendOpener {

    Backends.Stack open(String repository) throws IOException;

    /** The product's stack (retries, limits, counting) with no extended options. */
    static BackendOpener standard(Environment env) {
        return repository -> Backends.open(repository, Map.of(), env);
    }
}
