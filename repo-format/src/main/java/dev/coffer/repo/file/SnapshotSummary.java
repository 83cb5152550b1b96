package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A snapshot's {@code summary} (restic 0.17+): backup statistics, every field always written. */
public record SnapshotSummary(
        OffsetDateTime backupStart,
        OffsetDateTime backupEnd,
        long filesNew,
        long filesChanged,
        long filesUnmodified,
        long dirsNew,
        long dirsChanged,
        long dirsUnmodified,
        long dataBlobs,
        long treeBlobs,
        long dataAdded,
        long dataAddedPacked,
        long totalFilesProcessed,
        long totalBytesProcessed) {

    public SnapshotSummary {
        Objects.requireNonNull(backupStart, "backupStart");
        Objects.requireNonNull(backupEnd, "backupEnd");
    }

    void write(GoJsonWriter w) {
        w.beginObject()
                .name("backup_start").value(backupStart)
                .name("backup_end").value(backupEnd)
                .name("files_new").valueUnsigned(filesNew)
                .name("files_changed").valueUnsigned(filesChanged)
                .name("files_unmodified").valueUnsigned(filesUnmodified)
                .name("dirs_new").valueUnsigned(dirsNew)
                .name("dirs_changed").valueUnsigned(dirsChanged)
                .name("dirs_unmodified").valueUnsigned(dirsUnmodified)
                .name("data_blobs").value(dataBlobs)
                .name("tree_blobs").value(treeBlobs)
                .name("data_added").valueUnsigned(dataAdded)
                .name("data_added_packed").valueUnsigned(dataAddedPacked)
                .name("total_files_processed").valueUnsigned(totalFilesProcessed)
                .name("total_bytes_processed").valueUnsigned(totalBytesProcessed)
                .endObject();
    }

    /** Reads the object at the current START_OBJECT, or returns {@code null} for JSON null. */
    static SnapshotSummary read(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonRead.expect(p, JsonToken.START_OBJECT, "summary");
        OffsetDateTime start = GoTime.ZERO;
        OffsetDateTime end = GoTime.ZERO;
        long[] v = new long[12];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "backup_start" -> start = JsonRead.time(p, f);
                case "backup_end" -> end = JsonRead.time(p, f);
                case "files_new" -> v[0] = JsonRead.unsigned(p, f, -1);
                case "files_changed" -> v[1] = JsonRead.unsigned(p, f, -1);
                case "files_unmodified" -> v[2] = JsonRead.unsigned(p, f, -1);
                case "dirs_new" -> v[3] = JsonRead.unsigned(p, f, -1);
                case "dirs_changed" -> v[4] = JsonRead.unsigned(p, f, -1);
                case "dirs_unmodified" -> v[5] = JsonRead.unsigned(p, f, -1);
                case "data_blobs" -> v[6] = JsonRead.signed(p, f);
                case "tree_blobs" -> v[7] = JsonRead.signed(p, f);
                case "data_added" -> v[8] = JsonRead.unsigned(p, f, -1);
                case "data_added_packed" -> v[9] = JsonRead.unsigned(p, f, -1);
                case "total_files_processed" -> v[10] = JsonRead.unsigned(p, f, -1);
                case "total_bytes_processed" -> v[11] = JsonRead.unsigned(p, f, -1);
                default -> p.skipChildren();
            }
        }
        return new SnapshotSummary(start, end, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }
}
