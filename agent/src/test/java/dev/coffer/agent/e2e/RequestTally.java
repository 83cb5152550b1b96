package dev.coffer.agent.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests seen by {@link FaultProxy}, by kind: {@code LIST} (a GET with {@code list-type},
 * {@code prefix} or {@code delimiter}, or on a path ending in "/": S3 and REST listings),
 * {@code GET}, {@code HEAD}, {@code PUT}, {@code POST}, {@code DELETE} on objects, and
 * {@code <METHOD> root} for requests on the bucket or repository itself (bucket location,
 * bucket checks, REST create). Thread-safe.
 */
final class RequestTally {
    private static final java.util.Set<String> DIRS = java.util.Set.of("data", "index", "snapshots", "keys", "locks");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byFile = new ConcurrentHashMap<>();

    void count(String method, String target) {
        String kind = kind(method, target);
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        byFile.computeIfAbsent(kind + " " + fileType(target), k -> new LongAdder()).increment();
    }

    /** The repository folder a request is about ("data", "index", ..., "config"), or "" for others. */
    static String fileType(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        for (String seg : (path + "/" + query.replace('&', '/').replace("%2F", "/")).split("[/=]")) {
            if (DIRS.contains(seg)) {
                return seg;
            }
        }
        return path.endsWith("/config") ? "config" : "";
    }

    /** Counts by kind and repository folder, e.g. "GET index" or "LIST snapshots", sorted. */
    Map<String, Long> byFile() {
        Map<String, Long> out = new TreeMap<>();
        byFile.forEach((k, v) -> out.put(k.strip(), v.sum()));
        return out;
    }

    static String kind(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        boolean listQuery = query.contains("list-type=") || query.contains("prefix=") || query.contains("delimiter=");
        if (method.equals("GET") && (listQuery || path.endsWith("/"))) {
            return "LIST";
        }
        String trimmed = path.replaceAll("^/+|/+$", "");
        if (!trimmed.contains("/")) {
            return method + " root";
        }
        return method;
    }

    /** A copy of the counts, sorted by kind. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void reset() {
        counts.clear();
        byFile.clear();
    }
}
