package dev.coffer.agent.repair;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code repair index}: writes a new set of index files that covers every pack whose header can be
 * read, then removes the old index files. Entries of intact old index files are reused for packs
 * whose stored size matches them; every other pack (not indexed, indexed with another size, or all
 * of them with {@code readAllPacks}) has its header read. Index entries for packs that no longer
 * exist, and packs whose header cannot be read, are left out and reported. The caller holds an
 * exclusive lock.
 *
 * <p>Order: new index files are saved before any old one is removed, so an interruption leaves
 * both sets (duplicate entries, which {@code check} accepts) and never a pack without an index.
 */
public final class IndexRebuilder {
    private final Repository repo;
    private final int threads;

    /** @param threads concurrent header reads */
    public IndexRebuilder(Repository repo, int threads) {
        this.repo = repo;
        this.threads = threads;
    }

    /** Rebuilds the index; {@code progress} receives one line per phase. */
    public RepairReport run(boolean readAllPacks, Consumer<String> progress) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Id> oldIndex = repo.list(FileType.INDEX);
        Map<Id, List<PackedBlob>> indexed = new TreeMap<>();
        int reused = 0;
        if (!readAllPacks) {
            progress.accept("loading indexes...");
            for (Id id : oldIndex) {
                if (load(id, indexed, problems)) {
                    reused++;
                }
            }
        }
        progress.accept("getting pack files to read...");
        Map<Id, Long> stored = new TreeMap<>();
        repo.backend().list(FileType.PACK, (FileInfo fi) -> stored.put(Id.parse(fi.name()), fi.size()));
        Map<Id, List<PackedBlob>> result = new TreeMap<>();
        Map<Id, Long> toRead = new TreeMap<>();
        for (Map.Entry<Id, Long> p : stored.entrySet()) {
            List<PackedBlob> entries = indexed.get(p.getKey());
            if (entries == null) {
                toRead.put(p.getKey(), p.getValue());
            } else if (entries.isEmpty()) {
                problems.add("pack " + p.getKey() + " is listed differently by two index files; its header is read again");
                toRead.put(p.getKey(), p.getValue());
            } else if (IndexWriter.packSize(entries) != p.getValue()) {
                problems.add("pack " + p.getKey() + ": its size " + p.getValue() + " differs from the "
                        + IndexWriter.packSize(entries) + " bytes its index entries imply; its header is read again");
                toRead.put(p.getKey(), p.getValue());
            } else {
                result.put(p.getKey(), entries);
            }
        }
        for (Id pack : indexed.keySet()) {
            if (!stored.containsKey(pack)) {
                problems.add("pack " + pack + " is in the index but missing from the repository; it is left out "
                        + "of the new index ('coffer check' names the snapshots that needed it)");
            }
        }
        progress.accept("reading pack files (" + toRead.size() + ")");
        PackHeaders.Result headers = PackHeaders.read(repo, toRead, threads);
        for (Map.Entry<Id, List<PackEntry>> h : headers.headers().entrySet()) {
            List<PackedBlob> blobs = new ArrayList<>(h.getValue().size());
            for (PackEntry e : h.getValue()) {
                blobs.add(e.in(h.getKey()));
            }
            result.put(h.getKey(), blobs);
        }
        for (Map.Entry<Id, String> u : headers.unreadable().entrySet()) {
            problems.add("pack " + u.getKey() + " is left out of the index: its header cannot be read ("
                    + u.getValue() + ")");
        }
        progress.accept("rebuilding index (" + result.size() + " packs)");
        List<Id> written = IndexWriter.write(repo, result.values());
        progress.accept("deleting obsolete index files");
        List<Id> removed = new ArrayList<>();
        HashSet<Id> keep = new HashSet<>(written);
        for (Id old : oldIndex) {
            if (!keep.contains(old)) {
                repo.backend().remove(FileHandle.of(FileType.INDEX, old));
                removed.add(old);
            }
        }
        long blobs = result.values().stream().mapToLong(List::size).sum();
        return new RepairReport(reused, toRead.size(), problems, written, removed, result.size(), blobs);
    }

    /**
     * Adds an index file's packs to {@code indexed}; a pack named by an earlier file keeps the
     * earlier entries, unless the two disagree, in which case it is dropped so that its header is
     * read. Returns false (and reports the file) when the file is damaged.
     */
    private boolean load(Id id, Map<Id, List<PackedBlob>> indexed, List<String> problems) throws IOException {
        Map<Id, List<PackedBlob>> mine = new TreeMap<>();
        try {
            byte[] json = repo.loadUnpacked(FileType.INDEX, id);
            IndexFile.decode(json, (pack, type, blob, offset, length, ulen) -> mine
                    .computeIfAbsent(pack, k -> new ArrayList<>())
                    .add(new PackedBlob(new BlobHandle(blob, type), pack, offset, length, ulen)));
        } catch (CorruptDataException | NotFoundException | IllegalArgumentException e) {
            problems.add("replacing a damaged index file: " + (e.getMessage() != null && e.getMessage().contains(id.hex())
                    ? e.getMessage() : "index/" + id + ": " + e.getMessage()));
            return false;
        }
        for (Map.Entry<Id, List<PackedBlob>> e : mine.entrySet()) {
            List<PackedBlob> earlier = indexed.putIfAbsent(e.getKey(), e.getValue());
            if (earlier != null && !new HashSet<>(earlier).equals(new HashSet<>(e.getValue()))) {
                indexed.put(e.getKey(), List.of());
            }
        }
        return true;
    }
}
