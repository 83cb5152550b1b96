package dev.coffer.agent.hooks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRE_BACKUP_COMMAND and POST_BACKUP_COMMAND: each runs with {@code /bin/sh -c} and the agent's
 * environment (the configuration's variables, secrets included: the command may need them) plus COFFER_JOB, COFFER_PHASE ({@code pre}/{@code post}) and, after the backup,
 * COFFER_STATUS ({@code success}/{@code failure}) and COFFER_SNAPSHOT_ID. Its output is logged
 * line by line. A non-zero exit or a run longer than the timeout fails the hook; the process
 * (and its children) is killed on timeout and at shutdown.
 */
final class CommandHook implements Hook {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHook.class);
    static final String SHELL = "/bin/sh";
    private static final int TAIL_LINES = 5;

    private final String job;
    private final Optional<String> pre;
    private final Optional<String> post;
    private final Duration timeout;
    private final Map<String, String> env;

    CommandHook(String job, Optional<String> pre, Optional<String> post, Duration timeout, Map<String, String> env) {
        this.job = Objects.requireNonNull(job, "job");
        this.pre = Objects.requireNonNull(pre, "pre");
        this.post = Objects.requireNonNull(post, "post");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.env = Map.copyOf(env);
    }

    @Override
    public BackupPlan before(BackupPlan plan) throws HookException, InterruptedException {
        if (pre.isPresent()) {
            run("PRE_BACKUP_COMMAND", pre.get(), Map.of("COFFER_PHASE", "pre"));
        }
        return plan;
    }

    @Override
    public void after(Outcome outcome) throws HookException, InterruptedException {
        if (post.isPresent()) {
            run("POST_BACKUP_COMMAND", post.get(), Map.of("COFFER_PHASE", "post", "COFFER_STATUS", outcome.status(),
                    "COFFER_SNAPSHOT_ID", outcome.snapshotId().orElse("")));
        }
    }

    private void run(String setting, String command, Map<String, String> extra) throws HookException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(SHELL, "-c", command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("COFFER_JOB", job);
        pb.environment().putAll(extra);
        LOG.info("hook {} starting job={}", setting, job);
        long started = System.nanoTime();
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new HookException(setting + " could not be started: " + e.getMessage() + "; check that "
                    + SHELL + " exists in the agent's image");
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> drain(p, setting, tail), "hook-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new HookException(setting + " did not finish within " + timeout.toSeconds()
                        + " s and was stopped; make it faster or raise HOOK_TIMEOUT");
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        reader.join(1000);
        int code = p.exitValue();
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (code != 0) {
            String last;
            synchronized (tail) {
                last = tail.isEmpty() ? "no output" : "last output: " + String.join(" | ", tail);
            }
            throw new HookException(setting + " failed with exit code " + code + " (" + last + ");"
                    + " fix the command or what it calls, the backup " + (extra.containsKey("COFFER_STATUS")
                    ? "itself has run" : "did not run"));
        }
        LOG.info("hook {} finished job={} took_ms={}", setting, job, ms);
    }

    private static void drain(Process p, String setting, Deque<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.info("hook {} output: {}", setting, line);
                synchronized (tail) {
                    tail.addLast(line.length() > 200 ? line.substring(0, 200) + "..." : line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed; its output ends here
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
