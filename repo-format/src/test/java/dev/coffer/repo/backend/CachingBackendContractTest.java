package dev.coffer.repo.backend;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A cache in front of a backend keeps the contract. */
class CachingBackendContractTest extends BackendContractTest {
    @TempDir
    Path cache;

    @Override
    protected Backend newBackend() {
        return new CachingBackend(new MapBackend(), cache);
    }
}
