package dev.coffer.agent.backup;

import dev.coffer.agent.source.FileMeta;
import dev.coffer.agent.source.FileNames;
import dev.coffer.agent.source.MetaReader;
import dev.coffer.agent.source.SourceFilter;
import dev.coffer.repo.chunker.ChunkerTables;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeBuilder;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.BlobLoader;
import dev.coffer.repo.repository.BlobSaver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Walks the targets and saves them: files are read, chunked and saved on worker threads while the
 * walk goes on; each directory's tree is saved as soon as all its entries are done, children
 * before parents. A file that the parent snapshot has with the same size, mtime, ctime and inode
 * keeps its content list without being read. Unreadable entries are reported and left out, as
 * restic does.
 */
public final class Archiver {
    /** Files read at once (bounds memory and open files while keeping every worker busy). */
    static final int FILES_IN_FLIGHT = 256;
    /** Stack of the walking thread: 2,000 levels of recursion take a few MiB; reserved, not committed. */
    static final long WALK_STACK = 64L << 20;

    private final BlobSaver saver;
    private final Predicate<BlobHandle> indexed;
    private final ParentTrees parents;
    private final MetaReader meta;
    private final NodeFactory nodes;
    private final ExecutorService workers;
    private final SourceFilter filter;
    private final ChangePolicy policy;
    private final BackupListener listener;
    private final Semaphore inFlight = new Semaphore(FILES_IN_FLIGHT);
    private final ThreadLocal<FileChunker> chunkers;
    private final BackupCounters counters = new BackupCounters();

    /**
     * @param indexed tells whether the repository has a blob (to trust a parent's content list)
     * @param loader reads the parent snapshot's trees
     */
    public Archiver(BlobSaver saver, Predicate<BlobHandle> indexed, BlobLoader loader, ChunkerTables tables,
            MetaReader meta, ZoneId zone, ExecutorService workers, SourceFilter filter, ChangePolicy policy,
            BackupListener listener) {
        this.saver = saver;
        this.indexed = indexed;
        this.parents = new ParentTrees(loader);
        this.meta = meta;
        this.nodes = new NodeFactory(meta, zone);
        this.workers = workers;
        this.filter = filter;
        this.policy = policy;
        this.listener = listener;
        this.chunkers = ThreadLocal.withInitial(() -> new FileChunker(tables, saver, listener));
    }

    public BackupCounters counters() {
        return counters;
    }

