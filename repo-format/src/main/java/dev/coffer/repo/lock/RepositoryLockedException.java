package dev.coffer.repo.lock;

import java.io.IOException;

/** Another process holds a lock that conflicts with the one requested. */
public class RepositoryLockedException extends IOException {
    public RepositoryLockedException(String message) {
        super(message);
    }
}
