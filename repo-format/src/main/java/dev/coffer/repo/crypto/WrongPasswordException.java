package dev.coffer.repo.crypto;

import java.io.IOException;

/**
 * The password does not open a key file: its MAC did not verify under the derived user key.
 * The message says what to do next; it never contains the password.
 */
public class WrongPasswordException extends IOException {
    public WrongPasswordException(String message) {
        super(message);
    }

    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
