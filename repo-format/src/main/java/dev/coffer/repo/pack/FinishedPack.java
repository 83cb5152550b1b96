package dev.coffer.repo.pack;

import dev.coffer.repo.model.Id;
import java.util.List;

/**
 * A complete pack ready to upload: its id (SHA-256 of the bytes), the first {@code length} bytes of
 * {@code buffer}, and its entries. The buffer is shared, not copied, to keep large packs cheap; it
 * may be reused once the pack is stored.
 */
public record FinishedPack(Id id, byte[] buffer, int length, List<PackEntry> entries) {
}
