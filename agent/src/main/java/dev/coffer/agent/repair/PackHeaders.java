package dev.coffer.agent.repair;

import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.pack.PackReader;
import dev.coffer.repo.repository.Futures;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the headers of many packs, a few at a time (one ranged read each, two for headers of more
 * than 15 blobs). A pack whose header is damaged (MAC, length or layout errors) or that vanished
 * since it was listed is reported as unreadable; any other error (network, permissions) fails the
 * whole read, so that no caller drops a pack from the index because of a passing fault.
 */
final class PackHeaders {
    /** Headers read, by pack, and the reason for each pack that could not be read. */
    record Result(Map<Id, List<PackEntry>> headers, Map<Id, String> unreadable) {
    }

    private PackHeaders() {
    }

    /** Reads the headers of {@code packs} (id to listed size) with {@code threads} concurrent reads. */
    static Result read(Repository repo, Map<Id, Long> packs, int threads) throws IOException {
        Map<Id, List<PackEntry>> headers = new TreeMap<>();
        Map<Id, String> unreadable = new TreeMap<>();
        if (packs.isEmpty()) {
            return new Result(headers, unreadable);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, packs.size())), r -> {
            Thread t = new Thread(r, "pack-header");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Id> ids = new ArrayList<>(packs.keySet());
            List<Future<List<PackEntry>>> reads = new ArrayList<>(ids.size());
            for (Id id : ids) {
                long size = packs.get(id);
                reads.add(pool.submit(() -> PackReader.readHeader(repo.backend(), id, size, repo.key())));
            }
            for (int i = 0; i < ids.size(); i++) {
                try {
                    headers.put(ids.get(i), Futures.get(reads.get(i)));
                } catch (CorruptDataException | NotFoundException e) {
                    unreadable.put(ids.get(i), e.getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(headers, unreadable);
    }
}
