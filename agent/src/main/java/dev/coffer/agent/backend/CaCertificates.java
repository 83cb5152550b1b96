package dev.coffer.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for servers with a private certificate authority (restic's {@code --cacert}): the
 * certificates in a PEM or DER file replace the system's roots.
 */
public final class CaCertificates {
    private CaCertificates() {
    }

    /** A trust manager that accepts exactly the CAs in {@code file}. */
    public static X509TrustManager trustManager(Path file) throws IOException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read CA certificates from " + file + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IOException("no certificates in " + file + "; expected PEM (BEGIN CERTIFICATE) or DER");
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JVM offers no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use CA certificates from " + file + ": " + e.getMessage(), e);
        }
    }
}
