package dev.coffer.agent.cli;

import dev.coffer.agent.config.AgentConfig;
import dev.coffer.agent.config.ConfigException;
import dev.coffer.agent.config.ConfigLoader;
import dev.coffer.agent.config.ConfigPrinter;
import dev.coffer.agent.daemon.BackendOpener;
import dev.coffer.agent.daemon.Capabilities;
import dev.coffer.agent.daemon.Daemon;
import dev.coffer.agent.daemon.RetentionRunner;
import dev.coffer.agent.daemon.Secrets;
import dev.coffer.agent.daemon.Services;
import dev.coffer.agent.daemon.StopSignals;
import dev.coffer.agent.logging.AgentLogging;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import okhttp3.OkHttpClient;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agent}: the sidecar. Reads the configuration from the environment (and COFFER_CONFIG),
 * reports every problem at once (exit 1), then runs the schedules until SIGTERM/SIGINT and stops
 * in order (exit 0); {@code --once} backs up every job once and exits with the backup's code;
 * {@code --print-config} shows the effective configuration with secrets masked.
 */
@Command(name = "agent", description = "Run the backup agent: scheduled backups, checks and restore drills, "
        + "Prometheus metrics and ntfy notifications, configured by environment variables")
final class AgentCommand implements Callable<Integer> {
    @Option(names = "--print-config", description = "print the effective configuration (secrets masked) and exit")
    boolean printConfig;

    @Option(names = "--once", description = "back up every job once (with forget/prune when configured) and exit"
            + " with the backup's exit code")
    boolean once;

    private final Context ctx;

    AgentCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** restic's forget and prune for the daemon; prune writes packs of {@code packSize} bytes. */
    static Optional<RetentionRunner> retention(int packSize) {
        return Optional.of(new dev.coffer.agent.daemon.ResticRetention(java.time.Clock.systemDefaultZone(), packSize));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = ctx.env().env();
        List<String> problems = new ArrayList<>();
        Optional<AgentConfig> loaded = Optional.empty();
        try {
            loaded = Optional.of(new ConfigLoader(FileSystems.getDefault(), ctx.env()::hostname).load(env));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(Capabilities.problems(env, loaded, retention(dev.coffer.repo.repository.PackSize.DEFAULT).isPresent()));
        String levelText = env.getOrDefault("LOG_LEVEL", "").trim();
        Optional<Level> level = levelText.isEmpty() ? Optional.of(Level.INFO) : AgentLogging.level(levelText);
        if (level.isEmpty()) {
            problems.add("LOG_LEVEL: must be debug, info, warn or error, got '" + levelText + "'");
        }
        if (!problems.isEmpty()) {
            ctx.err().println("Fatal: " + new ConfigException(problems).getMessage());
            return ExitCodes.FAILED;
        }
        AgentConfig config = loaded.orElseThrow();
        if (printConfig) {
            ctx.out().print(ConfigPrinter.render(config));
            return ExitCodes.OK;
        }
        AgentLogging.configure(config.logFormat(), level.get(), Secrets.of(config));
        Services services = new Services(ctx.clock(), ctx.random(), ctx.env(),
                BackendOpener.standard(ctx.env(), config.cacheDir().orElse(null)),
                new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).build(),
                Path.of(System.getProperty("java.io.tmpdir")), retention(config.packSize()),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), Duration.ofMinutes(1));
        Daemon daemon = Daemon.create(config, services);
        return once ? runOnce(daemon) : runUntilStopped(daemon);
    }

    /** --once: a signal interrupts the run, which then stops cleanly (lock removed, uploads indexed). */
    private static int runOnce(Daemon daemon) {
        Thread main = Thread.currentThread();
        try (StopSignals signals = StopSignals.install(main::interrupt)) {
            return daemon.runOnce();
        } finally {
            Thread.interrupted();
        }
    }

    private static int runUntilStopped(Daemon daemon) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            daemon.stop();
        }, "coffer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (StopSignals signals = StopSignals.install(stop::countDown)) {
            try {
                daemon.start();
            } catch (java.io.IOException e) {
                daemon.stop();
                throw new java.io.IOException("cannot serve metrics on METRICS_PORT: " + e.getMessage()
                        + "; choose a free port or set METRICS_PORT=off", e);
            }
            stop.await();
            return daemon.stop() ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook finishes the stop
            }
        }
    }
}
