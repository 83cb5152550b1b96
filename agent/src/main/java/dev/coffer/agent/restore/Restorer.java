package dev.coffer.agent.restore;

import dev.coffer.agent.restore.RestorePlan.BlobUse;
import dev.coffer.agent.restore.RestorePlan.FileTarget;
import dev.coffer.agent.restore.RestorePlan.Write;
import dev.coffer.agent.source.FileNames;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.NotFoundException;
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
import dev.coffer.repo.repository.BlobCodec;
import dev.coffer.repo.repository.Futures;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Restores a tree into a folder: plans which blobs each pack holds for which files, fetches every
 * pack's needed range once, verifies each blob (MAC, decompression, SHA-256), writes it to every
 * place it belongs, and sets metadata when a file is complete; directories get theirs last.
 */
public final class Restorer {
    /** Writes go out in slices: the JDK's per-thread direct copy buffer grows to each write's size. */
    private static final int IO_SLICE = 1 << 20;
    /**
     * Neighbouring blobs of a pack are read together up to this many bytes: few reads, and a range
     * array per worker of this size rather than a whole pack's.
     */
    static final int RUN_BYTES = 4 << 20;

    private final Repository repo;
    private final int workers;
    private final MetadataWriter metadata;
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Zstd> zstd = ThreadLocal.withInitial(() -> new Zstd(Zstd.DEFAULT_LEVEL));
    /** Each worker opens blobs into arrays of its own, reused from blob to blob. */
    private final ThreadLocal<BlobCodec.Buffers> buffers = ThreadLocal.withInitial(BlobCodec.Buffers::new);
    /** Each worker reads runs of blobs into one array of its own (RUN_BYTES, or the largest blob). */
    private final ThreadLocal<RangeBuffer> ranges = ThreadLocal.withInitial(RangeBuffer::new);

    /** A growing array, reused for every pack range one worker reads. */
    private static final class RangeBuffer {
        private byte[] b = new byte[0];

        byte[] atLeast(int n) {
            if (b.length < n) {
                // RUN_BYTES at first; a larger blob (at most 8 MiB of data) grows it once or twice
                b = new byte[Math.max(RUN_BYTES, (n + (1 << 20) - 1) & -(1 << 20))];
            }
            return b;
        }
    }

    private final RestoreOptions options;
    private final List<dev.coffer.agent.source.Pattern> includes;
    private final List<dev.coffer.agent.source.Pattern> excludes;

    public Restorer(Repository repo, int workers, MetadataWriter metadata) {
        this(repo, workers, metadata, RestoreOptions.DEFAULT);
    }

    public Restorer(Repository repo, int workers, MetadataWriter metadata, RestoreOptions options) {
        this.repo = repo;
        this.workers = workers;
        this.metadata = metadata;
        this.options = options;
        this.includes = options.includes().stream().map(p -> new dev.coffer.agent.source.Pattern(p, false)).toList();
        this.excludes = options.excludes().stream().map(p -> new dev.coffer.agent.source.Pattern(p, false)).toList();
    }

    /**
     * Checks an earlier restore of {@code root} in {@code target} against the repository without
     * writing anything; returns the mismatches.
     */
    public RestoreResult verifyOnly(Id root, Path target) throws IOException {
        RestorePlan plan = new RestorePlan();
        try (TreePrefetch trees = new TreePrefetch(repo, workers, root)) {
            planTree(plan, trees, root, target, "", includes.isEmpty());
        }
        List<String> problems = new ArrayList<>();
        long ok = new RestoreVerifier(repo).verify(plan.files, problems);
        return new RestoreResult(plan.files.size(), plan.dirs.size(), plan.totalBytes, ok, problems);
    }

