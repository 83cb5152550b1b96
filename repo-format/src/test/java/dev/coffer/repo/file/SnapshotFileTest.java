package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotFileTest {
    private static final Id TREE = Id.hash(new byte[] {1});
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 21, 22, 43, 41, 232_236_168, ZoneOffset.UTC);

    @Test
    void goldenSnapshotsReencodeToResticsBytes() throws Exception {
        for (String name : List.of("snapshot1.pretty.json", "snapshot2.pretty.json")) {
            byte[] stored = Golden.compact(Golden.bytes(name));
            SnapshotFile s = SnapshotFile.decode(Golden.bytes(name));
            assertEquals(new String(stored, StandardCharsets.UTF_8), new String(s.encode(), StandardCharsets.UTF_8));
            assertArrayEquals(s.encode(), SnapshotFile.decode(stored).encode());
        }
    }

    @Test
    void goldenSecondSnapshotFields() throws Exception {
        SnapshotFile s = SnapshotFile.decode(Golden.bytes("snapshot2.pretty.json"));
        assertEquals(List.of("t1", "t0"), s.tags(), "tag order kept");
        assertEquals(List.of("*.skip"), s.excludes());
        assertEquals("goldenhost", s.hostname());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), s.time().getOffset());
        assertEquals(0, s.uid(), "root's uid 0 is omitted by restic");
        assertEquals(1, s.paths().size());
        SnapshotFile first = SnapshotFile.decode(Golden.bytes("snapshot1.pretty.json"));
        assertNull(first.parent());
        assertEquals(List.of(), first.tags());
    }

    @Test
    void minimalSnapshotOmitsEmptyFields() {
        SnapshotFile s = new SnapshotFile(T, null, TREE, List.of("/data"), "", null, 0, 0, null, null, null, null, null);
        assertEquals("{\"time\":\"2026-11-21T22:43:41.232236168Z\",\"tree\":\"" + TREE.hex() + "\",\"paths\":[\"/data\"]}",
                new String(s.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void fullSnapshotFieldOrderAndRoundTrip() throws Exception {
        SnapshotSummary sum = new SnapshotSummary(T, T.plusSeconds(3), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -1L);
        SnapshotFile s = new SnapshotFile(T, TREE, TREE, List.of("/a", "/b<c>"), "h", "u", 1000, 1001,
                List.of("*.tmp"), List.of("x"), TREE, "coffer 0.1.0", sum);
        String json = new String(s.encode(), StandardCharsets.UTF_8);
        String id = TREE.hex();
        assertEquals("{\"time\":\"2026-11-21T22:43:41.232236168Z\",\"parent\":\"" + id + "\",\"tree\":\"" + id
                + "\",\"paths\":[\"/a\",\"/b\\u003cc\\u003e\"],\"hostname\":\"h\",\"username\":\"u\",\"uid\":1000,"
                + "\"gid\":1001,\"excludes\":[\"*.tmp\"],\"tags\":[\"x\"],\"original\":\"" + id
                + "\",\"program_version\":\"coffer 0.1.0\",\"summary\":{\"backup_start\":\"2026-11-21T22:43:41.232236168Z\","
                + "\"backup_end\":\"2026-11-21T22:43:44.232236168Z\",\"files_new\":1,\"files_changed\":2,"
                + "\"files_unmodified\":3,\"dirs_new\":4,\"dirs_changed\":5,\"dirs_unmodified\":6,\"data_blobs\":7,"
                + "\"tree_blobs\":8,\"data_added\":9,\"data_added_packed\":10,\"total_files_processed\":11,"
                + "\"total_bytes_processed\":18446744073709551615}}", json);
        assertEquals(s, SnapshotFile.decode(s.encode()));
    }

    @Test
    void decodeToleratesUnknownFieldsAndRefusesGarbage() throws Exception {
        String json = "{\"time\":\"2020-01-01T00:00:00+01:00\",\"tree\":\"" + TREE.hex()
                + "\",\"paths\":null,\"future\":{\"x\":[1,2]},\"tags\":null}";
        SnapshotFile s = SnapshotFile.decode(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), s.paths());
        assertEquals(ZoneOffset.ofHours(1), s.time().getOffset());
        assertThrows(CorruptDataException.class, () -> SnapshotFile.decode("{\"time\":\"2020-01-01T00:00:00Z\"}".getBytes()));
        assertThrows(CorruptDataException.class, () -> SnapshotFile.decode("{\"tree\":\"zz\"}".getBytes()));
        assertThrows(CorruptDataException.class, () -> SnapshotFile.decode("{\"tree\":".getBytes()));
        assertThrows(CorruptDataException.class, () -> SnapshotFile.decode(("{\"tree\":\"" + TREE.hex() + "\",\"uid\":-1}").getBytes()));
    }
}
