package dev.coffer.agent.backend;

import java.net.URI;
import java.util.Objects;

/**
 * A parsed repository string, as restic reads {@code -r}/{@code RESTIC_REPOSITORY}. The
 * {@link #location()} form (also {@code toString}) never shows a password.
 */
public sealed interface RepositoryLocation
        permits RepositoryLocation.Local, RepositoryLocation.S3, RepositoryLocation.Rest {

    /** The schemes this build understands. */
    String SUPPORTED = "local:/path (or a plain path), s3:[http[s]://]host[:port]/bucket[/prefix], "
            + "rest:http[s]://[user:pass@]host:port/[path]";

    /**
     * Parses {@code spec}.
     *
     * @throws InvalidLocationException if the string is malformed or names a backend this build
     *     does not support (sftp:, b2:, ...), saying which ones it does support
     */
    static RepositoryLocation parse(String spec) throws InvalidLocationException {
        return LocationParser.parse(spec);
    }

    /** The location for messages and logs, e.g. "s3:https://s3.amazonaws.com/bucket/prefix". */
    String location();

    /** A directory on this machine. */
    record Local(String path) implements RepositoryLocation {
        public Local {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty local repository path");
            }
        }

        @Override
        public String location() {
            return "local:" + path;
        }

        @Override
        public String toString() {
            return location();
        }
    }

    /**
     * An S3 bucket. {@code endpoint} is "host" or "host:port"; {@code prefix} has no leading or
     * trailing slash and is empty for the bucket's root.
     */
    record S3(String endpoint, boolean useHttp, String bucket, String prefix) implements RepositoryLocation {
        public S3 {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
            if (endpoint.isEmpty() || bucket.isEmpty()) {
                throw new IllegalArgumentException("s3 location needs an endpoint and a bucket, got "
                        + endpoint + "/" + bucket);
            }
            if (prefix.startsWith("/") || prefix.endsWith("/")) {
                throw new IllegalArgumentException("s3 prefix must not start or end with '/': " + prefix);
            }
        }

        /** The endpoint as a URL: "https://host[:port]". */
        public URI endpointUri() {
            return URI.create((useHttp ? "http://" : "https://") + endpoint);
        }

        /** True for Amazon's own endpoints (virtual-host buckets, region redirects). */
        public boolean isAws() {
            String host = endpoint.contains(":") ? endpoint.substring(0, endpoint.indexOf(':')) : endpoint;
            return host.equals("amazonaws.com") || host.endsWith(".amazonaws.com");
        }

        @Override
        public String location() {
            return "s3:" + endpointUri() + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }

        @Override
        public String toString() {
            return location();
        }
    }

    /**
     * A restic REST server. {@code url} ends with '/' and carries no user info; the credentials,
     * if any, are kept apart so that printing the URL is always safe.
     */
    record Rest(URI url, String user, String password) implements RepositoryLocation {
        public Rest {
            Objects.requireNonNull(url, "url");
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("rest url must not carry user info; pass it separately");
            }
            if (!url.getPath().endsWith("/")) {
                throw new IllegalArgumentException("rest url must end with '/': " + url);
            }
            if (password != null && user == null) {
                throw new IllegalArgumentException("rest password given without a user");
            }
        }

        public boolean hasCredentials() {
            return user != null;
        }

        @Override
        public String location() {
            if (user == null) {
                return "rest:" + url;
            }
            String auth = password == null ? user : user + ":***";
            return "rest:" + url.getScheme() + "://" + auth + "@" + url.getRawAuthority() + url.getRawPath();
        }

        @Override
        public String toString() {
            return location();
        }
    }
}
