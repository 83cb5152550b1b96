package dev.coffer.agent.hooks;

import java.io.IOException;

/** A hook failed; the message names the hook and the setting to check. Exit code 1. */
public final class HookException extends IOException {
    private static final long serialVersionUID = 1L;

    public HookException(String message) {
        super(message);
    }

    public HookException(String message, Throwable cause) {
        super(message, cause);
    }
}
