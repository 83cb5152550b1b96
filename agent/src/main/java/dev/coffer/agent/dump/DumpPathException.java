package dev.coffer.agent.dump;

import java.io.IOException;

/** The path given to {@code dump} does not exist in the snapshot or has the wrong type. */
public final class DumpPathException extends IOException {
    public DumpPathException(String message) {
        super(message);
    }
}
