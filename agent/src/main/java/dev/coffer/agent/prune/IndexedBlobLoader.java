package dev.coffer.agent.prune;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.compress.Zstd;
import dev.coffer.repo.index.BlobIndex;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.BlobCodec;
import dev.coffer.repo.repository.BlobLoader;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;

/**
 * Loads blobs through prune's own index (not the repository's, which the caller may or may not
 * have loaded), verifying each. Thread-safe.
 */
final class IndexedBlobLoader implements BlobLoader {
    private final Repository repo;
    private final BlobIndex index;

    IndexedBlobLoader(Repository repo, BlobIndex index) {
        this.repo = repo;
        this.index = index;
    }

    @Override
    public byte[] loadBlob(BlobHandle h) throws IOException {
        PackedBlob pb = index.lookup(h);
        if (pb == null) {
            throw new CorruptDataException(h.type().jsonName() + " blob " + h.id() + " is not in the index");
        }
        byte[] sealed = repo.backend().load(FileHandle.of(FileType.PACK, pb.packId()), pb.offset(), pb.length());
        try (Zstd zstd = new Zstd(Zstd.DEFAULT_LEVEL)) {
            return BlobCodec.open(repo.key(), zstd, pb, sealed, 0);
        }
    }
}
