package dev.coffer.agent.backend;

import java.io.IOException;

/** A repository string could not be understood; the message says what is accepted. */
public class InvalidLocationException extends IOException {
    public InvalidLocationException(String message) {
        super(message);
    }
}
