package dev.coffer.agent.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * An S3Proxy store that can hold back one pack upload: when armed, the {@code nth} PUT below
 * {@code data/} of a bucket waits, once the earlier ones are stored and before it reads a byte of
 * its body, until the test releases it (having killed the uploader meanwhile); then it reads what
 * the client sent, and the test learns whether the store kept an object.
 */
final class PackPutGate extends ForwardingBlobStore {
    private volatile Held armed;

    PackPutGate(BlobStore store) {
        super(store);
    }

    /** One held upload: the {@code nth} pack PUT into {@code bucket}. */
    static final class Held {
        final String bucket;
        final int nth;
        private final AtomicInteger seen = new AtomicInteger();
        private final CountDownLatch earlier;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile String name;
        private volatile RuntimeException failure;

        private Held(String bucket, int nth) {
            this.bucket = bucket;
            this.nth = nth;
            this.earlier = new CountDownLatch(nth - 1);
        }

        /** The held object's name, once held. */
        String name() {
            return name;
        }

        /** Waits until the upload is held; returns its object name. */
        String awaitHeld() throws InterruptedException {
            if (!held.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("no pack upload number " + nth + " into " + bucket);
            }
            return name;
        }

        /** Lets the held upload read its body; returns the store's error, or null when it stored the object. */
        RuntimeException release() throws InterruptedException {
            release.countDown();
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the released upload of " + name + " did not end");
            }
            return failure;
        }
    }

    /** Holds the {@code nth} (from 1) pack upload into {@code bucket} from now on. */
    Held arm(String bucket, int nth) {
        Held h = new Held(bucket, nth);
        armed = h;
        return h;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        Held h = armed;
        if (h == null || !h.bucket.equals(container) || !blob.getMetadata().getName().startsWith("data/")) {
            return delegate().putBlob(container, blob, options);
        }
        int n = h.seen.incrementAndGet();
        if (n != h.nth) {
            try {
                return delegate().putBlob(container, blob, options);
            } finally {
                if (n < h.nth) {
                    h.earlier.countDown();
                }
            }
        }
        try {
            h.name = blob.getMetadata().getName();
            h.earlier.await(2, TimeUnit.MINUTES);
            h.held.countDown();
            h.release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return delegate().putBlob(container, blob, options);
        } catch (RuntimeException e) {
            h.failure = e;
            throw e;
        } finally {
            armed = null;
            h.done.countDown();
        }
    }
}
