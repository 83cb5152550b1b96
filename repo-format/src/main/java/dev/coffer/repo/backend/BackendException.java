package dev.coffer.repo.backend;

import java.io.IOException;

/**
 * A storage operation failed. {@link #isPermanent()} tells retry decorators whether trying again
 * can help (a timeout or a 503 can; bad credentials or a missing bucket cannot).
 */
public class BackendException extends IOException {
    private final boolean permanent;

    public BackendException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public BackendException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
