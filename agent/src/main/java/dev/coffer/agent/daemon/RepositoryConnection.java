package dev.coffer.agent.daemon;

import dev.coffer.agent.app.Backends;
import dev.coffer.agent.app.LockRefresh;
import dev.coffer.agent.app.Password;
import dev.coffer.agent.config.JobConfig;
import dev.coffer.repo.backend.RequestCounts;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.lock.LockOwner;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.lock.RepositoryLockedException;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.repository.NoRepositoryException;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's access to a job's repository: the backend stack (opened in the constructor, closed by
 * {@link #close()}, which reports the storage requests this run made), opening (or, with
 * AUTO_INIT, creating) the repository, and locking it after removing stale locks.
 */
final class RepositoryConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryConnection.class);

    private final RunSettings settings;
    private final JobConfig job;
    private final Backends.Stack stack;
    private final Consumer<RequestCounts> requests;
    private int staleLocksRemoved;

    /**
     * @param requests receives the requests this run sent, at {@link #close()}
     */
    RepositoryConnection(RunSettings settings, JobConfig job, Consumer<RequestCounts> requests) throws IOException {
        this.settings = settings;
        this.job = job;
        this.requests = requests;
        try {
            this.stack = settings.services().backends().open(job.repository());
        } catch (IOException e) {
            throw new IOException("cannot use the repository " + Failures.redacted(job.repository()) + ": "
                    + Failures.message(e), e);
        }
    }

    /**
     * Opens the repository. Only when it truly does not exist (no config file) and AUTO_INIT is
     * set, it is created; any other failure (unreachable, wrong password) is reported as it is.
     */
    Repository open() throws IOException {
        char[] password = password();
        try {
            try {
                return Repository.open(stack.backend(), password, settings.services().random());
            } catch (NoRepositoryException e) {
                if (!settings.config().autoInit()) {
                    throw new NoRepositoryException("there is no repository at " + Failures.redacted(job.repository())
                            + "; check RESTIC_REPOSITORY, or set AUTO_INIT=true to create it");
                }
            }
            LOG.info("no repository at {}: creating it (AUTO_INIT=true)", Failures.redacted(job.repository()));
            var env = settings.services().env();
            return Repository.init(stack.backend(), password, ScryptParams.DEFAULT, settings.services().random(),
                    settings.services().clock(), env.username(), env.hostname());
        } catch (WrongPasswordException | NoRepositoryException | CorruptDataException e) {
            throw e;
        } catch (java.io.InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot open the repository " + Failures.redacted(job.repository()) + ": "
                    + Failures.message(e) + "; check RESTIC_REPOSITORY, the network and the storage credentials", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Stale locks the last {@link #lock} removed: the traces of runs that did not finish. */
    int staleLocksRemoved() {
        return staleLocksRemoved;
    }

    /** Removes stale locks, then takes a lock (waiting up to the configured time for a conflicting one). */
    RepositoryLock lock(Repository repo, boolean exclusive) throws IOException {
        var env = settings.services().env();
        staleLocksRemoved = new StaleLocks(settings.services().clock(), settings.config().staleLockAge(), env.hostname(),
                env.pid(), settings.services().processAlive()).remove(repo);
        LockOwner owner = new LockOwner(env.hostname(), env.username(), env.pid(), Math.max(0, env.uid()),
                Math.max(0, env.gid()));
        try {
            return RepositoryLock.acquire(repo, exclusive, owner,
                    LockRefresh.policy(env, settings.services().clock(), settings.services().processAlive()),
                    settings.services().lockWait());
        } catch (RepositoryLockedException e) {
            throw new RepositoryLockedException(e.getMessage() + " (waited "
                    + settings.services().lockWait().toSeconds() + " s; the next run tries again)");
        }
    }

    /** Releases a lock even when the thread is interrupted (shutdown); failures are logged. */
    static void unlock(RepositoryLock lock) {
        if (lock == null) {
            return;
        }
        Interrupts.uninterruptibly(() -> {
            try {
                lock.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove lock {}: {}; it becomes stale after STALE_LOCK_AGE", lock.id().shortHex(),
                        e.getMessage());
            }
        });
    }

    private char[] password() throws IOException {
        if (job.password().isPresent()) {
            return job.password().get().reveal().toCharArray();
        }
        return Password.read(settings.services().env(), job.passwordFile().orElseThrow());
    }

    @Override
    public void close() {
        Interrupts.uninterruptibly(() -> {
            try {
                stack.backend().close();
            } catch (Exception e) {
                LOG.debug("closing the backend: {}", e.toString());
            }
        });
        requests.accept(stack.counter().snapshot());
    }
}
