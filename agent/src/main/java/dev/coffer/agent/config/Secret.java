package dev.coffer.agent.config;

import java.util.Objects;

/**
 * A secret value (password, token, key). {@link #toString()} never reveals it, so records holding
 * secrets can be logged safely; call {@link #reveal()} only where the value is used.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }
}
