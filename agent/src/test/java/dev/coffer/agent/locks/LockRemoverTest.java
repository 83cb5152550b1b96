package dev.coffer.agent.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockRemoverTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Map<Id, LockFile> files = new LinkedHashMap<>();
    private final List<Id> removed = new ArrayList<>();
    private final LockFiles store = new LockFiles() {
        @Override
        public List<Id> list() {
            return new ArrayList<>(files.keySet());
        }

        @Override
        public LockFile load(Id id) throws IOException {
            LockFile f = files.get(id);
            if (f == null) {
                throw new CorruptDataException("unreadable lock");
            }
            return f;
        }

        @Override
        public void remove(Id id) {
            removed.add(id);
            files.remove(id);
        }
    };
    private final LockRemover remover = new LockRemover(store, clock, "here", Set.of(100L)::contains);

    private Id lock(String name, int minutesAgo, String host, long pid) {
        Id id = Id.hash(name.getBytes());
        files.put(id, new LockFile(OffsetDateTime.ofInstant(NOW.minusSeconds(60L * minutesAgo), ZoneOffset.UTC), false,
                host, "u", pid, 0, 0));
        return id;
    }

    @Test
    void removesOldLocksAndLocksOfDeadProcessesOnThisHostOnly() throws Exception {
        Id old = lock("old", 31, "elsewhere", 100);
        Id dead = lock("dead", 1, "here", 7);
        Id alive = lock("alive", 1, "here", 100);
        Id remote = lock("remote", 29, "elsewhere", 7);
        files.put(Id.hash(new byte[] {9}), null);
        assertEquals(2, remover.removeStale());
        assertEquals(List.of(old, dead), removed);
        assertTrue(files.containsKey(alive) && files.containsKey(remote));
    }

    @Test
    void removeAllRemovesEverything() throws Exception {
        lock("a", 1, "here", 100);
        lock("b", 1, "elsewhere", 1);
        assertEquals(2, remover.removeAll());
        assertTrue(files.isEmpty());
    }

    @Test
    void thisProcessIsAlive() {
        assertTrue(LockRemover.isAlive(ProcessHandle.current().pid()));
        assertFalse(LockRemover.isAlive(Integer.MAX_VALUE));
    }

    @Test
    void vanishedLockIsSkipped() throws Exception {
        LockFiles vanishing = new LockFiles() {
            @Override
            public List<Id> list() {
                return List.of(Id.hash(new byte[] {1}));
            }

            @Override
            public LockFile load(Id id) throws IOException {
                throw new NotFoundException("gone");
            }

            @Override
            public void remove(Id id) {
                throw new AssertionError("must not remove");
            }
        };
        assertEquals(0, new LockRemover(vanishing, clock, "here", pid -> false).removeStale());
    }
}
