package dev.coffer.agent.backend.rest;

import dev.coffer.agent.backend.InvalidOptionException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The REST backend's settings from the extended options: {@code rest.connections} (default 5)
 * and the shared {@code cacert} (a PEM file of CAs to trust instead of the system's).
 */
public record RestOptions(int connections, Path caCert) {
    public static final RestOptions DEFAULTS = new RestOptions(5, null);

    public RestOptions {
        if (connections < 1) {
            throw new IllegalArgumentException("rest.connections must be at least 1, got " + connections);
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
            } else if (e.getKey().startsWith("rest.")) {
                throw new InvalidOptionException("unknown option " + e.getKey()
                        + "; the rest backend knows rest.connections and cacert");
            }
        }
        String ca = options.get("cacert");
        return new RestOptions(connections, ca == null || ca.isBlank() ? null : Path.of(ca.trim()));
    }
}
