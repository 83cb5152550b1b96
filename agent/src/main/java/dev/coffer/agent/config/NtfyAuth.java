package dev.coffer.agent.config;

import java.util.Objects;

/** How the agent authenticates to the ntfy server. */
public sealed interface NtfyAuth {

    /** No authentication (public topic). */
    record None() implements NtfyAuth {
    }

    /** HTTP basic authentication (NTFY_CREDS, {@code user:password} or curl's {@code -u user:password}). */
    record Basic(String user, Secret password) implements NtfyAuth {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    /** A bearer access token (NTFY_TOKEN, {@code tk_...}). */
    record Bearer(Secret token) implements NtfyAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }
    }
}
