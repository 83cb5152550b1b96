package dev.coffer.agent.backend;

import java.io.IOException;

/** An extended option ({@code -o key=value}) has an unknown key or a bad value. */
public class InvalidOptionException extends IOException {
    public InvalidOptionException(String message) {
        super(message);
    }
}
