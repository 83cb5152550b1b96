package dev.coffer.repo.backend;

/** The named file does not exist. Permanent. */
public class NotFoundException extends BackendException {
    public NotFoundException(String message) {
        super(message, true);
    }
}
