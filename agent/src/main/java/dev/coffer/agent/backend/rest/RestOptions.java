package dev.coffer.agent.backend.rest;

import dev.coffer.agent.backend.InvalidOptionException;
import dev.coffer.agent.backend.TimeoutOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The REST backend's settings from the extended options: {@code rest.connections} (default 5),
 * {@code rest.timeout} (how long a request may make no progress, see {@link TimeoutOption}) and
 * the shared {@code cacert} (a PEM file of CAs to trust instead of the system's).
 */
public record RestOptions(int connections, Path caCert, Duration timeout) {
    public static final RestOptions DEFAULTS = new RestOptions(5, null, TimeoutOption.DEFAULT);

    public RestOptions {
        if (connections < 1) {
            throw new IllegalArgumentException("rest.connections must be at least 1, got " + connections);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("rest.timeout must be positive, got " + timeout);
        }
    }

    public static RestOptions from(Map<String, String> options) throws InvalidOptionException {
        int connections = 5;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equals("rest.connections")) {
                try {
                    connections = Integer.parseInt(e.getValue().trim());
                } catch (NumberFormatException ex) {
                    connections = 0;
                }
                if (connections < 1) {
                    throw new InvalidOptionException("rest.connections must be a positive number, got " + e.getValue());
                }
            } else if (e.getKey().startsWith("rest.") && !e.getKey().equals("rest.timeout")) {
                throw new InvalidOptionException("unknown option " + e.getKey()
                        + "; the rest backend knows rest.connections, rest.timeout and cacert");
            }
        }
        String ca = options.get("cacert");
        return new RestOptions(connections, ca == null || ca.isBlank() ? null : Path.of(ca.trim()),
                TimeoutOption.parse("rest.timeout", options.get("rest.timeout")));
    }
}
