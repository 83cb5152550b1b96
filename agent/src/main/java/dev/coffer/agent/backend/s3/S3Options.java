package dev.coffer.agent.backend.s3;

import dev.coffer.agent.backend.InvalidOptionException;
import dev.coffer.agent.backend.TimeoutOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The S3 backend's settings from the extended options ({@code -o key=value}). Keys starting with
 * {@code s3.} must be known; other keys belong to other backends and are ignored, except the
 * shared {@code cacert}.
 *
 * @param region null to take it from the environment or the endpoint
 * @param sse null, "AES256" or "aws:kms"
 * @param sseKmsKeyId null or the KMS key for "aws:kms"
 * @param storageClass null for the bucket's default
 * @param caCert null for the system's roots
 * @param timeout how long a request may make no progress ({@code s3.timeout}, see {@link TimeoutOption})
 */
public record S3Options(BucketLookup bucketLookup, String region, String sse, String sseKmsKeyId,
                        String storageClass, int connections, Path caCert, Duration timeout) {

    public static final S3Options DEFAULTS =
            new S3Options(BucketLookup.AUTO, null, null, null, null, 5, null, TimeoutOption.DEFAULT);

    private static final Set<String> KEYS = Set.of("s3.bucket-lookup", "s3.region", "s3.sse",
            "s3.sse-kms-key-id", "s3.storage-class", "s3.connections", "s3.timeout");

    public S3Options {
        if (bucketLookup == null) {
            throw new IllegalArgumentException("bucketLookup is null");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("s3.connections must be at least 1, got " + connections);
        }
        if (sse != null && !sse.equals("AES256") && !sse.equals("aws:kms")) {
            throw new IllegalArgumentException("s3.sse must be AES256 or aws:kms, got " + sse);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("s3.timeout must be positive, got " + timeout);
        }
        if (sseKmsKeyId != null && !"aws:kms".equals(sse)) {
            throw new IllegalArgumentException("s3.sse-kms-key-id needs s3.sse=aws:kms, got sse=" + sse);
        }
    }

    /** Reads the options; a KMS key id alone implies {@code s3.sse=aws:kms}. */
    public static S3Options from(Map<String, String> options) throws InvalidOptionException {
        for (String key : options.keySet()) {
            if (key.startsWith("s3.") && !KEYS.contains(key)) {
                throw new InvalidOptionException("unknown option " + key + "; the s3 backend knows "
                        + new TreeSet<>(KEYS) + " and cacert");
            }
        }
        BucketLookup lookup = BucketLookup.AUTO;
        String l = blankToNull(options.get("s3.bucket-lookup"));
        if (l != null) {
            try {
                lookup = BucketLookup.valueOf(l.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException("s3.bucket-lookup must be auto, path or dns, got " + l);
            }
        }
        String sse = blankToNull(options.get("s3.sse"));
        String kms = blankToNull(options.get("s3.sse-kms-key-id"));
        if (kms != null && sse == null) {
            sse = "aws:kms";
        }
        int connections = 5;
        String c = blankToNull(options.get("s3.connections"));
        if (c != null) {
            try {
                connections = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                connections = 0;
            }
            if (connections < 1) {
                throw new InvalidOptionException("s3.connections must be a positive number, got " + c);
            }
        }
        String ca = blankToNull(options.get("cacert"));
        Duration timeout = TimeoutOption.parse("s3.timeout", options.get("s3.timeout"));
        try {
            return new S3Options(lookup, blankToNull(options.get("s3.region")), sse, kms,
                    blankToNull(options.get("s3.storage-class")), connections, ca == null ? null : Path.of(ca),
                    timeout);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
