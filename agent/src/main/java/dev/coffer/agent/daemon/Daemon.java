package dev.coffer.agent.daemon;

import dev.coffer.agent.config.AgentConfig;
import dev.coffer.agent.config.JobConfig;
import dev.coffer.agent.metrics.CofferMetrics;
import dev.coffer.agent.metrics.MetricsPusher;
import dev.coffer.agent.metrics.MetricsServer;
import dev.coffer.agent.notify.Notifier;
import dev.coffer.agent.notify.NtfyNotifier;
import dev.coffer.agent.schedule.Operation;
import dev.coffer.agent.schedule.RunResult;
import dev.coffer.agent.schedule.ScheduledJob;
import dev.coffer.agent.schedule.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent: every job's operations on their schedules, the metrics endpoint, and an orderly stop.
 * {@link #start()} once, then {@link #stop()} once (from a signal or shutdown hook); or
 * {@link #runOnce()} for {@code --once}. Thread-safe.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** How long stop() waits, after the scheduler gave up, for interrupted runs to clean up. */
    static final Duration CLEANUP_WAIT = Duration.ofSeconds(15);

    private final AgentConfig config;
    private final Services services;
    private final CofferMetrics metrics = new CofferMetrics();
    private final RunSettings settings;
    private final ActiveRuns active = new ActiveRuns();
    private final Scheduler scheduler;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile boolean ready;
    private volatile MetricsServer server;

    private Daemon(AgentConfig config, Services services) {
        this.config = Objects.requireNonNull(config, "config");
        this.services = Objects.requireNonNull(services, "services");
        Optional<MetricsPusher> pusher = config.pushgateway().enabled()
                ? Optional.of(new MetricsPusher(config.pushgateway(), metrics.registry())) : Optional.empty();
        Notifier notifier = config.ntfy().enabled()
                ? new NtfyNotifier(config.ntfy(), services.http().newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(15)).build(), config.hostname(), Secrets.of(config))
                : Notifier.NONE;
        RunReporter reporter = new RunReporter(metrics, pusher, notifier, () -> stopping);
        this.settings = new RunSettings(config, services, reporter);
        this.scheduler = new Scheduler(services.clock(), jobs(), reporter, config.shutdownGrace());
    }

    public static Daemon create(AgentConfig config, Services services) {
        return new Daemon(config, services);
    }

    private List<ScheduledJob> jobs() {
        List<ScheduledJob> out = new ArrayList<>();
        for (JobConfig job : config.jobs()) {
            String group = job.repository();
            out.add(scheduled(job, Operation.BACKUP, group, job.backupSchedule(), new BackupRunner(settings, job)));
            job.checkSchedule().ifPresent(s -> out.add(scheduled(job, Operation.CHECK, group, s,
                    new CheckRunner(settings, job))));
            job.restoreTestSchedule().ifPresent(s -> out.add(scheduled(job, Operation.RESTORE_TEST, group, s,
                    new DrillRunner(settings, job))));
            if (services.retention().isPresent()) {
                job.pruneSchedule().ifPresent(s -> out.add(scheduled(job, Operation.PRUNE, group, s,
                        new PruneRunner(settings, job, services.retention().get()))));
            }
        }
        return out;
    }

    private ScheduledJob scheduled(JobConfig job, Operation op, String group,
            dev.coffer.agent.schedule.Schedule schedule, Runner runner) {
        return new ScheduledJob(job.name() + "/" + op.label(), op, group, schedule, active.track(runner));
    }

    /** Serves the metrics (when METRICS_PORT is not off), starts scheduling, runs RUN_ON_START backups. */
    public void start() throws IOException {
        if (config.metricsPort().isPresent()) {
            server = MetricsServer.start(metrics.registry(), config.metricsPort().getAsInt(), () -> ready && !stopping);
        }
        scheduler.start();
        if (config.runOnStart()) {
            for (JobConfig job : config.jobs()) {
                scheduler.runNow(job.name() + "/" + Operation.BACKUP.label());
            }
        }
        ready = true;
        LOG.info("agent started host={} jobs={} metrics_port={}", config.hostname(), config.jobs().size(),
                server == null ? "off" : String.valueOf(server.port()));
    }

    /**
     * Runs every job's backup once (with forget when configured, and prune when a retention
     * runner is wired and the job has a prune schedule), reporting each run.
     *
     * @return 0 when every backup succeeded, else the first failed backup's exit code
     */
    public int runOnce() {
        int exit = 0;
        for (JobConfig job : config.jobs()) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.warn("stopped before job={}: the agent was asked to stop", job.name());
                return exit == 0 ? Failures.INTERRUPTED : exit;
            }
            RunResult r;
            active.enter();
            try {
                r = new BackupRunner(settings, job).run(services.clock().instant());
            } finally {
                active.exit();
            }
            settings.reporter().report(r);
            if (r.exitCode() != 0 && exit == 0) {
                exit = r.exitCode();
            }
            if (services.retention().isPresent() && job.pruneSchedule().isPresent()
                    && !Thread.currentThread().isInterrupted()) {
                settings.reporter().report(new PruneRunner(settings, job, services.retention().get())
                        .run(services.clock().instant()));
            }
        }
        return exit;
    }

    /**
     * Stops scheduling, gives running jobs SHUTDOWN_GRACE, interrupts them, and waits for their
     * cleanup; then closes the metrics endpoint. Idempotent.
     *
     * @return true when no run is left going
     */
    public boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return active.count() == 0;
        }
        stopping = true;
        ready = false;
        LOG.info("agent stopping: no new runs; running ones get {} s", config.shutdownGrace().toSeconds());
        boolean finished = scheduler.stop();
        boolean idle;
        try {
            idle = finished || active.awaitIdle(CLEANUP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = active.count() == 0;
        }
        MetricsServer s = server;
        if (s != null) {
            s.close();
        }
        LOG.info("agent stopped {}", idle ? "cleanly" : "with runs still going");
        return idle;
    }

    @Override
    public void close() {
        stop();
    }

    /** The port /metrics is served on, once started. */
    public OptionalInt metricsPort() {
        MetricsServer s = server;
        return s == null ? OptionalInt.empty() : OptionalInt.of(s.port());
    }
}
