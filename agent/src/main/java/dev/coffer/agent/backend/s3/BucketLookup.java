package dev.coffer.agent.backend.s3;

/** How the bucket is named in requests: {@code s3.bucket-lookup=auto|path|dns}. */
public enum BucketLookup {
    /** Virtual-host style for Amazon's endpoints, path style for everything else. */
    AUTO,
    /** {@code https://host/bucket/key}. */
    PATH,
    /** {@code https://bucket.host/key}. */
    DNS
}
