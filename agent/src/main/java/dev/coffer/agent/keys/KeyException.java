package dev.coffer.agent.keys;

import java.io.IOException;

/** A key operation that must not happen (removing the key in use) or names no single key. */
public final class KeyException extends IOException {
    public KeyException(String message) {
        super(message);
    }
}
