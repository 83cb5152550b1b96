package dev.coffer.agent.prune;

/** A number of blobs and their bytes (encrypted lengths, as stored). */
public record Amount(long blobs, long bytes) {
    public static final Amount ZERO = new Amount(0, 0);

    Amount plus(long blobCount, long size) {
        return new Amount(blobs + blobCount, bytes + size);
    }

    Amount plus(Amount o) {
        return new Amount(blobs + o.blobs, bytes + o.bytes);
    }

    Amount minus(Amount o) {
        return new Amount(blobs - o.blobs, bytes - o.bytes);
    }
}
