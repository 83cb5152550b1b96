package dev.coffer.repo.backend;

class InMemoryBackendContractTest extends BackendContractTest {
    @Override
    protected Backend newBackend() {
        return new InMemoryBackend();
    }
}
