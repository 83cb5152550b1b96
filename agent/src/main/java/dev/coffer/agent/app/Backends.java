package dev.coffer.agent.app;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.LocalBackend;
import java.nio.file.Path;

/** Builds the backend for a repository string. */
public final class Backends {
    private Backends() {
    }

    public static Backend open(String location, Environment env) throws UsageException {
        if (location == null || location.isBlank()) {
            throw new UsageException("no repository given: set RESTIC_REPOSITORY or pass -r/--repo");
        }
        if (location.startsWith("local:")) {
            return new LocalBackend(env.cwd().resolve(location.substring("local:".length())));
        }
        int colon = location.indexOf(':');
        if (colon > 1 && !location.startsWith("/")) {
            String scheme = location.substring(0, colon);
            throw new UsageException("repository type '" + scheme + "' is not supported; use a local path (local:/path)");
        }
        return new LocalBackend(env.cwd().resolve(Path.of(location)));
    }
}
