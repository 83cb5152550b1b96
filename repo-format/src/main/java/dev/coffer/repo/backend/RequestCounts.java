package dev.coffer.repo.backend;

/**
 * How many storage requests of each kind were made, and the payload bytes moved: a snapshot taken
 * from a {@link CountingBackend}. {@code head} counts stats and {@link Backend#exists()} checks.
 */
public record RequestCounts(long list, long head, long get, long put, long delete,
                            long bytesRead, long bytesWritten) {

    public static final RequestCounts ZERO = new RequestCounts(0, 0, 0, 0, 0, 0, 0);

    public RequestCounts {
        if (list < 0 || head < 0 || get < 0 || put < 0 || delete < 0 || bytesRead < 0 || bytesWritten < 0) {
            throw new IllegalArgumentException("negative request count in " + list + "/" + head + "/"
                    + get + "/" + put + "/" + delete + "/" + bytesRead + "/" + bytesWritten);
        }
    }

    /** All requests together. */
    public long total() {
        return list + head + get + put + delete;
    }

    /** What happened since {@code earlier} (counts of one command out of a long-lived counter). */
    public RequestCounts minus(RequestCounts earlier) {
        return new RequestCounts(list - earlier.list, head - earlier.head, get - earlier.get,
                put - earlier.put, delete - earlier.delete, bytesRead - earlier.bytesRead,
                bytesWritten - earlier.bytesWritten);
    }

    /** E.g. "storage requests: 3 list, 1 head, 20 get, 5 put, 0 delete". */
    public String summary() {
        return "storage requests: " + list + " list, " + head + " head, " + get + " get, "
                + put + " put, " + delete + " delete";
    }

    @Override
    public String toString() {
        return summary() + " (" + bytesRead + " bytes read, " + bytesWritten + " bytes written)";
    }
}
