package dev.coffer.agent.check;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.pack.PackReader;
import dev.coffer.repo.repository.BlobCodec;
import dev.coffer.repo.repository.Futures;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Verifies a repository as {@code restic check} does: every indexed pack exists with the size its
 * index entries imply; every snapshot loads and every tree it reaches decodes, with every blob it
 * needs in the index; and, when reading data, every selected pack hashes to its name, its header
 * matches the index, and every blob decrypts, decompresses and hashes to its id.
 */
public final class Checker {
    private final Repository repo;
    private final int workers;
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> hints = new ConcurrentLinkedQueue<>();
    private final Set<Id> badPacks = ConcurrentHashMap.newKeySet();
    private final AtomicLong packsRead = new AtomicLong();
    private final AtomicLong blobsChecked = new AtomicLong();

    public Checker(Repository repo, int workers) {
        this.repo = repo;
        this.workers = workers;
    }

    /**
     * Loads the index, reporting each damaged index file as an error instead of failing: the packs it
     * described then show up as not indexed, and the snapshots that need their blobs as damaged.
     */
    public void loadIndex() throws IOException {
        repo.loadIndex((id, e) -> errors.add(damaged("index/" + id, e)
                + "; 'coffer repair index' rebuilds the index from the packs"));
    }

    /**
     * Runs the check; {@code readPack} selects the packs whose data is read (none: structure only).
     * The index must be loaded.
     */
    public CheckReport run(Predicate<Id> readPack) throws IOException {
        checkKeys();
        Map<Id, List<PackedBlob>> byPack = new HashMap<>();
        repo.index().forEach(pb -> byPack.computeIfAbsent(pb.packId(), k -> new ArrayList<>()).add(pb));
        // a pack listed again with the same entries (left by an interrupted prune) is harmless
        byPack.replaceAll((pack, blobs) -> blobs.stream().distinct().toList());
        Map<Id, Long> stored = new HashMap<>();
        repo.backend().list(FileType.PACK, (FileInfo fi) -> stored.put(Id.parse(fi.name()), fi.size()));
        for (Map.Entry<Id, List<PackedBlob>> e : byPack.entrySet()) {
            Long size = stored.get(e.getKey());
            long expected = expectedSize(e.getValue());
            if (size == null) {
                error("pack " + e.getKey() + " is in the index but missing from the repository", e.getKey());
            } else if (size != expected) {
                error("pack " + e.getKey() + ": file size " + size + " does not match the " + expected
                        + " bytes its index entries imply", e.getKey());
            }
        }
        for (Id p : stored.keySet()) {
            if (!byPack.containsKey(p)) {
                hints.add("pack " + p.shortHex() + " is not referenced in any index (the next backup or 'coffer repair index' indexes it; prune removes it)");
            }
        }
        Set<String> damaged = checkSnapshots();
        List<Id> toRead = new ArrayList<>();
        for (Id p : byPack.keySet()) {
            if (stored.containsKey(p) && readPack.test(p)) {
                toRead.add(p);
            }
        }
        Collections.sort(toRead);
        readPacks(toRead, byPack, stored);
        if (!badPacks.isEmpty()) {
            damaged.addAll(snapshotsUsing(badPacks));
        }
        return new CheckReport(List.copyOf(errors), List.copyOf(hints), damaged, packsRead.get(), blobsChecked.get());
    }

    /** "FILE is damaged: why", without naming the file twice when the reason already does. */
    static String damaged(String file, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return why.contains(file) ? why : file + " is damaged: " + why;
    }

    /**
     * restic names a key file by the SHA-256 of its content: a key file whose content does not match
     * its name, or that does not parse, is damaged (the password it holds may no longer open the
     * repository).
     */
    private void checkKeys() throws IOException {
        for (Id id : repo.list(FileType.KEY)) {
            try {
                byte[] raw = repo.backend().load(FileHandle.of(FileType.KEY, id));
                if (!Id.hash(raw).equals(id)) {
                    errors.add("keys/" + id + " is damaged: its content does not match its name (restore it from a copy"
                            + " of the repository, or add a new key while another one still opens the repository)");
                } else {
                    dev.coffer.repo.crypto.KeyFile.parse(raw);
                }
            } catch (CorruptDataException e) {
                errors.add("keys/" + id + " is damaged: " + e.getMessage());
            } catch (dev.coffer.repo.backend.NotFoundException e) {
                // removed while checking
            }
        }
    }

    private static long expectedSize(List<PackedBlob> blobs) {
        long n = 32 + 4;
        for (PackedBlob b : blobs) {
            n += b.length() + (b.compressed() ? PackEntry.COMPRESSED_ENTRY_SIZE : PackEntry.PLAIN_ENTRY_SIZE);
        }
        return n;
    }

    private void error(String msg, Id pack) {
        errors.add(msg);
        if (pack != null) {
            badPacks.add(pack);
        }
    }

    /** Loads every snapshot and walks its trees; returns the ids of snapshots with missing parts. */
    private Set<String> checkSnapshots() throws IOException {
        Set<String> damaged = new TreeSet<>();
        Map<Id, Boolean> treeOk = new HashMap<>();
        for (Id id : repo.list(FileType.SNAPSHOT)) {
            Snapshot s;
            try {
                s = repo.loadSnapshot(id);
            } catch (IOException e) {
                errors.add("snapshot " + id.shortHex() + " cannot be loaded: " + e.getMessage());
                damaged.add(id.shortHex());
                continue;
            }
            if (!walk(s.file().tree(), treeOk, "snapshot " + id.shortHex())) {
                damaged.add(id.shortHex());
            }
        }
        return damaged;
    }

