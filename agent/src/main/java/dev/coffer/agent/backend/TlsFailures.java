package dev.coffer.agent.backend;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Recognises a server certificate that TLS verification rejected (unknown CA, expired, wrong host
 * name). Verification is always on; such a failure is permanent (retrying cannot help) and the
 * message says how to trust a private CA.
 */
public final class TlsFailures {
    private TlsFailures() {
    }

    /** The certificate failure in {@code t}'s cause chain, or null if there is none. */
    public static Throwable find(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof SSLHandshakeException || c instanceof SSLPeerUnverifiedException
                    || c instanceof CertificateException) {
                return c;
            }
        }
        return null;
    }

    /**
     * One line: what failed, why, and what to do, e.g. "load config: the server's TLS certificate
     * is not trusted (PKIX path building failed ...); if a private CA signed it, pass its
     * certificate with --cacert FILE (or -o cacert=FILE, or RESTIC_CACERT=FILE)".
     */
    public static String message(String what, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return what + ": the server's TLS certificate is not trusted (" + why.replace('\n', ' ')
                + "); if a private CA signed it, pass its certificate with --cacert FILE (or -o cacert=FILE, or RESTIC_CACERT=FILE)";
    }
}
