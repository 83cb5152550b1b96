package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryingBackendTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final MapBackend store = new MapBackend();
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

    private RetryingBackend retrying(Backend inner) {
        return new RetryingBackend(inner, policy, sleeps::add, new Random(7));
    }

    private static FileHandle handle(byte[] data) {
        return FileHandle.of(FileType.PACK, Id.hash(data));
    }

    @Test
    void retriesTransientFailuresUntilSuccess() throws IOException {
        byte[] data = {1, 2, 3};
        FileHandle h = handle(data);
        FlakyBackend flaky = new FlakyBackend(store, 3, new BackendException("503 slow down", false));
        retrying(flaky).save(h, data);
        assertEquals(4, flaky.calls.get());
        assertEquals(3, sleeps.size());
        assertArrayEquals(data, store.files.get(h));
    }

    @Test
    void plainIOExceptionsAreTransient() throws IOException {
        byte[] data = {4};
        store.save(handle(data), data, 0, 1);
        FlakyBackend flaky = new FlakyBackend(store, 2, new SocketTimeoutException("read timed out"));
        assertArrayEquals(data, retrying(flaky).load(handle(data)));
        assertEquals(3, flaky.calls.get());
    }

    @Test
    void delaysGrowExponentiallyWithFullJitterAndAreCapped() throws IOException {
        FlakyBackend flaky = new FlakyBackend(store, 4, new IOException("reset"));
        retrying(flaky).create();
        assertEquals(4, sleeps.size());
        long[] caps = {100, 200, 400, 800};
        for (int i = 0; i < 4; i++) {
            long ms = sleeps.get(i).toMillis();
            assertTrue(ms >= 0 && ms < caps[i], "retry " + (i + 1) + " slept " + ms);
        }
        assertEquals(1000, policy.capMillis(5));
        assertEquals(1000, policy.capMillis(60));
        assertEquals(60_000, RetryPolicy.DEFAULT.capMillis(1000));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        IOException boom = new BackendException("500 internal", false);
        FlakyBackend flaky = new FlakyBackend(store, 100, boom);
        IOException e = assertThrows(IOException.class, () -> retrying(flaky).stat(FileHandle.config()));
        assertSame(boom, e);
        assertEquals(5, flaky.calls.get());
        assertEquals(4, sleeps.size());
    }

    @Test
    void neverRetriesPermanentFailures() {
        BackendException denied = new BackendException("403 access denied", true);
        FlakyBackend flaky = new FlakyBackend(store, 1, denied);
        assertSame(denied, assertThrows(BackendException.class, () -> retrying(flaky).remove(FileHandle.config())));
        assertEquals(1, flaky.calls.get());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void neverRetriesNotFound() {
        FlakyBackend flaky = new FlakyBackend(store, 0, null);
        assertThrows(NotFoundException.class, () -> retrying(flaky).load(FileHandle.config()));
        assertEquals(1, flaky.calls.get());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void runtimeExceptionsPassStraightThrough() {
        Backend broken = new MapBackend() {
            @Override
            public FileInfo stat(FileHandle handle) {
                throw new IllegalStateException("bug");
            }
        };
        assertThrows(IllegalStateException.class, () -> retrying(broken).stat(FileHandle.config()));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void retriedListDoesNotRepeatNames() throws IOException {
        for (int i = 0; i < 5; i++) {
            byte[] d = {(byte) i};
            store.save(handle(d), d, 0, 1);
        }
        FlakyBackend flaky = new FlakyBackend(store, 2, new IOException("connection reset"));
        List<String> names = new ArrayList<>();
        retrying(flaky).list(FileType.PACK, fi -> names.add(fi.name()));
        assertEquals(5, names.size());
        assertEquals(5, names.stream().distinct().count());
        assertEquals(3, flaky.calls.get());
    }

    @Test
    void interruptDuringBackoffStopsRetrying() {
        FlakyBackend flaky = new FlakyBackend(store, 3, new IOException("reset"));
        RetryingBackend r = new RetryingBackend(flaky, policy, d -> {
            throw new InterruptedException();
        }, new Random(1));
        assertThrows(InterruptedIOException.class, () -> r.create());
        assertTrue(Thread.interrupted());
        assertEquals(1, flaky.calls.get());
    }

    @Test
    void anUnreachableServerThatNeverAnsweredGetsOnlyTheShortPolicy() {
        RetryPolicy shortPolicy = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));
        IOException refused = new BackendException("load config: cannot connect", false,
                new java.net.ConnectException("Connection refused"));
        FlakyBackend flaky = new FlakyBackend(store, 100, refused);
        RetryingBackend r = new RetryingBackend(flaky, policy, shortPolicy, sleeps::add, new Random(3));
        assertSame(refused, assertThrows(IOException.class, () -> r.stat(FileHandle.config())));
        assertEquals(2, flaky.calls.get());
        assertEquals(1, sleeps.size());
    }

    @Test
    void onceTheServerAnsweredConnectFailuresGetTheFullPolicy() throws IOException {
        byte[] data = {9};
        store.save(handle(data), data, 0, 1);
        RetryPolicy shortPolicy = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));
        IOException refused = new java.net.ConnectException("Connection refused");
        FlakyBackend flaky = new FlakyBackend(store, 0, refused);
        RetryingBackend r = new RetryingBackend(flaky, policy, shortPolicy, sleeps::add, new Random(3));
        r.load(handle(data));
        FlakyBackend later = new FlakyBackend(store, 100, refused);
        RetryingBackend again = new RetryingBackend(later, policy, shortPolicy, sleeps::add, new Random(3));
        assertThrows(IOException.class, () -> again.stat(FileHandle.config()));
        assertEquals(2, later.calls.get(), "a fresh backend that never got an answer");
        flaky.failNext(100);
        assertThrows(IOException.class, () -> r.stat(FileHandle.config()));
        assertEquals(1 + 5, flaky.calls.get(), "the full policy's 5 attempts after the first answer");
    }

    @Test
    void serverErrorsBeforeTheFirstAnswerGetTheFullPolicy() {
        RetryPolicy shortPolicy = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));
        FlakyBackend flaky = new FlakyBackend(store, 100, new BackendException("503 slow down", false));
        RetryingBackend r = new RetryingBackend(flaky, policy, shortPolicy, sleeps::add, new Random(3));
        assertThrows(IOException.class, () -> r.stat(FileHandle.config()));
        assertEquals(5, flaky.calls.get());
    }

    @Test
    void connectFailuresAreFoundInTheCauseChain() {
        assertTrue(ConnectFailures.find(new IOException("x", new java.net.UnknownHostException("minio.local"))) != null);
        assertTrue(ConnectFailures.find(new java.net.SocketTimeoutException("Connect timed out")) != null);
        assertEquals(null, ConnectFailures.find(new java.net.SocketTimeoutException("Read timed out")));
        assertEquals(null, ConnectFailures.find(new IOException("Connection reset")));
        assertEquals("load config: cannot connect (unknown host minio.local); check the host and port in the "
                + "repository string and that the server is running",
                ConnectFailures.message("load config", new java.net.UnknownHostException("minio.local")));
    }

    @Test
    void policyRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
