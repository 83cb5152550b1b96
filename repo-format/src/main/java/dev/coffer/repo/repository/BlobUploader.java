package dev.coffer.repo.repository;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.pack.FinishedPack;
import dev.coffer.repo.pack.PackEntry;
import dev.coffer.repo.pack.PackWriter;
import dev.coffer.repo.pack.StagedPack;
import dev.coffer.repo.pack.StagedPackWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Saves blobs into packs and uploads full packs in the background, then writes index files for
 * them. The write order keeps the repository valid at every moment: a pack is stored before any
 * index names it, and index files are written before the caller saves a snapshot that needs them
 * (after {@link #flush()}).
 *
 * <p>Callers on many threads may call {@link #saveBlob} at once; compression and encryption run on
 * the calling thread, and uploads run on a small pool whose queue is bounded so memory stays flat.
 * When the backend offers a staging folder (a local repository does), each calling thread fills a
 * data pack of its own in a file there, with no lock and no pack in memory, and an upload is a sync
 * and a rename; otherwise data packs are filled in memory under a short lock. Tree packs are always
 * built in memory (they are small).
 */
public final class BlobUploader implements BlobSaver, AutoCloseable {
    /** Write an index file once this many uploaded blobs are not yet in one (restic: 50,000). */
    static final int INDEX_BLOBS = 50_000;
    private static final int SAMPLE = 32 * 1024;
    private static final int HEADER_ROOM = 64 * 1024;
    private static final int TREE_BUFFER = 256 * 1024;
    private static final int ABORT_WAIT_SECONDS = 10;

    private final Repository repo;
    private final BlobIndex known;
    private final CryptoKey key;
    private final int packSize;
    private final boolean compressData;
    private final int level;
    private final ExecutorService uploads;
    private final Semaphore uploadSlots;
    private final BlockingQueue<byte[]> buffers;
    private final Set<BlobHandle> seen = ConcurrentHashMap.newKeySet();
    private final Map<BlobType, PackWriter> open = new ConcurrentHashMap<>();
    private final Queue<Scratch> scratches = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Scratch> scratch;
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicLong dataBlobs = new AtomicLong();
    private final AtomicLong treeBlobs = new AtomicLong();
    private final AtomicLong dataAdded = new AtomicLong();
    private final AtomicLong dataAddedPacked = new AtomicLong();
    private final AtomicLong packs = new AtomicLong();
    private final List<FinishedPack> unindexed = new ArrayList<>();
    private int unindexedBlobs;
    private final List<Id> indexFiles = new ArrayList<>();
    /** Where data packs are built as files, or null to build them in memory. */
    private final java.nio.file.Path staging;
    /** Staged packs handed to the upload pool and not yet stored: deleted if the session ends without them. */
    private final Set<java.nio.file.Path> pendingFiles = ConcurrentHashMap.newKeySet();

    /**
     * @param uploadThreads concurrent pack uploads
     * @param level zstd level for blobs; 0 stores data blobs uncompressed (trees are always
     *     compressed in v2, as restic does, at the default level then)
     */
    public BlobUploader(Repository repo, int packSize, int uploadThreads, int level) {
        this(repo, repo.index(), packSize, uploadThreads, level);
    }

    /**
     * Like {@link #BlobUploader(Repository, int, int, int)}, but skips only blobs that {@code known}
     * (or this uploader) already has. prune's repack passes an empty index so that blobs still in
     * the packs it is about to delete are stored again. Uploaded packs are added to
     * {@code repo.index()} in either case.
     */
    public BlobUploader(Repository repo, BlobIndex known, int packSize, int uploadThreads, int level) {
        this.repo = repo;
        this.known = known;
        this.key = repo.key();
        this.packSize = packSize;
        this.compressData = level > 0 && repo.config().version() >= 2;
        this.level = level > 0 ? level : dev.coffer.repo.compress.Zstd.DEFAULT_LEVEL;
        this.uploads = Executors.newFixedThreadPool(uploadThreads, r -> {
            Thread t = new Thread(r, "pack-upload");
            t.setDaemon(true);
            return t;
        });
        this.uploadSlots = new Semaphore(uploadThreads + 1);
        this.scratch = ThreadLocal.withInitial(() -> {
            Scratch s = new Scratch(this.level);
            scratches.add(s);
            return s;
        });
        this.buffers = new ArrayBlockingQueue<>(uploadThreads + 3);
        this.staging = repo.backend().stagingDir();
    }

    @Override
    public boolean saveBlob(BlobType type, Id id, byte[] buf, int off, int len) throws IOException {
        checkFailure();
        BlobHandle h = new BlobHandle(id, type);
        if (known.has(h) || !seen.add(h)) {
            return false;
        }
        Scratch s = scratch.get();
        int ulen = 0;
        boolean compress = repo.config().version() >= 2 && len > 0 && (type == BlobType.TREE || compressData);
        if (compress && type == BlobType.DATA && len > 4 * SAMPLE && !worthCompressing(s, buf, off)) {
            compress = false;
        }
        if (staging != null && type == BlobType.DATA) {
            saveStaged(s, id, buf, off, len, compress);
            return true;
        }
        // one scratch array: zstd writes behind room for the IV, then encryption runs in place
        byte[] sealed = s.sealed((compress ? dev.coffer.repo.compress.Zstd.maxCompressedLength(len) : len) + CryptoKey.OVERHEAD);
        int sealedLen = -1;
        if (compress) {
            int clen = s.zstd.compress(buf, off, len, sealed, CryptoKey.IV_SIZE);
            if (clen < len || type == BlobType.TREE) {
                ulen = len;
                sealedLen = key.seal(sealed, CryptoKey.IV_SIZE, clen, sealed, 0);
            }
        }
        if (sealedLen < 0) {
            sealedLen = key.seal(buf, off, len, sealed, 0);
        }
        PackWriter full = null;
        synchronized (this) {
            PackWriter pw = open.get(type);
            if (pw != null && (pw.size() + sealedLen > packSize || pw.headerFull()
                    || (type == BlobType.DATA && !pw.fits(sealedLen)))) {
                open.remove(type);
                full = pw;
                pw = null;
            }
            if (pw == null) {
                pw = new PackWriter(key, buffer(type));
                open.put(type, pw);
            }
            pw.add(type, id, sealed, 0, sealedLen, ulen);
        }
        count(type, len, sealedLen);
        if (full != null) {
            upload(full);
        }
        return true;
    }

    private void count(BlobType type, int len, int sealedLen) {
        (type == BlobType.DATA ? dataBlobs : treeBlobs).incrementAndGet();
        dataAdded.addAndGet(len);
        dataAddedPacked.addAndGet(sealedLen);
    }

    /**
     * Appends a data blob to this thread's staged pack: compressed in the scratch array if it
     * shrinks (the array needs only the compressed size), else sealed straight into the file in
     * parts, so an incompressible chunk needs no array of its size.
     */
    private void saveStaged(Scratch s, Id id, byte[] buf, int off, int len, boolean compress) throws IOException {
        int clen = compress ? s.compressSmaller(buf, off, len) : -1;
        int sealedLen = (clen >= 0 ? clen : len) + CryptoKey.OVERHEAD;
        StagedPackWriter pw = s.pack;
        if (pw != null && (pw.size() + sealedLen > packSize || pw.headerFull())) {
            s.pack = null;
            uploadStaged(pw);
            pw = null;
        }
        if (pw == null) {
            pw = StagedPackWriter.create(key, staging);
            s.pack = pw;
        }
        if (clen >= 0) {
            byte[] sealed = s.sealed();
            key.seal(sealed, CryptoKey.IV_SIZE, clen, sealed, 0);
            pw.add(BlobType.DATA, id, sealed, 0, sealedLen, len);
        } else {
            pw.addSealing(BlobType.DATA, id, buf, off, len, s.slice);
        }
        count(BlobType.DATA, len, sealedLen);
    }

    private void uploadStaged(StagedPackWriter pw) throws IOException {
        StagedPack p;
        try {
            p = pw.finish();
        } catch (IOException | RuntimeException e) {
            pw.close();
            throw e;
        }
        pendingFiles.add(p.path());
        try {
            uploadSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            java.nio.file.Files.deleteIfExists(p.path());
            pendingFiles.remove(p.path());
            throw new InterruptedIOException("interrupted while waiting to upload a pack");
        }
        submit(() -> {
            repo.backend().saveFile(FileHandle.of(FileType.PACK, p.id()), p.path());
            pendingFiles.remove(p.path());
            stored(p.id(), (int) p.length(), p.entries());
        });
    }

    /** An upload's work, run on the upload pool. */
    private interface Upload {
        void run() throws IOException;
    }

    /** Runs {@code work} on the upload pool (a slot is already taken); a failure fails the session. */
    private void submit(Upload work) {
        uploads.execute(() -> {
            try {
                work.run();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException("pack upload failed: " + e, e));
            } finally {
                uploadSlots.release();
            }
        });
    }

    /** A pack is stored: its blobs become known and it waits for an index file. */
    private void stored(Id id, int length, List<PackEntry> entries) throws IOException {
        packs.incrementAndGet();
        for (PackEntry e : entries) {
            repo.index().addNew(e.in(id));
        }
        indexed(new FinishedPack(id, null, length, entries));
    }

    /** Deletes the staged packs that were never stored: the open ones and those still queued. */
    private void dropStaged() {
        for (Scratch s : scratches) {
            StagedPackWriter pw = s.pack;
            s.pack = null;
            if (pw != null) {
                try {
                    pw.close();
                } catch (IOException e) {
                    // best effort: a leftover staging file is ignored by every listing
                }
            }
        }
        for (java.nio.file.Path p : pendingFiles) {
            try {
                java.nio.file.Files.deleteIfExists(p);
            } catch (IOException e) {
                // as above
            }
        }
        pendingFiles.clear();
    }

    /** Compresses a sample; incompressible data (random, already compressed) is stored as is. */
    private static boolean worthCompressing(Scratch s, byte[] buf, int off) {
        byte[] c = s.sealed(dev.coffer.repo.compress.Zstd.maxCompressedLength(SAMPLE));
        int n = s.zstd.compress(buf, off, SAMPLE, c, 0);
        return n < SAMPLE * 0.97;
    }

    /**
     * A buffer for a new pack. Data packs get a recycled full-size one (packs are closed before
     * they would exceed the pack size, so it rarely grows); tree packs start small.
     */
    private byte[] buffer(BlobType type) {
        if (type == BlobType.TREE) {
            return new byte[TREE_BUFFER];
        }
        byte[] b = buffers.poll();
        return b != null ? b : new byte[packSize + HEADER_ROOM];
    }

    private void upload(PackWriter pw) throws IOException {
        try {
            uploadSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to upload a pack");
        }
        submit(() -> {
            FinishedPack p = pw.finish();
            repo.backend().save(FileHandle.of(FileType.PACK, p.id()), p.buffer(), 0, p.length());
            if (p.buffer().length == packSize + HEADER_ROOM) {
                buffers.offer(p.buffer());
            }
            stored(p.id(), p.length(), p.entries());
        });
    }

    private void indexed(FinishedPack p) throws IOException {
        List<FinishedPack> batch = null;
        synchronized (unindexed) {
            unindexed.add(p);
            unindexedBlobs += p.entries().size();
            if (unindexedBlobs >= INDEX_BLOBS) {
                batch = new ArrayList<>(unindexed);
                unindexed.clear();
                unindexedBlobs = 0;
            }
        }
        if (batch != null) {
            writeIndex(batch);
        }
    }

    private void writeIndex(List<FinishedPack> batch) throws IOException {
        Id id = repo.saveUnpacked(FileType.INDEX, IndexEncoder.encode(batch));
        synchronized (indexFiles) {
            indexFiles.add(id);
        }
    }

    private void checkFailure() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /**
     * Finishes the open packs, waits for every upload and writes index files for all uploaded
     * packs. After it returns, every blob saved so far is durable and indexed.
     */
    public SaveStats flush() throws IOException {
        List<PackWriter> rest;
        synchronized (this) {
            rest = new ArrayList<>(open.values());
            open.clear();
        }
        for (PackWriter pw : rest) {
            if (pw.count() > 0) {
                upload(pw);
            }
        }
        for (Scratch s : scratches) {
            StagedPackWriter pw = s.pack;
            s.pack = null;
            if (pw != null) {
                uploadStaged(pw);
            }
        }
        try {
            uploadSlots.acquire(maxSlots());
            uploadSlots.release(maxSlots());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for uploads");
        }
        checkFailure();
        List<FinishedPack> batch;
        synchronized (unindexed) {
            batch = new ArrayList<>(unindexed);
            unindexed.clear();
            unindexedBlobs = 0;
        }
        if (!batch.isEmpty()) {
            writeIndex(batch);
        }
        return stats();
    }

    /**
     * Ends an interrupted session without a snapshot: cancels the uploads still running (a backend
     * save is atomic, so no partial pack remains), waits briefly for them to stop, then writes an
     * index file for every pack already uploaded, so the next backup reuses those blobs instead of
     * uploading them again. Blobs still in open packs are dropped. Call it with the thread's
     * interrupt status cleared and after every caller of {@link #saveBlob} has stopped.
     *
     * @return the packs that became indexed here
     */
    public int abort() throws IOException {
        uploads.shutdownNow();
        dropStaged();
        try {
            if (!uploads.awaitTermination(ABORT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IOException("pack uploads did not stop within " + ABORT_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while cancelling uploads");
        }
        List<FinishedPack> batch;
        synchronized (unindexed) {
            batch = new ArrayList<>(unindexed);
            unindexed.clear();
            unindexedBlobs = 0;
        }
        if (!batch.isEmpty()) {
            writeIndex(batch);
        }
        return batch.size();
    }

    private int maxSlots() {
        return ((java.util.concurrent.ThreadPoolExecutor) uploads).getMaximumPoolSize() + 1;
    }

    public SaveStats stats() {
        return new SaveStats(dataBlobs.get(), treeBlobs.get(), dataAdded.get(), dataAddedPacked.get(), packs.get());
    }

    /** Index files written by this uploader so far. */
    public List<Id> indexFiles() {
        synchronized (indexFiles) {
            return List.copyOf(indexFiles);
        }
    }

    @Override
    public void close() {
        uploads.shutdownNow();
        dropStaged();
        for (Scratch s : scratches) {
            s.zstd.close();
        }
    }
}