    /** Restores the tree {@code root} into {@code target}; returns the errors (empty when all went well). */
    public RestoreResult restore(Id root, Path target) throws IOException {
        RestorePlan plan = new RestorePlan();
        Files.createDirectories(target);
        try (TreePrefetch trees = new TreePrefetch(repo, workers, root)) {
            planTree(plan, trees, root, target, "", includes.isEmpty());
        }
        for (Map.Entry<Path, Node> d : plan.dirs) {
            Files.createDirectories(d.getKey());
        }
        for (FileTarget f : plan.files) {
            if (f.pending.get() == 0) {
                f.create();
            }
            if (f.pending.get() == 0 && !f.damaged.get()) {
                metadata.apply(f.path, f.node);
            }
        }
        for (Map.Entry<Path, Node> o : plan.others) {
            createSpecial(o.getKey(), o.getValue());
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "restore-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Map.Entry<Id, Map<Id, BlobUse>> e : plan.byPack.entrySet()) {
                done.add(pool.submit(() -> {
                    restorePack(e.getKey(), new ArrayList<>(e.getValue().values()));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                Futures.get(f);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<Path, Path> link : plan.hardlinks) {
            try {
                Files.deleteIfExists(link.getKey());
                Files.createLink(link.getKey(), link.getValue());
            } catch (IOException e) {
                errors.add("error: " + link.getKey() + ": cannot link it to " + link.getValue() + ": " + e.getMessage());
            }
        }
        for (int i = plan.dirs.size() - 1; i >= 0; i--) {
            metadata.apply(plan.dirs.get(i).getKey(), plan.dirs.get(i).getValue());
        }
        long verified = options.verify() ? new RestoreVerifier(repo).verify(plan.files, errors) : 0;
        return new RestoreResult(plan.files.size(), plan.dirs.size(), plan.totalBytes, verified, List.copyOf(errors));
    }

    /**
     * Adds the selected entries of a tree to the plan; returns true if anything was added.
     * {@code selected}: an include pattern matched this tree's directory (or there are none).
     */
    private boolean planTree(RestorePlan plan, TreePrefetch trees, Id treeId, Path dir, String inner, boolean selected)
            throws IOException {
        Tree tree;
        try {
            tree = trees.take(treeId);
        } catch (CorruptDataException | NotFoundException e) {
            errors.add("damaged: " + dir + ": its content (tree " + treeId.shortHex() + ") cannot be read: " + e.getMessage());
            return selected;
        }
        boolean any = false;
        for (Node n : tree.nodes()) {
            String name;
            try {
                name = safeName(n.name(), dir);
            } catch (CorruptDataException e) {
                errors.add("skipped: " + e.getMessage());
                continue;
            }
            Path p = dir.resolve(name);
            String path = inner + "/" + name;
            if (matchesAny(excludes, path)) {
                continue;
            }
            boolean sel = selected || matchesAny(includes, path);
            switch (n.type()) {
                case DIR -> {
                    int at = plan.dirs.size();
                    plan.dirs.add(new AbstractMap.SimpleEntry<>(p, n));
                    if (n.subtree() == null) {
                        errors.add("damaged: " + p + ": the snapshot records no content for this directory");
                        any |= sel;
                        if (!sel) {
                            plan.dirs.remove(at);
                        }
                    } else if (!planTree(plan, trees, n.subtree(), p, path, sel) && !sel) {
                        plan.dirs.remove(at);
                    } else {
                        any = true;
                    }
                }
                case FILE -> {
                    if (!sel) {
                        continue;
                    }
                    List<Long> inode = n.links() > 1 ? List.of(n.deviceId(), n.inode()) : null;
                    if (inode != null && plan.byInode.containsKey(inode)) {
                        plan.hardlinks.add(new AbstractMap.SimpleEntry<>(p, plan.byInode.get(inode).path));
                        any = true;
                        continue;
                    }
                    FileTarget f = new FileTarget(p, n);
                    if (inode != null) {
                        plan.byInode.put(inode, f);
                    }
                    plan.files.add(f);
                    long off = 0;
                    for (Id blob : n.content() == null ? List.<Id>of() : n.content()) {
                        PackedBlob pb = repo.index().lookup(new BlobHandle(blob, BlobType.DATA));
                        if (pb == null) {
                            // its length is unknown, and with it where the rest of the file goes
                            damaged(f, "data blob " + blob.shortHex() + " is not in the index (restored up to offset " + off + ")");
                            break;
                        }
                        plan.addWrite(pb, f, off);
                        off += pb.plaintextLength();
                    }
                    plan.totalBytes += off;
                    any = true;
                }
                default -> {
                    if (sel) {
                        plan.others.add(new AbstractMap.SimpleEntry<>(p, n));
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    private static boolean matchesAny(List<dev.coffer.agent.source.Pattern> patterns, String path) {
        for (dev.coffer.agent.source.Pattern p : patterns) {
            if (p.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A node name as a path element; refuses names that would escape the target, and names this
     * JVM cannot write byte for byte (not valid UTF-8, or not representable in the file-name
     * encoding of the locale), which would otherwise be restored under another name.
     */
    static String safeName(byte[] raw, Path dir) throws CorruptDataException {
        String s = new String(raw, StandardCharsets.UTF_8);
        if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\0') >= 0) {
            throw new CorruptDataException("refusing node name '" + s + "' in " + dir + ": it would escape the target");
        }
        if (!java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), raw) || !FileNames.representable(dir, s)) {
            throw new CorruptDataException(dir + "/" + FileNames.escaped(raw) + ": " + FileNames.unwritableName());
        }
        return s;
    }

    /**
     * Restores the blobs {@code uses} of one pack: reads them in runs of neighbouring blobs (each
     * run one read of at most {@link #RUN_BYTES}, or one blob if it is larger), opens each blob in
     * place and writes it wherever it goes.
     */
    private void restorePack(Id packId, List<BlobUse> uses) throws IOException {
        uses.sort(Comparator.comparingLong(u -> u.blob.offset()));
        for (int from = 0; from < uses.size(); ) {
            long start = uses.get(from).blob.offset();
            int to = from + 1;
            while (to < uses.size() && uses.get(to).blob.offset() + uses.get(to).blob.length() - start <= RUN_BYTES) {
                to++;
            }
            restoreRun(packId, uses.subList(from, to));
            from = to;
        }
    }

    private void restoreRun(Id packId, List<BlobUse> uses) throws IOException {
        long start = uses.get(0).blob.offset();
        BlobUse last = uses.get(uses.size() - 1);
        long end = last.blob.offset() + last.blob.length();
        byte[] range = ranges.get().atLeast((int) (end - start));
        int got;
        try {
            got = repo.backend().loadInto(FileHandle.of(FileType.PACK, packId), start, (int) (end - start), range);
        } catch (IOException e) {
            for (BlobUse u : uses) {
                fail(u, "pack " + packId.shortHex() + " cannot be read: " + e.getMessage());
            }
            return;
        }
        BlobCodec.Buffers b = buffers.get();
        for (BlobUse u : uses) {
            byte[] plain;
            int len = u.blob.plaintextLength();
            if (u.blob.offset() - start + u.blob.length() > got) {
                fail(u, "blob " + u.blob.handle().id() + " in pack " + packId + " is truncated");
                continue;
            }
            try {
                plain = BlobCodec.openInPlace(repo.key(), zstd.get(), u.blob, range, (int) (u.blob.offset() - start), b);
            } catch (CorruptDataException e) {
                fail(u, e.getMessage());
                continue;
            }
            int at = b.offset();
            boolean hole = options.sparse() && allZero(plain, at, len);
            for (Write w : u.writes) {
                if (hole) {
                    w.file().create();
                } else {
                    write(w, plain, at, len);
                }
                if (w.file().pending.decrementAndGet() == 0 && !w.file().damaged.get()) {
                    metadata.apply(w.file().path, w.file().node);
                }
            }
        }
    }

    /**
     * Writes one blob into its file. A file made of this one blob is created, written and closed
     * in one go; larger files are created at their full size first (see FileTarget#create).
     */
    private static void write(Write w, byte[] plain, int at, int len) throws IOException {
        FileTarget f = w.file();
        FileChannel ch;
        if (f.node.content().size() == 1) {
            ch = openWhole(f.path);
        } else {
            f.create();
            ch = FileChannel.open(f.path, StandardOpenOption.WRITE);
        }
        try (ch) {
            for (int p = 0; p < len; ) {
                p += ch.write(ByteBuffer.wrap(plain, at + p, Math.min(IO_SLICE, len - p)), w.offset() + p);
            }
        }
    }

    /** Opens a file for a fresh write, replacing whatever was there (a symlink or a read-only file too). */
    private static FileChannel openWhole(Path p) throws IOException {
        try {
            return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            Files.deleteIfExists(p);
            return FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static boolean allZero(byte[] b, int at, int len) {
        for (int i = at; i < at + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void fail(BlobUse u, String why) {
        for (Write w : u.writes) {
            damaged(w.file(), why);
            try {
                w.file().create();
            } catch (IOException e) {
                errors.add("cannot create " + w.file().path + ": " + e.getMessage());
            }
            w.file().pending.decrementAndGet();
        }
    }

    /** Names a damaged file once, with its first problem; its undamaged parts are still written. */
    private void damaged(FileTarget f, String why) {
        if (f.damaged.compareAndSet(false, true)) {
            errors.add("damaged: " + f.path + ": " + why);
        }
    }

    private void createSpecial(Path p, Node n) throws IOException {
        Files.deleteIfExists(p);
        if (n.type() == NodeType.SYMLINK) {
            Files.createSymbolicLink(p, Path.of(new String(n.symlinkTarget(), StandardCharsets.UTF_8)));
            metadata.applySymlink(p, n);
        } else if (n.type() == NodeType.FIFO) {
            metadata.mkfifo(p, n);
        } else if (n.type() == NodeType.DEV || n.type() == NodeType.CHARDEV) {
            try {
                metadata.mknod(p, n, n.type() == NodeType.DEV);
            } catch (IOException e) {
                errors.add("error: " + p + ": cannot create the device: " + e.getMessage());
            }
        } else if (n.type() == NodeType.SOCKET) {
            // as restic: a socket belongs to the process that listened on it; there is nothing to restore
            return;
        } else {
            errors.add("skipped: " + p + ": restoring " + n.type().jsonName() + " nodes is not supported");
        }
    }
}
