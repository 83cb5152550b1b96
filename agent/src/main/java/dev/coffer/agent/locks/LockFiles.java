package dev.coffer.agent.locks;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.List;

/** The repository's lock files: list, read, remove (a missing file is removed already). */
public interface LockFiles {
    List<Id> list() throws IOException;

    /**
     * @throws dev.coffer.repo.backend.NotFoundException if the lock is gone
     * @throws dev.coffer.repo.model.CorruptDataException if it cannot be read
     */
    LockFile load(Id id) throws IOException;

    void remove(Id id) throws IOException;

    /** The lock files of an open repository. */
    static LockFiles of(Repository repo) {
        return new LockFiles() {
            @Override
            public List<Id> list() throws IOException {
                return repo.list(FileType.LOCK);
            }

            @Override
            public LockFile load(Id id) throws IOException {
                return LockFile.decode(repo.loadUnpacked(FileType.LOCK, id));
            }

            @Override
            public void remove(Id id) throws IOException {
                repo.backend().remove(FileHandle.of(FileType.LOCK, id));
            }
        };
    }
}
