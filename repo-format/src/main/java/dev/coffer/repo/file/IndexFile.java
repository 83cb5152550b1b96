package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Index files (§6): {@code {"packs":[{"id":…,"blobs":[{"id","type","offset","length",
 * "uncompressed_length"}]}]}} plus a newline. Decoding streams entries to an {@link IndexVisitor}
 * without building a tree model; it accepts {@code supersedes}, unknown fields, and the old
 * array-only form {@code [{pack},…]}.
 */
public final class IndexFile {
    private static final long MAX_INT = Integer.MAX_VALUE;

    private IndexFile() {
    }

    /**
     * Encodes blobs grouped into one entry per pack, packs in order of first appearance and blobs in
     * the given order; {@code uncompressed_length} is omitted for uncompressed blobs.
     */
    public static byte[] encode(Iterable<PackedBlob> blobs) {
        Map<Id, List<PackedBlob>> byPack = new LinkedHashMap<>();
        int count = 0;
        for (PackedBlob b : blobs) {
            byPack.computeIfAbsent(b.packId(), k -> new ArrayList<>()).add(b);
            count++;
        }
        GoJsonWriter w = new GoJsonWriter(64 + 160 * count + 90 * byPack.size());
        w.beginObject().name("packs").beginArray();
        for (Map.Entry<Id, List<PackedBlob>> e : byPack.entrySet()) {
            w.beginObject().name("id").value(e.getKey()).name("blobs").beginArray();
            for (PackedBlob b : e.getValue()) {
                w.beginObject()
                        .name("id").value(b.handle().id())
                        .name("type").value(b.handle().type().jsonName())
                        .name("offset").value(b.offset())
                        .name("length").value(b.length());
                if (b.uncompressedLength() != 0) {
                    w.name("uncompressed_length").value(b.uncompressedLength());
                }
                w.endObject();
            }
            w.endArray().endObject();
        }
        return w.endArray().endObject().rawByte('\n').toByteArray();
    }

    /**
     * Streams every blob entry of an index file to {@code visitor}.
     *
     * @throws CorruptDataException if the JSON is malformed or an entry is invalid
     */
    public static void decode(byte[] json, IndexVisitor visitor) throws CorruptDataException {
        try (JsonParser p = JsonRead.parser(json)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                readPacks(p, visitor);
            } else {
                JsonRead.expect(p, JsonToken.START_OBJECT, "index");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (p.currentToken() == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    switch (f) {
                        case "packs" -> readPacks(p, visitor);
                        case "supersedes" -> readSupersedes(p, visitor);
                        default -> p.skipChildren();
                    }
                }
                JsonRead.expect(p, JsonToken.END_OBJECT, "index");
            }
            JsonRead.expectEnd(p, "index");
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw JsonRead.corrupt("malformed index", e);
        }
    }

    private static void readSupersedes(JsonParser p, IndexVisitor visitor) throws IOException {
        JsonRead.expect(p, JsonToken.START_ARRAY, "supersedes");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Id id = JsonRead.id(p, "supersedes");
            if (id != null) {
                visitor.supersedes(id);
            }
        }
    }

    private static void readPacks(JsonParser p, IndexVisitor visitor) throws IOException {
        JsonRead.expect(p, JsonToken.START_ARRAY, "packs");
        BlobEntries pending = new BlobEntries();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonRead.expect(p, JsonToken.START_OBJECT, "pack");
            Id pack = null;
            pending.clear();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("id")) {
                    pack = JsonRead.id(p, "pack id");
                    if (pack != null) {
                        pending.flush(pack, visitor);
                    }
                } else if (f.equals("blobs") && p.currentToken() != JsonToken.VALUE_NULL) {
                    readBlobs(p, pack, visitor, pending);
                } else {
                    p.skipChildren();
                }
            }
            if (pack == null) {
                throw new CorruptDataException("index pack entry without an id");
            }
        }
    }

    /** Blobs go straight to the visitor once the pack id is known; before that they wait in {@code pending}. */
    private static void readBlobs(JsonParser p, Id pack, IndexVisitor visitor, BlobEntries pending) throws IOException {
        JsonRead.expect(p, JsonToken.START_ARRAY, "blobs");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonRead.expect(p, JsonToken.START_OBJECT, "blob");
            Id id = null;
            BlobType type = null;
            long offset = 0;
            long length = 0;
            long uncompressed = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "id" -> id = JsonRead.id(p, "blob id");
                    case "type" -> type = blobType(JsonRead.text(p, f));
                    case "offset" -> offset = JsonRead.unsigned(p, f, -1);
                    case "length" -> length = JsonRead.unsigned(p, f, MAX_INT);
                    case "uncompressed_length" -> uncompressed = JsonRead.unsigned(p, f, MAX_INT);
                    default -> p.skipChildren();
                }
            }
            if (id == null || type == null || offset < 0) {
                throw new CorruptDataException("index blob entry without id or type, or with a bad offset, in pack " + pack);
            }
            if (pack != null) {
                visitor.blob(pack, type, id, offset, (int) length, (int) uncompressed);
            } else {
                pending.add(type, id, offset, (int) length, (int) uncompressed);
            }
        }
    }

    private static BlobType blobType(String s) throws CorruptDataException {
        try {
            return BlobType.fromJson(s);
        } catch (IllegalArgumentException e) {
            throw JsonRead.corrupt("index blob type", e);
        }
    }

    /** Blobs seen before their pack's id (only when a writer put "blobs" before "id"). */
    private static final class BlobEntries {
        private final List<Object[]> entries = new ArrayList<>();

        void add(BlobType type, Id id, long offset, int length, int uncompressed) {
            entries.add(new Object[] {type, id, offset, length, uncompressed});
        }

        void flush(Id pack, IndexVisitor visitor) {
            for (Object[] e : entries) {
                visitor.blob(pack, (BlobType) e[0], (Id) e[1], (Long) e[2], (Integer) e[3], (Integer) e[4]);
            }
            entries.clear();
        }

        void clear() {
            entries.clear();
        }
    }
}
