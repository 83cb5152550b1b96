package dev.coffer.repo.repository;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.chunker.Polynomial;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.crypto.KeyFile;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.file.ConfigFile;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An open repository: the backend, the master key and the config. Loads and saves encrypted
 * files and blobs, and holds the blob index once {@link #loadIndex()} ran. Thread-safe.
 */
public final class Repository implements BlobLoader, SnapshotStore {
    /** restic tries at most this many key files before giving up. */
    static final int MAX_KEYS = 20;

    private final Backend backend;
    private final CryptoKey key;
    private final ConfigFile config;
    private final Id keyId;
    private final SecureRandom random;
    private final BlobIndex index = new BlobIndex();
    private final java.util.Set<Id> loadedIndexFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Zstd> zstd = ThreadLocal.withInitial(() -> new Zstd(Zstd.DEFAULT_LEVEL));

    private Repository(Backend backend, CryptoKey key, ConfigFile config, Id keyId, SecureRandom random) {
        this.backend = backend;
        this.key = key;
        this.config = config;
        this.keyId = keyId;
        this.random = random;
    }

    /** Creates a new version-2 repository with one key for {@code password}. */
    public static Repository init(Backend backend, char[] password, ScryptParams kdf, SecureRandom random,
            Clock clock, String username, String hostname) throws IOException {
        if (backend.exists()) {
            throw new IOException("a repository already exists at " + backend.location()
                    + "; use it, or choose another location");
        }
        backend.create();
        CryptoKey master = CryptoKey.random(random);
        byte[] rid = new byte[32];
        random.nextBytes(rid);
        Polynomial pol = Polynomial.random(random);
        ConfigFile config = new ConfigFile(2, HexFormat.of().formatHex(rid), pol.value());
        KeyFile kf = KeyFile.create(password, master, kdf, random, clock, username, hostname);
        byte[] keyJson = kf.toJson();
        Id keyId = Id.hash(keyJson);
        backend.save(FileHandle.of(FileType.KEY, keyId), keyJson);
        backend.save(FileHandle.config(), master.seal(config.encode()));
        return new Repository(backend, master, config, keyId, random);
    }

    /** Opens an existing repository, trying each key file with {@code password}. */
    public static Repository open(Backend backend, char[] password, SecureRandom random) throws IOException {
        byte[] sealedConfig;
        try {
            sealedConfig = backend.load(FileHandle.config());
        } catch (NotFoundException e) {
            throw new NoRepositoryException("no repository at " + backend.location()
                    + " (config file missing); create one with 'coffer init'");
        }
        List<String> keys = new ArrayList<>();
        backend.list(FileType.KEY, fi -> keys.add(fi.name()));
        if (keys.isEmpty()) {
            throw new CorruptDataException("repository at " + backend.location() + " has no key files");
        }
        java.util.Collections.sort(keys);
        List<String> damaged = new ArrayList<>();
        int tried = 0;
        for (String name : keys) {
            if (tried++ >= MAX_KEYS) {
                break;
            }
            byte[] raw = backend.load(new FileHandle(FileType.KEY, name));
            if (!Id.hash(raw).hex().equals(name)) {
                // restic names a key file by the SHA-256 of its content; still try it, its data is MAC-protected
                damaged.add(name);
            }
            CryptoKey master;
            try {
                master = KeyFile.parse(raw).open(password);
            } catch (WrongPasswordException e) {
                continue;
            } catch (CorruptDataException e) {
                if (!damaged.contains(name)) {
                    damaged.add(name);
                }
                continue;
            }
            byte[] plain = master.open(sealedConfig, 0, sealedConfig.length);
            ConfigFile config = ConfigFile.decode(plain);
            Polynomial pol = new Polynomial(config.chunkerPolynomial());
            if (!pol.isValidChunkerPolynomial()) {
                throw new CorruptDataException("the repository's chunker polynomial " + pol.hex()
                        + " is not an irreducible degree-53 polynomial");
            }
            return new Repository(backend, master, config, Id.parse(name), random);
        }
        if (!damaged.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String d : damaged) {
                names.append(names.length() == 0 ? "" : ", ").append("keys/").append(d, 0, 8);
            }
            throw new CorruptDataException("no intact key file accepts this password and " + names
                    + (damaged.size() == 1 ? " is" : " are") + " damaged (content does not match the file name);"
                    + " restore " + (damaged.size() == 1 ? "it" : "them") + " from a copy of the repository,"
                    + " or check RESTIC_PASSWORD / --password-file");
        }
        throw new WrongPasswordException("wrong password or no key found for it in " + backend.location()
                + "; check RESTIC_PASSWORD / --password-file");
    }

    public Backend backend() {
        return backend;
    }

    public CryptoKey key() {
        return key;
    }

    public ConfigFile config() {
        return config;
    }

    public Polynomial polynomial() {
        return new Polynomial(config.chunkerPolynomial());
    }

    /** The key file this session opened the repository with. */
    public Id keyId() {
        return keyId;
    }

    public SecureRandom random() {
        return random;
    }

    public BlobIndex index() {
        return index;
    }

    /** The index files whose entries {@link #loadIndex} added to {@link #index()}. */
    public java.util.Set<Id> loadedIndexFiles() {
        return java.util.Set.copyOf(loadedIndexFiles);
    }

    void indexFileLoaded(Id id) {
        loadedIndexFiles.add(id);
    }

    Zstd zstd() {
        return zstd.get();
    }

    /** Loads, verifies (the file's hash must be its name), decrypts and decompresses an unpacked file. */
    public byte[] loadUnpacked(FileType type, Id id) throws IOException {
        byte[] raw = backend.load(FileHandle.of(type, id));
        if (!Id.hash(raw).equals(id)) {
            throw new CorruptDataException(type.dir() + "/" + id + " does not match its hash; the file is damaged");
        }
        return Unpacked.decode(key.open(raw, 0, raw.length));
    }

    /** Compresses (v2), encrypts and stores an unpacked file; returns its storage id. */
    public Id saveUnpacked(FileType type, byte[] json) throws IOException {
        byte[] sealed = key.seal(Unpacked.encode(json, config.version()));
        Id id = Id.hash(sealed);
        backend.save(FileHandle.of(type, id), sealed);
        return id;
    }

    /** Lists the ids of all files of a type. */
    public List<Id> list(FileType type) throws IOException {
        List<Id> out = new ArrayList<>();
        backend.list(type, (FileInfo fi) -> out.add(Id.parse(fi.name())));
        return out;
    }

    /**
     * Reads every index file into {@link #index()}; a damaged index file fails the load with a
     * message that says to run {@code coffer repair index}.
     */
    public void loadIndex() throws IOException {
        IndexLoader.load(this, index, null);
    }

    /**
     * Reads every index file into {@link #index()}, skipping damaged ones (hash, MAC, compression or
     * JSON errors, or a file gone since listing): each is reported to {@code damaged} and adds no
     * entries. Backend errors still fail the load.
     */
    public void loadIndex(java.util.function.BiConsumer<Id, IOException> damaged) throws IOException {
        IndexLoader.load(this, index, java.util.Objects.requireNonNull(damaged, "damaged"));
    }

    @Override
    public byte[] loadBlob(BlobHandle h) throws IOException {
        PackedBlob pb = index.lookup(h);
        if (pb == null) {
            throw new CorruptDataException(h.type().jsonName() + " blob " + h.id() + " is not in the index");
        }
        byte[] sealed = backend.load(FileHandle.of(FileType.PACK, pb.packId()), pb.offset(), pb.length());
        return BlobCodec.open(key, zstd(), pb, sealed, 0);
    }

    @Override
    public List<Snapshot> listSnapshots() throws IOException {
        return listSnapshots(null);
    }

    /**
     * Every snapshot that loads; a damaged snapshot file (hash, MAC, compression or JSON error, or
     * gone since listing) is reported to {@code damaged} and left out. With {@code damaged} null the
     * first damaged file fails the listing.
     */
    @Override
    public List<Snapshot> listSnapshots(java.util.function.BiConsumer<Id, IOException> damaged) throws IOException {
        List<Id> ids = list(FileType.SNAPSHOT);
        List<java.util.concurrent.Future<Snapshot>> futures = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(8, ids.size())), r -> {
                    Thread t = new Thread(r, "snapshot-loader");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (Id id : ids) {
                futures.add(pool.submit(() -> loadSnapshot(id)));
            }
            List<Snapshot> out = new ArrayList<>(ids.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(Futures.get(futures.get(i)));
                } catch (CorruptDataException | NotFoundException e) {
                    if (damaged == null) {
                        throw e;
                    }
                    damaged.accept(ids.get(i), e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public Snapshot loadSnapshot(Id id) throws IOException {
        return new Snapshot(id, SnapshotFile.decode(loadUnpacked(FileType.SNAPSHOT, id)));
    }

    @Override
    public Id saveSnapshot(SnapshotFile s) throws IOException {
        return saveUnpacked(FileType.SNAPSHOT, s.encode());
    }
}
