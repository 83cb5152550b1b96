package dev.coffer.repo.backend;

/** Checks the contract test itself against the simplest backend. */
class MapBackendContractTest extends BackendContractTest {
    @Override
    protected Backend newBackend() {
        return new MapBackend();
    }
}
