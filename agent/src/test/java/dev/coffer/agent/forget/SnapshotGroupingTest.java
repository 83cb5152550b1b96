package dev.coffer.agent.forget;

import static dev.coffer.agent.forget.Snapshots.sn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotGroupingTest {

    private final SnapshotInfo s = sn("a1", "2024-01-05T12:00:00Z", "host1", List.of("/b", "/a"), "z", "y");

    @Test
    void parsesResticsOptionText() {
        assertEquals(SnapshotGrouping.DEFAULT, SnapshotGrouping.parse("host,paths"));
        assertEquals(SnapshotGrouping.NONE, SnapshotGrouping.parse(""));
        assertEquals(new SnapshotGrouping(true, true, true), SnapshotGrouping.parse("hosts,path,tag"));
        assertEquals(new SnapshotGrouping(false, true, true), SnapshotGrouping.parse("paths,,tags"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnapshotGrouping.parse("host,user"));
        assertTrue(e.getMessage().contains("'user'"), e.getMessage());
        assertEquals("paths,tags", SnapshotGrouping.parse("tags,paths").toString());
    }

    @Test
    void keysHoldOnlyTheChosenPartsSorted() {
        assertEquals(new GroupKey("host1", List.of("/a", "/b"), List.of()), SnapshotGrouping.DEFAULT.keyOf(s));
        assertEquals(new GroupKey("", List.of(), List.of("y", "z")), SnapshotGrouping.parse("tags").keyOf(s));
        assertEquals(new GroupKey("", List.of(), List.of()), SnapshotGrouping.NONE.keyOf(s));
    }

    @Test
    void sortsStringsByCodePointLikeGo() {
        // U+FF5E sorts before U+1F600 in Go (UTF-8 bytes) but after it in UTF-16 unit order.
        assertEquals(List.of("\uFF5E", "\uD83D\uDE00"), SnapshotGrouping.sorted(List.of("\uD83D\uDE00", "\uFF5E")));
    }

    @Test
    void filtersByHostTagListsAndPaths() {
        assertTrue(SnapshotFilter.ALL.matches(s));
        assertTrue(new SnapshotFilter(List.of("x", "host1"), List.of(), List.of()).matches(s));
        assertFalse(new SnapshotFilter(List.of("x"), List.of(), List.of()).matches(s));
        assertTrue(new SnapshotFilter(List.of(), List.of(List.of("q"), List.of("y", "z")), List.of()).matches(s));
        assertFalse(new SnapshotFilter(List.of(), List.of(List.of("y", "q")), List.of()).matches(s));
        assertTrue(new SnapshotFilter(List.of(), List.of(), List.of("/a")).matches(s));
        assertFalse(new SnapshotFilter(List.of(), List.of(), List.of("/a", "/c")).matches(s));
    }

    @Test
    void emptyTagMatchesUntaggedSnapshotsOnly() {
        SnapshotInfo untagged = sn("u1", "2024-01-05T12:00:00Z");
        assertTrue(untagged.hasTags(List.of("")));
        assertTrue(untagged.hasTags(List.of("", "x")), "restic returns at the empty tag");
        assertFalse(untagged.hasTags(List.of("x", "")));
        assertFalse(s.hasTags(List.of("")));
        assertTrue(s.hasTags(List.of()));
        assertEquals(List.of("a", "b c", ""), TagLists.parse("a, b c ,"));
    }
}