    private boolean walk(Id treeId, Map<Id, Boolean> treeOk, String where) {
        Boolean known = treeOk.get(treeId);
        if (known != null) {
            return known;
        }
        boolean ok = true;
        Tree tree;
        try {
            tree = Tree.decode(repo.loadBlob(new BlobHandle(treeId, BlobType.TREE)));
        } catch (IOException e) {
            errors.add("tree " + treeId.shortHex() + " (" + where + "): " + e.getMessage());
            treeOk.put(treeId, false);
            return false;
        }
        for (Node n : tree.nodes()) {
            String name = n.displayName();
            if (n.type() == NodeType.FILE) {
                if (n.content() == null) {
                    errors.add("tree " + treeId.shortHex() + ": file " + name + " has no content list");
                    ok = false;
                    continue;
                }
                for (Id b : n.content()) {
                    if (!repo.index().has(new BlobHandle(b, BlobType.DATA))) {
                        errors.add("tree " + treeId.shortHex() + ": file " + name + " blob " + b.shortHex() + " not found in index");
                        ok = false;
                    }
                }
            } else if (n.type() == NodeType.DIR) {
                if (n.subtree() == null) {
                    errors.add("tree " + treeId.shortHex() + ": dir " + name + " has no subtree");
                    ok = false;
                } else if (!walk(n.subtree(), treeOk, where)) {
                    ok = false;
                }
            } else if (n.type() == NodeType.IRREGULAR) {
                errors.add("tree " + treeId.shortHex() + ": " + name + " has an irregular type");
                ok = false;
            }
        }
        treeOk.put(treeId, ok);
        return ok;
    }

    private void readPacks(List<Id> packs, Map<Id, List<PackedBlob>> byPack, Map<Id, Long> stored) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "check-read");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Zstd> zstd = ThreadLocal.withInitial(() -> new Zstd(Zstd.DEFAULT_LEVEL));
        ThreadLocal<BlobCodec.Buffers> buffers = ThreadLocal.withInitial(BlobCodec.Buffers::new);
        ThreadLocal<byte[][]> packBuffer = ThreadLocal.withInitial(() -> new byte[1][0]);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Id p : packs) {
                done.add(pool.submit(() -> {
                    readPack(p, byPack.get(p), stored.get(p), zstd.get(), buffers.get(), packBuffer.get());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                Futures.get(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Reads one pack whole into {@code held[0]}, this worker's array (grown to the largest pack
     * so far, so reading allocates no pack-sized array per pack), and checks its hash, header and
     * every blob.
     */
    private void readPack(Id pack, List<PackedBlob> indexed, long size, Zstd zstd, BlobCodec.Buffers buffers, byte[][] held) {
        byte[] data;
        int length;
        try {
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("it is " + size + " bytes, larger than any pack");
            }
            if (held[0].length < size) {
                held[0] = new byte[(int) size];
            }
            data = held[0];
            // a length of 0 would mean "the whole file": an empty pack reads as nothing
            length = size == 0 ? 0 : repo.backend().loadInto(FileHandle.of(FileType.PACK, pack), 0, (int) size, data);
        } catch (IOException e) {
            error("pack " + pack + ": cannot be read: " + e.getMessage(), pack);
            return;
        }
        packsRead.incrementAndGet();
        if (!Id.hash(data, 0, length).equals(pack)) {
            error("pack " + pack + ": content does not match its id (the file is damaged)", pack);
        }
        List<PackEntry> header;
        try {
            header = PackReader.readHeader(pack, data, length, repo.key());
        } catch (IOException e) {
            error("pack " + pack + ": header: " + e.getMessage(), pack);
            header = List.of();
        }
        Set<PackedBlob> inIndex = new HashSet<>(indexed);
        for (PackEntry e : header) {
            if (!inIndex.contains(e.in(pack))) {
                error("pack " + pack + ": blob " + e.id().shortHex() + " in the header does not match the index", pack);
            }
        }
        for (PackedBlob pb : indexed) {
            if (pb.offset() + pb.length() > length) {
                error("pack " + pack + ": blob " + pb.handle().id().shortHex() + " lies beyond the end of the pack", pack);
                continue;
            }
            try {
                BlobCodec.openInto(repo.key(), zstd, pb, data, (int) pb.offset(), buffers);
                blobsChecked.incrementAndGet();
            } catch (CorruptDataException e) {
                error("pack " + pack + ": " + e.getMessage(), pack);
            }
        }
    }

    /** Short ids of snapshots that need any blob stored in the given packs. */
    private Set<String> snapshotsUsing(Set<Id> packs) throws IOException {
        Set<Id> badBlobs = new HashSet<>();
        repo.index().forEach(pb -> {
            if (packs.contains(pb.packId())) {
                badBlobs.add(pb.handle().id());
            }
        });
        Set<String> out = new TreeSet<>();
        for (Id id : repo.list(FileType.SNAPSHOT)) {
            try {
                Snapshot s = repo.loadSnapshot(id);
                if (uses(s.file().tree(), badBlobs, new HashSet<>())) {
                    out.add(id.shortHex());
                }
            } catch (IOException e) {
                out.add(id.shortHex());
            }
        }
        return out;
    }

    private boolean uses(Id tree, Set<Id> bad, Set<Id> seen) {
        if (bad.contains(tree)) {
            return true;
        }
        if (!seen.add(tree)) {
            return false;
        }
        try {
            for (Node n : Tree.decode(repo.loadBlob(new BlobHandle(tree, BlobType.TREE))).nodes()) {
                if (n.content() != null && n.content().stream().anyMatch(bad::contains)) {
                    return true;
                }
                if (n.subtree() != null && uses(n.subtree(), bad, seen)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return true;
        }
        return false;
    }
}
