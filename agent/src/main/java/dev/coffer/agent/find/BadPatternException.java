package dev.coffer.agent.find;

import java.io.IOException;

/** A pattern is not a valid glob (an unclosed {@code [}, a trailing backslash, an empty range). */
public final class BadPatternException extends IOException {
    public BadPatternException(String pattern) {
        super("syntax error in pattern " + pattern + ": check its brackets and backslashes");
    }
}
