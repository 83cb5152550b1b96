package dev.coffer.repo.repository;

import java.io.IOException;

/** There is no repository at the given location (no config file). */
public class NoRepositoryException extends IOException {
    public NoRepositoryException(String message) {
        super(message);
    }
}
