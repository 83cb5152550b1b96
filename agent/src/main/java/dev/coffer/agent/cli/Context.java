package dev.coffer.agent.cli;

import dev.coffer.agent.app.Environment;
import dev.coffer.agent.app.Password;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * What commands need from outside: environment, clock, randomness, the output streams, and where
 * the repository password comes from ({@link Password#read} unless a test hands in its own arrays
 * to check that every command wipes them).
 */
public record Context(Environment env, Clock clock, SecureRandom random, PrintStream out, PrintStream err,
        Password.Source passwords) {
    public Context {
        Objects.requireNonNull(passwords, "passwords");
    }

    /** With the standard password sources (file, RESTIC_PASSWORD_FILE, RESTIC_PASSWORD, terminal). */
    public Context(Environment env, Clock clock, SecureRandom random, PrintStream out, PrintStream err) {
        this(env, clock, random, out, err, Password::read);
    }
}
