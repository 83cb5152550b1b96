package dev.coffer.repo.repository;

import dev.coffer.repo.file.IndexFile;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.pack.FinishedPack;
import dev.coffer.repo.pack.PackEntry;
import java.util.ArrayList;
import java.util.List;

/** Turns uploaded packs into the JSON of one index file. */
final class IndexEncoder {
    private IndexEncoder() {
    }

    static byte[] encode(List<FinishedPack> packs) {
        List<PackedBlob> blobs = new ArrayList<>();
        for (FinishedPack p : packs) {
            for (PackEntry e : p.entries()) {
                blobs.add(e.in(p.id()));
            }
        }
        return IndexFile.encode(blobs);
    }
}
