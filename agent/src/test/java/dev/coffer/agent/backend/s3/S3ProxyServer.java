package dev.coffer.agent.backend.s3;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/** An in-memory S3 server (S3Proxy over jclouds' transient store) on a free loopback port. */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "coffer-test-access";
    public static final String SECRET_KEY = "coffer-test-secret-key-0123456789";

    static {
        for (String noisy : new String[] {"org.gaul", "org.eclipse.jetty", "org.jclouds", "jclouds"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
        }
    }

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
    }

    public static S3ProxyServer start() throws Exception {
        return start(null, null, UnaryOperator.identity());
    }

    /** Starts S3Proxy over the in-memory store as {@code decorate} wraps it (a test's spy or gate). */
    public static S3ProxyServer start(UnaryOperator<BlobStore> decorate) throws Exception {
        return start(null, null, decorate);
    }

    /**
     * Serves HTTPS only, with the key and certificate in {@code keyStore} (PKCS12); see
     * {@link #endpoint()}.
     */
    public static S3ProxyServer startHttps(java.nio.file.Path keyStore, String password) throws Exception {
        return start(keyStore, password, UnaryOperator.identity());
    }

    private static S3ProxyServer start(java.nio.file.Path keyStore, String password, UnaryOperator<BlobStore> decorate)
            throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("unused", "unused")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy.Builder b = S3Proxy.builder()
                .blobStore(decorate.apply(context.getBlobStore()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
        if (keyStore == null) {
            b.endpoint(URI.create("http://127.0.0.1:0"));
        } else {
            b.secureEndpoint(URI.create("https://127.0.0.1:0")).keyStore(keyStore.toString(), password);
        }
        S3Proxy proxy = b.build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(context, proxy);
    }

    /** {@code http://127.0.0.1:PORT}, or {@code https://...} when started with {@link #startHttps}. */
    public String endpoint() {
        return proxy.getSecurePort() > 0 ? "https://127.0.0.1:" + proxy.getSecurePort() : "http://127.0.0.1:" + proxy.getPort();
    }

    /** The store behind the server, undecorated: a test's direct view of every bucket. */
    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** The environment a client needs: matching credentials. */
    public Map<String, String> env() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
