package dev.coffer.agent.cli;

import dev.coffer.agent.app.Environment;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;

/** What commands need from outside: environment, clock, randomness and the output streams. */
public record Context(Environment env, Clock clock, SecureRandom random, PrintStream out, PrintStream err) {
}
