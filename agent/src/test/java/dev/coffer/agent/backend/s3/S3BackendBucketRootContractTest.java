package dev.coffer.agent.backend.s3;

import java.util.concurrent.atomic.AtomicInteger;

/** The contract with no prefix: the repository is the bucket's root; a new bucket per test. */
@org.junit.jupiter.api.Tag("slow")
class S3BackendBucketRootContractTest extends S3BackendContractTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @Override
    String repository() {
        return "s3:" + server.endpoint() + "/root-bucket-" + BUCKETS.incrementAndGet();
    }
}
