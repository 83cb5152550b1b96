package dev.coffer.agent.backend.rest;

import dev.coffer.agent.backend.CaCertificates;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.TimeoutOption;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.NotFoundException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** The HTTP client for one REST repository, and the meaning of its status codes. */
final class RestHttp {
    static final String V2 = "application/vnd.x.restic.rest.v2";

    private RestHttp() {
    }

    /** Preemptive basic auth and the v2 Accept header on every request; pooled connections. */
    static OkHttpClient client(RepositoryLocation.Rest loc, RestOptions opts) throws IOException {
        String auth = loc.hasCredentials()
                ? Credentials.basic(loc.user(), loc.password() == null ? "" : loc.password())
                : null;
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(opts.connections(), 5, TimeUnit.MINUTES))
                .connectTimeout(TimeoutOption.connectTimeout(opts.timeout()))
                .readTimeout(opts.timeout())
                .writeTimeout(opts.timeout())
                .addInterceptor(chain -> {
                    var req = chain.request().newBuilder().header("Accept", V2);
                    if (auth != null) {
                        req.header("Authorization", auth);
                    }
                    return chain.proceed(req.build());
                });
        if (opts.caCert() != null) {
            X509TrustManager tm = CaCertificates.trustManager(opts.caCert());
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {tm}, null);
                b.sslSocketFactory(ctx.getSocketFactory(), tm);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot set up TLS with " + opts.caCert() + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /**
     * An unsuccessful response as an exception: 404 is {@link NotFoundException}; 401, 403, 416,
     * 507 and other 4xx are permanent; 5xx (but 501), 408 and 429 are transient.
     */
    static BackendException error(String what, Response r) {
        int code = r.code();
        String detail = what + ": HTTP " + code + (r.message().isEmpty() ? "" : " " + r.message());
        if (code == 404) {
            return new NotFoundException(detail);
        }
        String hint = switch (code) {
            case 401 -> "; check the user and password in the repository URL";
            case 403 -> "; the server refused: is it append-only, or is the repository private to another user?";
            case 507 -> "; the server is out of space or over its quota";
            default -> "";
        };
        boolean transientCode = (code >= 500 && code != 501 && code != 507) || code == 408 || code == 429;
        return new BackendException(detail + hint, !transientCode);
    }
}
