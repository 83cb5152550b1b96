package dev.coffer.agent.app;

import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.rest.RestBackend;
import dev.coffer.agent.backend.s3.S3Backend;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.CachingBackend;
import dev.coffer.repo.backend.CountingBackend;
import dev.coffer.repo.backend.LimitedBackend;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.backend.LoggingBackend;
import dev.coffer.repo.backend.RetryingBackend;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the backend stack for a repository string: the concrete backend, counted (every request,
 * retries included), logged at debug level, and for remote storage limited to its connection count,
 * retried with backoff, and with snapshot and index files cached locally.
 */
public final class Backends {
    private Backends() {
    }

    /** A ready backend and the counter of the requests it sends. */
    public record Stack(Backend backend, CountingBackend counter) {
    }

    /** Without a local cache. */
    public static Stack open(String spec, Map<String, String> options, Environment env) throws IOException {
        return open(spec, options, env, null);
    }

    /**
     * The stack for {@code spec}.
     *
     * A CA certificate file in RESTIC_CACERT is used when {@code options} name none (as
     * {@code --cacert}, whose default it is in restic).
     *
     * @param cacheBase where remote repositories keep their cache (each in a folder named after
     *     its location), or null for none; see {@link #defaultCacheBase}
     */
    public static Stack open(String spec, Map<String, String> options, Environment env, Path cacheBase)
            throws IOException {
        if (spec == null || spec.isBlank()) {
            throw new UsageException("no repository given: set RESTIC_REPOSITORY or pass -r/--repo");
        }
        RepositoryLocation loc = RepositoryLocation.parse(spec);
        String envCa = env.get("RESTIC_CACERT");
        if (!options.containsKey("cacert") && envCa != null && !envCa.isBlank()) {
            options = new java.util.LinkedHashMap<>(options);
            options.put("cacert", env.cwd().resolve(envCa.strip()).toString());
        }
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
        if (cacheBase != null) {
            stack = new CachingBackend(stack, cacheBase.resolve(cacheName(concrete.location())));
        }
        return new Stack(stack, counter);
    }

    /**
     * The cache folder to use when none is given: {@code $RESTIC_CACHE_DIR/coffer},
     * {@code $XDG_CACHE_HOME/coffer} or {@code $HOME/.cache/coffer}; null when none is set.
     */
    public static Path defaultCacheBase(Environment env) {
        if (env.get("RESTIC_CACHE_DIR") != null) {
            return Path.of(env.get("RESTIC_CACHE_DIR"), "coffer");
        }
        if (env.get("XDG_CACHE_HOME") != null) {
            return Path.of(env.get("XDG_CACHE_HOME"), "coffer");
        }
        return env.get("HOME") == null ? null : Path.of(env.get("HOME"), ".cache", "coffer");
    }

    /** A folder name for a location (which holds no credentials): a hash, so any location fits. */
    static String cacheName(String location) {
        return Id.hash(location.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
    }
}
