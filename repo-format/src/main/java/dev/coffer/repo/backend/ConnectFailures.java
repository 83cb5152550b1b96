package dev.coffer.repo.backend;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Recognises failures to reach a server at all (connection refused, unknown host, no route, connect
 * timed out), as opposed to a server that answered badly or broke off a transfer. Such failures are
 * transient (a server may be restarting) but, before a server ever answered, more likely mean a
 * wrong address.
 */
public final class ConnectFailures {
    private ConnectFailures() {
    }

    /** The connect-level cause in {@code t}'s cause chain, or null if there is none. */
    public static Throwable find(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException) {
                return c;
            }
            if (c instanceof SocketTimeoutException && c.getMessage() != null
                    && c.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return c;
            }
        }
        return null;
    }

    /**
     * A one-line message for a request that could not connect: what failed, why, and what to check,
     * e.g. "load config: cannot connect (Connection refused); check the host and port in the
     * repository string and that the server is running".
     */
    public static String message(String what, Throwable connectFailure) {
        String why = connectFailure.getMessage();
        if (connectFailure instanceof UnknownHostException) {
            why = "unknown host " + why;
        } else if (why == null || why.isBlank()) {
            why = connectFailure.getClass().getSimpleName();
        }
        return what + ": cannot connect (" + why + "); check the host and port in the repository string "
                + "and that the server is running";
    }
}
