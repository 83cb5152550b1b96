package dev.coffer.agent.keys;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.crypto.KeyFile;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.file.GoTime;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Manages the key files of an open repository. A new key seals the same master key under a new
 * password; it is saved as {@code keys/<sha256 of its JSON>}, then opened with the password before
 * it is trusted (a key that cannot be opened is removed again). Removal refuses the key this
 * session used and the last key. Callers hold the repository lock (exclusive for remove and
 * passwd, as restic takes it).
 */
public final class KeyManager {
    private final Backend backend;
    private final CryptoKey master;
    private final Id current;
    private final ScryptParams params;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param master  the repository's master key
     * @param current the key file this session opened the repository with
     * @param params  scrypt parameters for new keys
     */
    public KeyManager(Backend backend, CryptoKey master, Id current, ScryptParams params, SecureRandom random, Clock clock) {
        this.backend = backend;
        this.master = master;
        this.current = current;
        this.params = params;
        this.random = random;
        this.clock = clock;
    }

    /** Every readable key, oldest first; unreadable ones are reported to {@code warnings} and left out. */
    public List<KeyInfo> list(Consumer<String> warnings) throws IOException {
        List<KeyInfo> out = new ArrayList<>();
        for (Id id : ids()) {
            try {
                KeyFile kf = KeyFile.parse(backend.load(FileHandle.of(FileType.KEY, id)));
                out.add(new KeyInfo(id, id.equals(current), kf.username(), kf.hostname(), created(kf)));
            } catch (CorruptDataException e) {
                warnings.accept("key " + id.shortHex() + " cannot be read: " + e.getMessage());
            }
        }
        out.sort(Comparator.comparing((KeyInfo k) -> (k.created() == null ? GoTime.ZERO : k.created()).toInstant())
                .thenComparing(KeyInfo::id));
        return out;
    }

    /**
     * Adds a key for {@code password} (wiped afterwards) and returns its file.
     *
     * @throws KeyException if the saved key cannot be opened again (it is removed)
     */
    public Added add(char[] password, String username, String hostname) throws IOException {
        char[] forCreate = password.clone();
        char[] forCheck = password.clone();
        try {
            KeyFile kf = KeyFile.create(forCreate, master, params, random, clock, username, hostname);
            byte[] json = kf.toJson();
            Id id = Id.hash(json);
            backend.save(FileHandle.of(FileType.KEY, id), json);
            try {
                KeyFile.parse(backend.load(FileHandle.of(FileType.KEY, id))).open(forCheck, random).destroy();
            } catch (WrongPasswordException | CorruptDataException e) {
                backend.remove(FileHandle.of(FileType.KEY, id));
                throw new KeyException("the new key could not be opened again and was removed: " + e.getMessage());
            }
            return new Added(id, kf);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(forCreate, '\0');
            Arrays.fill(forCheck, '\0');
        }
    }

    /** A key just added: its id and file. */
    public record Added(Id id, KeyFile file) {
    }

    /**
     * Removes the key named by a full id or a unique prefix.
     *
     * @throws KeyException if nothing or more than one key matches, or it is the key in use or the
     *     last key
     */
    public Id remove(String prefix) throws IOException {
        List<Id> all = ids();
        Id id = find(all, prefix);
        if (id.equals(current)) {
            throw new KeyException("refusing to remove key " + id.shortHex() + ": it is the key this session uses; "
                    + "open the repository with another password to remove it");
        }
        if (all.size() <= 1) {
            throw new KeyException("refusing to remove the repository's last key");
        }
        backend.remove(FileHandle.of(FileType.KEY, id));
        return id;
    }

    /** Adds a key for the new password, then removes the key in use; returns the new key. */
    public Added changePassword(char[] password, String username, String hostname) throws IOException {
        Added added = add(password, username, hostname);
        backend.remove(FileHandle.of(FileType.KEY, current));
        return added;
    }

    private List<Id> ids() throws IOException {
        List<Id> ids = new ArrayList<>();
        backend.list(FileType.KEY, fi -> ids.add(Id.parse(fi.name())));
        return ids;
    }

    static Id find(List<Id> ids, String prefix) throws KeyException {
        String p = prefix.toLowerCase(java.util.Locale.ROOT);
        List<Id> matches = ids.stream().filter(id -> id.hex().startsWith(p)).toList();
        if (matches.isEmpty()) {
            throw new KeyException("no key matches \"" + prefix + "\"; list them with 'coffer key list'");
        }
        if (matches.size() > 1) {
            throw new KeyException("key prefix \"" + prefix + "\" is ambiguous (" + matches.size()
                    + " keys); give more characters of the id");
        }
        return matches.get(0);
    }

    private static OffsetDateTime created(KeyFile kf) {
        try {
            return GoTime.parse(kf.created());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
