package dev.coffer.agent.daemon;

import dev.coffer.agent.app.Backends;
import dev.coffer.agent.app.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Opens the backend stack for a repository string; one stack per run, closed by the run. */
@FunctionalInterface
public interface BackendOpener {

    Backends.Stack open(String repository) throws IOException;

    /** The product's stack (retries, limits, counting) with no extended options and no cache. */
    static BackendOpener standard(Environment env) {
        return standard(env, null);
    }

    /** The product's stack, keeping snapshot and index files under {@code cacheDir} (CACHE_DIR; null: none). */
    static BackendOpener standard(Environment env, Path cacheDir) {
        return repository -> Backends.open(repository, Map.of(), env, cacheDir);
    }
}
