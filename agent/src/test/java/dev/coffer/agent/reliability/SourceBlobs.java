package dev.coffer.agent.reliability;

import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.chunker.Chunker;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.pack.PackReader;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data blobs a source folder cuts into with a repository's chunker, independent of coffer's
 * backup code, and what of them a repository already holds in any pack (indexed or not), read
 * straight from the pack headers: the yardstick for what a resumed backup must still upload.
 */
final class SourceBlobs {
    private final Map<Id, Integer> blobs = new HashMap<>();

    /** Chunks every regular file below {@code root} with {@code repo}'s polynomial. */
    SourceBlobs(Repository repo, Path root) throws IOException {
        Chunker chunker = new Chunker(repo.polynomial());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            chunker.reset();
            int start = 0;
            while (start < data.length) {
                int n = chunker.next(data, start, data.length - start);
                int end = n < 0 ? data.length : start + n;
                java.security.MessageDigest md = Id.sha256();
                md.update(data, start, end - start);
                blobs.put(Id.fromDigest(md), end - start);
                start = end;
            }
        }
    }

    /** Plaintext bytes of the source's distinct data blobs. */
    long total() {
        return blobs.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Plaintext bytes of the source's data blobs that no pack of {@code repo} holds. */
    long missingFrom(Repository repo) throws IOException {
        Map<Id, Long> packs = new HashMap<>();
        repo.backend().list(FileType.PACK, (FileInfo fi) -> packs.put(Id.parse(fi.name()), fi.size()));
        Set<Id> held = new HashSet<>();
        for (Map.Entry<Id, Long> p : packs.entrySet()) {
            for (PackEntry e : PackReader.readHeader(repo.backend(), p.getKey(), p.getValue(), repo.key())) {
                if (e.type() == BlobType.DATA) {
                    held.add(e.id());
                }
            }
        }
        long missing = 0;
        for (Map.Entry<Id, Integer> b : blobs.entrySet()) {
            if (!held.contains(b.getKey())) {
                missing += b.getValue();
            }
        }
        return missing;
    }
}
