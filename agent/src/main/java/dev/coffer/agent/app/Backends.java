package dev.coffer.agent.app;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.rest.RestBackend;
import dev.coffer.agent.backend.s3.S3Backend;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.CountingBackend;
import dev.coffer.repo.backend.LimitedBackend;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.backend.LoggingBackend;
import dev.coffer.repo.backend.RetryingBackend;
import java.io.IOException;
import java.util.Map;

/**
 * Builds the backend stack for a repository string: the concrete backend, counted (every request,
 * retries included), logged at debug level, and for remote storage limited to its connection count
 * and retried with backoff.
 */
public final class Backends {
    private Backends() {
    }

    /** A ready backend and the counter of the requests it sends. */
    public record Stack(Backend backend, CountingBackend counter) {
    }

    public static Stack open(String spec, Map<String, String> options, Environment env) throws IOException {
        if (spec == null || spec.isBlank()) {
            throw new UsageException("no repository given: set RESTIC_REPOSITORY or pass -r/--repo");
        }
        RepositoryLocation loc = RepositoryLocation.parse(spec);
        if (loc instanceof RepositoryLocation.Local l) {
            CountingBackend counter = new CountingBackend(new LocalBackend(env.cwd().resolve(l.path())));
            return new Stack(new LoggingBackend(counter), counter);
        }
        int connections;
        Backend concrete;
        if (loc instanceof RepositoryLocation.S3 s3) {
            S3Backend b = S3Backend.open(s3, options, env.env());
            connections = b.connections();
            concrete = b;
        } else if (loc instanceof RepositoryLocation.Rest rest) {
            RestBackend b = RestBackend.open(rest, options);
            connections = b.connections();
            concrete = b;
        } else {
            throw new UsageException("unsupported repository " + loc.location());
        }
        CountingBackend counter = new CountingBackend(concrete);
        Backend stack = new RetryingBackend(new LimitedBackend(new LoggingBackend(counter), connections));
        return new Stack(stack, counter);
    }
}
