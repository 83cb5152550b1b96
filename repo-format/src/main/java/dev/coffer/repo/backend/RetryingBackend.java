package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries failed requests with exponential backoff and full jitter. Retries transient
 * {@link BackendException}s and any other {@link IOException}; never a permanent one (which
 * includes {@link NotFoundException}), nor a {@link RuntimeException}.
 *
 * <p>Until some request has succeeded, a failure to connect at all ({@link ConnectFailures}) is
 * retried only by the short {@code firstContact} policy: a server that never answered is more
 * likely a wrong address than a restart, and the user should hear so within seconds, not after
 * minutes of backoff. Once the server has answered, the full policy applies to every failure.
 *
 * <p>Saves may be retried because the contract makes them atomic and idempotent. A retried
 * {@link #list} does not report a name twice: names already passed to the consumer are skipped.
 */
public final class RetryingBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingBackend.class);

    private final Backend inner;
    private final RetryPolicy policy;
    private final RetryPolicy firstContact;
    private final Sleeper sleeper;
    private final Random random;
    private final AtomicBoolean answered = new AtomicBoolean();

    public RetryingBackend(Backend inner, RetryPolicy policy, RetryPolicy firstContact, Sleeper sleeper,
            Random random) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.firstContact = Objects.requireNonNull(firstContact, "firstContact");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@code policy} for every failure, also before the first answer. */
    public RetryingBackend(Backend inner, RetryPolicy policy, Sleeper sleeper, Random random) {
        this(inner, policy, policy, sleeper, random);
    }

    /** The default policies, real sleeps. */
    public RetryingBackend(Backend inner) {
        this(inner, RetryPolicy.DEFAULT, RetryPolicy.FIRST_CONTACT, Sleeper.SYSTEM, new Random());
    }

    /** One request that may be repeated. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T retry(String what, Call<T> call) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.run();
                answered.set(true);
                return result;
            } catch (IOException e) {
                RetryPolicy p = answered.get() || ConnectFailures.find(e) == null ? policy : firstContact;
                if (!isRetryable(e) || attempt >= p.maxAttempts()) {
                    throw e;
                }
                long delay = nextDelayMillis(p, attempt);
                LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}",
                        what, attempt, p.maxAttempts(), delay, e.toString());
                pause(delay, e);
            }
        }
    }

    static boolean isRetryable(IOException e) {
        if (e instanceof BackendException be) {
            return !be.isPermanent();
        }
        return true;
    }

    private long nextDelayMillis(RetryPolicy p, int retry) {
        long cap = p.capMillis(retry);
        if (cap <= 0) {
            return 0;
        }
        synchronized (random) {
            return (long) (random.nextDouble() * cap);
        }
    }

    private void pause(long millis, IOException cause) throws InterruptedIOException {
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            InterruptedIOException ex = new InterruptedIOException("interrupted while waiting to retry");
            ex.addSuppressed(cause);
            throw ex;
        }
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        retry("save " + handle, () -> {
            inner.save(handle, data, off, len);
            return null;
        });
    }

    @Override
    public java.nio.file.Path stagingDir() {
        return inner.stagingDir();
    }

    @Override
    public void saveFile(FileHandle handle, java.nio.file.Path staged) throws IOException {
        retry("save " + handle, () -> {
            inner.saveFile(handle, staged);
            return null;
        });
    }

    @Override
    public int loadInto(FileHandle handle, long offset, int length, byte[] dst) throws IOException {
        return retry("load " + handle, () -> inner.loadInto(handle, offset, length, dst));
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        return retry("load " + handle, () -> inner.load(handle, offset, length));
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        return retry("stat " + handle, () -> inner.stat(handle));
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        retry("list " + type.dir(), () -> {
            inner.list(type, fi -> {
                if (seen.add(fi.name())) {
                    consumer.accept(fi);
                }
            });
            return null;
        });
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        retry("remove " + handle, () -> {
            inner.remove(handle);
            return null;
        });
    }

    @Override
    public boolean exists() throws IOException {
        return retry("exists", inner::exists);
    }

    @Override
    public void create() throws IOException {
        retry("create", () -> {
            inner.create();
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
