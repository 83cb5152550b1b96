package dev.coffer.agent.daemon;

import dev.coffer.agent.app.Environment;
import dev.coffer.agent.config.AgentConfig;
import dev.coffer.agent.config.ConfigLoader;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;

/** Builds agent configurations, services and repositories for the daemon tests. */
final class Fixture {
    static final String PASSWORD = "daemon-test-password-9d1c";
    static final String POD = "app-0";
    static final String HOST = "app";
    /** Cheap scrypt for repositories the tests create themselves. */
    static final ScryptParams FAST_KDF = new ScryptParams(1024, 8, 1);

    final Path dir;
    final Path repo;
    final Path source;
    final Map<String, String> env = new HashMap<>();

    Fixture(Path dir) throws IOException {
        this.dir = dir;
        this.repo = dir.resolve("repo");
        this.source = dir.resolve("source");
        Files.createDirectories(source.resolve("sub"));
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        Files.write(source.resolve("data.bin"), data);
        Files.writeString(source.resolve("sub/notes.txt"), "a file in a folder\n");
        env.put("HOSTNAME", POD);
        env.put("RESTIC_REPOSITORY", repo.toString());
        env.put("RESTIC_PASSWORD", PASSWORD);
        env.put("RESTIC_SOURCE", source.toString());
        env.put("CHECK_CRON", "off");
        env.put("PRUNE_ENABLED", "false");
        env.put("METRICS_PORT", "off");
        env.put("SHUTDOWN_GRACE", "5s");
    }

    AgentConfig config() throws IOException {
        return new ConfigLoader(FileSystems.getDefault(), () -> POD).load(env);
    }

    Environment environment() {
        return new Environment(Map.copyOf(env), POD, "tester", 1000, 1000, ProcessHandle.current().pid(), dir);
    }

    Services services() {
        return services(BackendOpener.standard(environment()));
    }

    Services services(BackendOpener backends) {
        return new Services(Clock.systemUTC(), new SecureRandom(), environment(), backends, new OkHttpClient(),
                dir.resolve("tmp"), Optional.empty(), pid -> ProcessHandle.of(pid).isPresent(), Duration.ZERO);
    }

    /** Creates the repository with {@code password}. */
    Repository init(String password) throws IOException {
        return Repository.init(new LocalBackend(repo), password.toCharArray(), FAST_KDF, new SecureRandom(),
                Clock.systemUTC(), "tester", POD);
    }

    Repository open() throws IOException {
        Repository r = Repository.open(new LocalBackend(repo), PASSWORD.toCharArray(), new SecureRandom());
        r.loadIndex();
        return r;
    }
}