    /**
     * Saves the targets (absolute, or relative to {@code cwd}) and returns the root tree id.
     * {@code parentTree} is the parent snapshot's root tree, or null.
     */
    public Id archive(List<Path> targets, Path cwd, Id parentTree) throws IOException {
        boolean relative = targets.stream().allMatch(t -> !t.isAbsolute() && !t.normalize().startsWith(".."));
        Path base = relative ? cwd : cwd.getRoot();
        List<Path> rel = new ArrayList<>();
        for (Path t : targets) {
            rel.add(relative ? t.normalize() : base.relativize(cwd.resolve(t).toAbsolutePath().normalize()));
        }
        TargetTree tt = TargetTree.of(rel);
        Tree parent = parents.load(parentTree);
        CompletableFuture<Id> root = onWalkThread(() -> tt.whole
                ? saveDirContents(base, parent, device(base))
                : saveVirtual(base, tt, parent));
        try {
            return root.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private interface Walk {
        CompletableFuture<Id> run() throws IOException;
    }

    /**
     * Runs the walk, which recurses once per directory level, on a thread with a stack for the
     * deepest tree a path can hold (PATH_MAX allows about 2,000 levels of one-letter names).
     */
    private static CompletableFuture<Id> onWalkThread(Walk walk) throws IOException {
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = walk.run();
            } catch (IOException | RuntimeException | Error e) {
                result[0] = e;
            }
        }, "backup-walk", WALK_STACK);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        }
        if (result[0] instanceof IOException e) {
            throw e;
        }
        if (result[0] instanceof RuntimeException e) {
            throw e;
        }
        if (result[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<Id> root = (CompletableFuture<Id>) result[0];
        return root;
    }

    private long device(Path p) throws IOException {
        return meta.read(p).device();
    }

    private static IOException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof UncheckedIOException u) {
            return u.getCause();
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        return new IOException(t);
    }

    private CompletableFuture<Id> saveVirtual(Path dir, TargetTree t, Tree parent) throws IOException {
        List<CompletableFuture<Node>> kids = new ArrayList<>();
        for (Map.Entry<byte[], TargetTree> e : t.children.entrySet()) {
            Path p = dir.resolve(new String(e.getKey(), StandardCharsets.UTF_8));
            FileMeta m = stat(p);
            if (m == null) {
                continue;
            }
            Node old = parent == null ? null : parent.find(e.getKey());
            if (e.getValue().whole) {
                kids.add(entry(p, e.getKey(), m, old, m.device()));
            } else {
                NodeBuilder b = nodes.builder(p, e.getKey(), m);
                kids.add(saveVirtual(p, e.getValue(), parents.load(ParentTrees.subtree(old)))
                        .thenApply(id -> b.subtree(id).build()));
            }
        }
        return saveTree(kids);
    }

    private FileMeta stat(Path p) {
        try {
            return meta.read(p);
        } catch (IOException e) {
            counters.error("error: lstat " + p + ": " + reason(e));
            return null;
        }
    }

    private CompletableFuture<Node> entry(Path p, byte[] name, FileMeta m, Node old, long rootDevice) throws IOException {
        NodeBuilder b = nodes.builder(p, name, m);
        if (m.isDirectory()) {
            Id oldTree = ParentTrees.subtree(old);
            CompletableFuture<Id> contents = filter.stopsAt(m, rootDevice)
                    ? saveTree(List.of())
                    : saveDirContents(p, parents.load(oldTree), rootDevice);
            return contents.thenApply(id -> {
                if (id == null) {
                    return null;
                }
                (id.equals(oldTree) ? counters.dirsUnmodified : oldTree != null ? counters.dirsChanged : counters.dirsNew)
                        .incrementAndGet();
                return b.subtree(id).build();
            });
        }
        if (!m.isRegular()) {
            if ((m.mode() & FileMeta.S_IFMT) == FileMeta.S_IFSOCK) {
                // as restic 0.14: a socket belongs to the process listening on it and is left out
                return CompletableFuture.completedFuture(null);
            }
            if (m.isSymlink()) {
                Path target = Files.readSymbolicLink(p);
                if (!FileNames.exact(target)) {
                    counters.error("error: " + p + ": the symlink's target: " + FileNames.unreadableName());
                    return CompletableFuture.completedFuture(null);
                }
                b.linkTarget(target.toString().getBytes(StandardCharsets.UTF_8));
            }
            return CompletableFuture.completedFuture(b.build());
        }
        if (unchanged(old, m)) {
            counters.filesUnmodified.incrementAndGet();
            counters.totalFiles.incrementAndGet();
            counters.totalBytes.addAndGet(m.size());
            listener.bytes(m.size());
            listener.fileDone();
            return CompletableFuture.completedFuture(b.size(m.size()).content(old.content()).build());
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        }
        boolean changed = old != null && old.type() == NodeType.FILE;
        return CompletableFuture.supplyAsync(() -> {
            try {
                FileChunker.Content c = chunkers.get().save(p);
                (changed ? counters.filesChanged : counters.filesNew).incrementAndGet();
                counters.totalFiles.incrementAndGet();
                counters.totalBytes.addAndGet(c.size());
                listener.fileDone();
                return b.size(c.size()).content(c.ids()).build();
            } catch (java.nio.file.AccessDeniedException | java.nio.file.NoSuchFileException e) {
                counters.error("error: open " + p + ": " + reason(e));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                inFlight.release();
            }
        }, workers);
    }

    /** True if the parent's node describes this same, unchanged file and its content is stored. */
    private boolean unchanged(Node old, FileMeta m) {
        if (policy.force() || old == null || old.type() != NodeType.FILE || old.content() == null) {
            return false;
        }
        if (old.size() != m.size() || !old.mtime().toInstant().equals(m.mtime().toInstant())) {
            return false;
        }
        if (!policy.ignoreCtime() && !old.ctime().toInstant().equals(m.ctime().toInstant())) {
            return false;
        }
        if (!policy.ignoreInode() && old.inode() != m.inode()) {
            return false;
        }
        for (Id blob : old.content()) {
            if (!indexed.test(new BlobHandle(blob, BlobType.DATA))) {
                return false;
            }
        }
        return true;
    }

    /** Lists a directory (sorted by raw name), saves every entry, then the directory's tree. */
    private CompletableFuture<Id> saveDirContents(Path dir, Tree parent, long rootDevice) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("backup interrupted");
        }
        List<Path> children = new ArrayList<>();
        String marker = filter.marker(dir);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                if (!FileNames.exact(c)) {
                    counters.error("error: " + c + ": " + FileNames.unreadableName());
                    continue;
                }
                if (marker == null || c.getFileName().toString().equals(marker)) {
                    children.add(c);
                }
            }
        } catch (java.nio.file.AccessDeniedException e) {
            counters.error("error: open " + dir + ": " + reason(e));
            return CompletableFuture.completedFuture(null);
        }
        byte[][] names = new byte[children.size()][];
        Integer[] order = new Integer[children.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = children.get(i).getFileName().toString().getBytes(StandardCharsets.UTF_8);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(names[a], names[b]));
        List<CompletableFuture<Node>> kids = new ArrayList<>(names.length);
        for (int i : order) {
            Path p = children.get(i);
            FileMeta m = stat(p);
            if (m != null && !filter.excluded(p, m, rootDevice)) {
                kids.add(entry(p, names[i], m, parent == null ? null : parent.find(names[i]), rootDevice));
            }
        }
        return saveTree(kids);
    }

    private CompletableFuture<Id> saveTree(List<CompletableFuture<Node>> kids) {
        return CompletableFuture.allOf(kids.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
            List<Node> list = new ArrayList<>(kids.size());
            for (CompletableFuture<Node> k : kids) {
                Node n = k.join();
                if (n != null) {
                    list.add(n);
                }
            }
            byte[] json = new Tree(list).encode();
            Id id = Id.hash(json);
            try {
                saver.saveBlob(BlobType.TREE, id, json, 0, json.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return id;
        }, workers);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
