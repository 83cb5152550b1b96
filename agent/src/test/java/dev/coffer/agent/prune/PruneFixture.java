package dev.coffer.agent.prune;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.FinishedPack;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.pack.PackWriter;
import dev.coffer.repo.repository.BlobUploader;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small repositories for prune tests, in memory: snapshots of named files (each cut into 8 KiB
 * blobs, under one sub-folder so the walk must follow a subtree), and hand-made packs for the
 * odd cases (duplicates, mixed or uncompressed tree packs, unindexed packs).
 */
final class PruneFixture {
    static final int CHUNK = 8 * 1024;
    private static final ScryptParams FAST = new ScryptParams(1024, 8, 1);
    private static final char[] PW = "pw".toCharArray();

    final Backend backend;
    private final SecureRandom random = new SecureRandom();
    private int snapshots;

    PruneFixture(Backend backend) throws IOException {
        this(backend, true);
    }

    /** With {@code init} false, works on the repository already in {@code backend}. */
    PruneFixture(Backend backend, boolean init) throws IOException {
        this.backend = backend;
        if (init) {
            Repository.init(backend, PW, FAST, random, java.time.Clock.systemUTC(), "u", "h");
        }
    }

    /** A freshly opened repository, index not loaded. */
    Repository open() throws IOException {
        return Repository.open(backend, PW, random);
    }

    /** Saves {@code files} as a new snapshot, data in packs of about {@code packSize} bytes. */
    Id snapshot(Map<String, byte[]> files, int packSize) throws IOException {
        Repository r = open();
        r.loadIndex();
        Id root;
        try (BlobUploader up = new BlobUploader(r, packSize, 1, Zstd.DEFAULT_LEVEL)) {
            List<Node> nodes = new ArrayList<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                List<Id> content = new ArrayList<>();
                byte[] data = f.getValue();
                for (int off = 0; off < data.length; off += CHUNK) {
                    byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + CHUNK));
                    Id id = Id.hash(chunk);
                    up.saveBlob(BlobType.DATA, id, chunk, 0, chunk.length);
                    content.add(id);
                }
                nodes.add(Node.builder(f.getKey(), NodeType.FILE).size(data.length).content(content).build());
            }
            Id sub = saveTree(up, Tree.sorted(nodes));
            root = saveTree(up, Tree.sorted(List.of(Node.builder("sub", NodeType.DIR).subtree(sub).build())));
            up.flush();
        }
        OffsetDateTime time = OffsetDateTime.of(2024, 1, 1, 0, 0, snapshots++, 0, ZoneOffset.UTC);
        return r.saveSnapshot(new SnapshotFile(time, null, root, List.of("/data"), "h", "u", 0, 0, null, null, null,
                null, null));
    }

    private static Id saveTree(BlobUploader up, Tree t) throws IOException {
        byte[] enc = t.encode();
        Id id = Id.hash(enc);
        up.saveBlob(BlobType.TREE, id, enc, 0, enc.length);
        return id;
    }

    /** Deletes a snapshot file, as forget does. */
    void forget(Id snapshot) throws IOException {
        backend.remove(FileHandle.of(FileType.SNAPSHOT, snapshot));
    }

    /** One blob of a hand-made pack. */
    record Raw(BlobType type, byte[] plain, boolean compress) {
    }

    /** Writes a pack by hand; with {@code indexed}, also an index file listing it. */
    Id pack(List<Raw> blobs, boolean indexed) throws IOException {
        Repository r = open();
        PackWriter w = new PackWriter(r.key(), 1024);
        try (Zstd zstd = new Zstd(Zstd.DEFAULT_LEVEL)) {
            for (Raw b : blobs) {
                byte[] src = b.plain();
                int ulen = 0;
                if (b.compress()) {
                    byte[] c = new byte[Zstd.maxCompressedLength(src.length)];
                    int n = zstd.compress(src, 0, src.length, c, 0);
                    src = Arrays.copyOf(c, n);
                    ulen = b.plain().length;
                }
                byte[] sealed = r.key().seal(src);
                w.add(b.type(), Id.hash(b.plain()), sealed, 0, sealed.length, ulen);
            }
        }
        FinishedPack p = w.finish();
        backend.save(FileHandle.of(FileType.PACK, p.id()), p.buffer(), 0, p.length());
        if (indexed) {
            List<PackedBlob> list = new ArrayList<>();
            for (PackEntry e : p.entries()) {
                list.add(e.in(p.id()));
            }
            r.saveUnpacked(FileType.INDEX, IndexFile.encode(list));
        }
        return p.id();
    }

    /** Files of {@code n} random chunks each, seeded. */
    static Map<String, byte[]> files(long seed, int count, int chunks) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            m.put("f" + seed + "-" + i, dev.coffer.repo.testing.TestData.random(seed * 1000 + i, chunks * CHUNK));
        }
        return m;
    }

    /** The handle of a data blob holding {@code plain}. */
    static BlobHandle data(byte[] plain) {
        return new BlobHandle(Id.hash(plain), BlobType.DATA);
    }
}
