package dev.coffer.agent.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.InMemoryBackend;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.crypto.KeyFile;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyManagerTest {
    private static final ScryptParams FAST = new ScryptParams(1024, 8, 1);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.5Z"), ZoneOffset.UTC);
    private final InMemoryBackend backend = new InMemoryBackend();
    private final CryptoKey master = CryptoKey.random(random);

    private Id firstKey() throws Exception {
        KeyFile kf = KeyFile.create("first".toCharArray(), master, FAST, random, clock, "root", "vm");
        Id id = Id.hash(kf.toJson());
        backend.save(FileHandle.of(FileType.KEY, id), kf.toJson());
        return id;
    }

    @Test
    void addedKeyOpensTheSameMasterKeyAndIsListed() throws Exception {
        Id first = firstKey();
        KeyManager keys = new KeyManager(backend, master, first, FAST, random, clock);
        char[] pw = "second".toCharArray();
        KeyManager.Added added = keys.add(pw, "alice", "box");
        assertArrayEquals(new char[6], pw, "the password is wiped");
        KeyFile stored = KeyFile.parse(backend.load(FileHandle.of(FileType.KEY, added.id())));
        assertArrayEquals(master.toJson(), stored.open("second".toCharArray()).toJson());
        assertThrows(WrongPasswordException.class, () -> stored.open("first".toCharArray()));
        List<String> warnings = new ArrayList<>();
        List<KeyInfo> list = keys.list(warnings::add);
        assertEquals(2, list.size());
        assertEquals(List.of(), warnings);
        KeyInfo mine = list.stream().filter(KeyInfo::current).findFirst().orElseThrow();
        assertEquals(first, mine.id());
        KeyInfo other = list.stream().filter(k -> !k.current()).findFirst().orElseThrow();
        assertEquals("alice", other.username());
        assertEquals("box", other.hostname());
        assertEquals(Instant.parse("2026-03-04T05:06:07.5Z"), other.created().toInstant());
    }

    @Test
    void refusesToRemoveTheCurrentKeyAndTheLastKey() throws Exception {
        Id first = firstKey();
        KeyManager keys = new KeyManager(backend, master, first, FAST, random, clock);
        KeyException current = assertThrows(KeyException.class, () -> keys.remove(first.hex()));
        assertTrue(current.getMessage().contains("the key this session uses"), current.getMessage());
        Id other = keys.add("second".toCharArray(), "u", "h").id();
        KeyManager viaOther = new KeyManager(backend, master, other, FAST, random, clock);
        assertEquals(first, viaOther.remove(first.hex().substring(0, 10)));
        KeyManager stale = new KeyManager(backend, master, first, FAST, random, clock);
        KeyException last = assertThrows(KeyException.class, () -> stale.remove(other.hex()));
        assertTrue(last.getMessage().contains("last key"), last.getMessage());
    }

    @Test
    void prefixMustNameExactlyOneKey() throws Exception {
        Id a = Id.parse("ab" + "0".repeat(62));
        Id b = Id.parse("ac" + "0".repeat(62));
        assertEquals(a, KeyManager.find(List.of(a, b), "AB"));
        assertTrue(assertThrows(KeyException.class, () -> KeyManager.find(List.of(a, b), "a")).getMessage().contains("ambiguous"));
        assertTrue(assertThrows(KeyException.class, () -> KeyManager.find(List.of(a, b), "ff")).getMessage().contains("no key matches"));
    }

    @Test
    void changePasswordReplacesTheCurrentKey() throws Exception {
        Id first = firstKey();
        KeyManager keys = new KeyManager(backend, master, first, FAST, random, clock);
        Id added = keys.changePassword("new".toCharArray(), "root", "vm").id();
        List<String> names = new ArrayList<>();
        backend.list(FileType.KEY, fi -> names.add(fi.name()));
        assertEquals(List.of(added.hex()), names);
    }
}
