package dev.coffer.repo.backend;

import java.util.Random;

/** The full decorator stack keeps the contract. */
class DecoratedBackendContractTest extends BackendContractTest {
    @Override
    protected Backend newBackend() {
        Backend counted = new CountingBackend(new MapBackend());
        Backend logged = new LoggingBackend(counted);
        Backend limited = new LimitedBackend(logged, 2);
        return new RetryingBackend(limited, RetryPolicy.DEFAULT, d -> { }, new Random(1));
    }
}
