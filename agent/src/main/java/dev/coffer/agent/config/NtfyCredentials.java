package dev.coffer.agent.config;

import java.util.Optional;

/**
 * Reads NTFY_CREDS in the forms people wrote for curl: {@code -u user:password},
 * {@code --user user:password}, or plain {@code user:password} (quotes around either are removed).
 * An empty user with a token as password ({@code :tk_...}) is ntfy's documented token form and is
 * accepted as basic auth as well.
 */
final class NtfyCredentials {
    private NtfyCredentials() {
    }

    /** The basic credentials, or empty when the text is not in one of the accepted forms. */
    static Optional<NtfyAuth.Basic> parse(String text) {
        String t = unquote(text.trim());
        if (t.startsWith("--user")) {
            t = unquote(t.substring("--user".length()).trim());
        } else if (t.startsWith("-u")) {
            t = unquote(t.substring(2).trim());
        }
        int colon = t.indexOf(':');
        if (colon < 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String user = t.substring(0, colon);
        if (user.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(new NtfyAuth.Basic(user, new Secret(t.substring(colon + 1))));
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
