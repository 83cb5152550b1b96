package dev.coffer.repo.model;

import java.io.IOException;

/**
 * Stored bytes failed verification: a MAC mismatch, a hash that does not match its id, or a
 * structure that does not parse. The repository needs {@code check}; the data is not trusted.
 */
public class CorruptDataException extends IOException {
    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
