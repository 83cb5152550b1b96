package dev.coffer.repo.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 23, 21, 30, 21, 497_225_025, ZoneOffset.ofHoursMinutes(5, 30));
    private static final String TS = "\"2026-11-23T21:30:21.497225025+05:30\"";

    @Test
    void refusesUnsortedAndDuplicateNames() {
        Node a = file("a");
        Node b = file("b");
        assertThrows(IllegalArgumentException.class, () -> new Tree(List.of(b, a)));
        assertThrows(IllegalArgumentException.class, () -> new Tree(List.of(a, file("a"))));
        assertThrows(IllegalArgumentException.class, () -> Tree.sorted(List.of(a, b, file("a"))));
        assertEquals(List.of(a, b), Tree.sorted(List.of(b, a)).nodes());
    }

    @Test
    void sortsByUnsignedRawBytes() {
        Node latin = Node.builder(new byte[] {(byte) 0xe9}, NodeType.FILE).build();
        Node upper = file("Z");
        Node lower = file("z");
        Tree t = Tree.sorted(List.of(latin, lower, upper));
        assertEquals(List.of(upper, lower, latin), t.nodes());
        assertSame(t.nodes().get(2), t.find(new byte[] {(byte) 0xe9}));
        assertNull(t.find("y".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void minimalNodesFollowOmitempty() {
        Node f = Node.builder("f", NodeType.FILE).times(T, T, T).build();
        Node d = Node.builder("d", NodeType.DIR).times(T, T, T).subtree(Id.hash(new byte[0])).build();
        String json = new String(Tree.sorted(List.of(f, d)).encode(), StandardCharsets.UTF_8);
        assertEquals("{\"nodes\":[{\"name\":\"d\",\"type\":\"dir\",\"mtime\":" + TS + ",\"atime\":" + TS + ",\"ctime\":" + TS
                + ",\"uid\":0,\"gid\":0,\"content\":null,\"subtree\":\"" + Id.hash(new byte[0]).hex() + "\"},"
                + "{\"name\":\"f\",\"type\":\"file\",\"mtime\":" + TS + ",\"atime\":" + TS + ",\"ctime\":" + TS
                + ",\"uid\":0,\"gid\":0,\"content\":[]}]}\n", json);
    }

    @Test
    void everyFieldRoundTrips() throws Exception {
        byte[] generic = "{\"windows.creation_time\":\"AAAA\",\"z\":[1]}".getBytes(StandardCharsets.UTF_8);
        Node dev = Node.builder("sda", NodeType.DEV).mode(GoFileMode.DEVICE | 0660).times(T, T.plusNanos(1), T.minusDays(3))
                .owner(4294967295L, 6, "us\"er", "gr<p>").inode(-1L).deviceId(Long.MIN_VALUE).size(5).links(2)
                .device(2049).extendedAttributes(List.of(new ExtendedAttribute(new byte[] {'n'}, null),
                        new ExtendedAttribute(new byte[] {'e'}, new byte[0])))
                .genericAttributes(generic).error("lstat failed\n").build();
        Tree t = Tree.sorted(List.of(dev));
        byte[] encoded = t.encode();
        String json = new String(encoded, StandardCharsets.UTF_8);
        assertEquals("{\"nodes\":[{\"name\":\"sda\",\"type\":\"dev\",\"mode\":67109296,\"mtime\":" + TS
                + ",\"atime\":\"2026-11-23T21:30:21.497225026+05:30\",\"ctime\":\"2026-11-20T21:30:21.497225025+05:30\","
                + "\"uid\":4294967295,\"gid\":6,\"user\":\"us\\\"er\",\"group\":\"gr\\u003cp\\u003e\","
                + "\"inode\":18446744073709551615,\"device_id\":9223372036854775808,\"size\":5,\"links\":2,"
                + "\"extended_attributes\":[{\"name\":\"n\",\"value\":null},{\"name\":\"e\",\"value\":\"\"}],"
                + "\"generic_attributes\":{\"windows.creation_time\":\"AAAA\",\"z\":[1]},\"device\":2049,"
                + "\"content\":null,\"error\":\"lstat failed\\n\"}]}\n", json);
        Tree back = Tree.decode(encoded);
        assertEquals(t, back);
        assertArrayEquals(encoded, back.encode());
    }

    @Test
    void linktargetRawIsPreferredWhenPresent() throws Exception {
        String json = "{\"nodes\":[{\"name\":\"l\",\"type\":\"symlink\",\"mtime\":" + TS + ",\"atime\":" + TS + ",\"ctime\":" + TS
                + ",\"uid\":0,\"gid\":0,\"linktarget\":\"\\ufffdx\",\"linktarget_raw\":\"/3g=\",\"content\":null}]}\n";
        Node n = Tree.decode(json.getBytes(StandardCharsets.UTF_8)).nodes().get(0);
        assertArrayEquals(new byte[] {(byte) 0xff, 'x'}, n.symlinkTarget());
        assertEquals(json, new String(Tree.decode(json.getBytes(StandardCharsets.UTF_8)).encode(), StandardCharsets.UTF_8));
    }

    @Test
    void toleratesUnknownFieldsAndMissingOptionalOnes() throws Exception {
        String json = "{\"before\":1,\"nodes\":[{\"name\":\"a\\\\x01\",\"type\":\"file\",\"new_field\":{\"x\":[true]},"
                + "\"content\":[],\"generic_attributes\":{}}],\"after\":[{}]}";
        Node n = Tree.decode(json.getBytes(StandardCharsets.UTF_8)).nodes().get(0);
        assertArrayEquals(new byte[] {'a', 1}, n.name());
        assertEquals(GoTime.ZERO, n.mtime());
        assertNull(n.genericAttributes(), "an empty map is omitted, as Go does");
        assertEquals(0, Tree.decode("{\"nodes\":null}".getBytes(StandardCharsets.UTF_8)).nodes().size());
    }

    @Test
    void refusesCorruptTrees() {
        String node = "\"type\":\"file\",\"content\":[]";
        for (String bad : List.of(
                "", "[]", "{\"nodes\":{}}", "not json", "{\"nodes\":[]}x",
                "{\"nodes\":[{\"name\":\"b\"," + node + "},{\"name\":\"a\"," + node + "}]}",
                "{\"nodes\":[{\"name\":\"a\"," + node + "},{\"name\":\"a\"," + node + "}]}",
                "{\"nodes\":[{\"name\":\"a\",\"type\":\"weird\"}]}",
                "{\"nodes\":[{\"name\":\"a\\\\q\"," + node + "}]}",
                "{\"nodes\":[{\"name\":\"\"," + node + "}]}",
                "{\"nodes\":[{\"name\":\"a\",\"type\":\"file\",\"content\":[null]}]}",
                "{\"nodes\":[{\"name\":\"a\",\"type\":\"file\",\"content\":[\"00\"]}]}",
                "{\"nodes\":[{\"name\":\"a\"," + node + ",\"mode\":4294967296}]}",
                "{\"nodes\":[{\"name\":\"a\"," + node + ",\"size\":-1}]}",
                "{\"nodes\":[{\"name\":\"a\"," + node + ",\"mtime\":\"now\"}]}",
                "{\"nodes\":[{\"name\":\"a\"," + node + ",\"linktarget_raw\":\"!!\"}]}",
                "{\"nodes\":[{\"name\":\"a\"," + node)) {
            assertThrows(CorruptDataException.class, () -> Tree.decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void nodeConstructorCopiesArrays() {
        byte[] name = "abc".getBytes(StandardCharsets.US_ASCII);
        Node n = Node.builder(name, NodeType.FILE).build();
        name[0] = 'x';
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), n.name());
        n.name()[0] = 'y';
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), n.name());
        assertEquals(n, n.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> Node.builder(new byte[0], NodeType.FILE).build());
        assertThrows(IllegalArgumentException.class, () -> Node.builder("a", NodeType.FILE).owner(-1, 0, "", "").build());
    }

    private static Node file(String name) {
        return Node.builder(name, NodeType.FILE).times(T, T, T).build();
    }
}
