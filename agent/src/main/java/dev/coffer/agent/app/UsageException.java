package dev.coffer.agent.app;

import java.io.IOException;

/** The command line or environment is wrong; the message says what to change. Exit code 1. */
public class UsageException extends IOException {
    public UsageException(String message) {
        super(message);
    }
}
