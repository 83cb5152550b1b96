package dev.coffer.agent.backup;

import dev.coffer.agent.source.FileMeta;
import dev.coffer.agent.source.MetaReader;
import dev.coffer.repo.chunker.ChunkerTables;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeBuilder;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
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

/**
 * Walks the targets and saves them: files are read, chunked and saved on worker threads while the
 * walk goes on; each directory's tree is saved as soon as all its entries are done, children
 * before parents. Unreadable entries are reported and left out, as restic does.
 */
public final class Archiver {
    /** Files read at once (bounds memory and open files while keeping every worker busy). */
    static final int FILES_IN_FLIGHT = 256;

    private final BlobSaver saver;
    private final ChunkerTables tables;
    private final MetaReader meta;
    private final NodeFactory nodes;
    private final ExecutorService workers;
    private final Semaphore inFlight = new Semaphore(FILES_IN_FLIGHT);
    private final ThreadLocal<FileChunker> chunkers;
    private final BackupCounters counters = new BackupCounters();

    public Archiver(BlobSaver saver, ChunkerTables tables, MetaReader meta, ZoneId zone, ExecutorService workers) {
        this.saver = saver;
        this.tables = tables;
        this.meta = meta;
        this.nodes = new NodeFactory(meta, zone);
        this.workers = workers;
        this.chunkers = ThreadLocal.withInitial(() -> new FileChunker(this.tables, this.saver));
    }

    public BackupCounters counters() {
        return counters;
    }

    /** Saves the targets (absolute, or relative to the working directory) and returns the root tree id. */
    public Id archive(List<Path> targets, Path cwd) throws IOException {
        List<Path> rel = new ArrayList<>();
        boolean relative = targets.stream().allMatch(t -> !t.isAbsolute() && !t.normalize().startsWith(".."));
        for (Path t : targets) {
            rel.add(relative ? t.normalize() : t.toAbsolutePath().normalize());
        }
        Path base = relative ? cwd : cwd.getRoot();
        TargetTree tt = TargetTree.of(relative ? rel : rel.stream().map(base::relativize).toList());
        CompletableFuture<Id> root;
        if (tt.whole) {
            root = saveDirContents(base);
        } else {
            root = saveVirtual(base, tt);
        }
        try {
            return root.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
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

    private CompletableFuture<Id> saveVirtual(Path dir, TargetTree t) throws IOException {
        List<CompletableFuture<Node>> kids = new ArrayList<>();
        for (Map.Entry<byte[], TargetTree> e : t.children.entrySet()) {
            Path p = dir.resolve(new String(e.getKey(), StandardCharsets.UTF_8));
            FileMeta m = stat(p);
            if (m == null) {
                continue;
            }
            if (e.getValue().whole) {
                kids.add(entry(p, e.getKey(), m));
            } else {
                NodeBuilder b = nodes.builder(p, e.getKey(), m);
                kids.add(saveVirtual(p, e.getValue()).thenApply(id -> b.subtree(id).build()));
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

    private CompletableFuture<Node> entry(Path p, byte[] name, FileMeta m) throws IOException {
        NodeBuilder b = nodes.builder(p, name, m);
        if (m.isDirectory()) {
            counters.dirsNew.incrementAndGet();
            return saveDirContents(p).thenApply(id -> id == null ? null : b.subtree(id).build());
        }
        if (!m.isRegular()) {
            if (m.isSymlink()) {
                b.linkTarget(Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
            }
            return CompletableFuture.completedFuture(b.build());
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                FileChunker.Content c = chunkers.get().save(p);
                counters.filesNew.incrementAndGet();
                counters.totalFiles.incrementAndGet();
                counters.totalBytes.addAndGet(c.size());
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

    /** Lists a directory (sorted by raw name), saves every entry, then the directory's tree. */
    private CompletableFuture<Id> saveDirContents(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                children.add(c);
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
            if (m != null) {
                kids.add(entry(p, names[i], m));
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
