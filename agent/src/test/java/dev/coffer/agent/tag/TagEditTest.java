package dev.coffer.agent.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.model.Id;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagEditTest {
    private static final Id ID = Id.hash(new byte[] {1});
    private static final Id TREE = Id.hash(new byte[] {2});

    private static SnapshotFile snap(List<String> tags, Id original) {
        return new SnapshotFile(OffsetDateTime.parse("2026-01-02T03:04:05Z"), null, TREE, List.of("/data"), "h", "u",
                0, 0, null, tags, original, "", null);
    }

    @Test
    void flattensCommaListsAndDropsEmptyNames() {
        assertEquals(List.of("a", "b", "c"), TagEdit.flatten(List.of("a, b", ",c,", "")));
    }

    @Test
    void addAppendsOnlyNewTagsAndSetsOriginal() {
        SnapshotFile out = new TagEdit(null, List.of("b", "c"), List.of()).apply(ID, snap(List.of("a", "b"), null)).orElseThrow();
        assertEquals(List.of("a", "b", "c"), out.tags());
        assertEquals(ID, out.original());
        assertEquals(TREE, out.tree());
    }

    @Test
    void removeMovesTheLastTagIntoTheGapAsResticDoes() {
        SnapshotFile out = new TagEdit(null, List.of(), List.of("a")).apply(ID, snap(List.of("a", "b", "c"), null)).orElseThrow();
        assertEquals(List.of("c", "b"), out.tags());
    }

    @Test
    void keepsAnExistingOriginal() {
        Id first = Id.hash(new byte[] {3});
        assertEquals(first, new TagEdit(List.of("x"), List.of(), List.of()).apply(ID, snap(List.of(), first)).orElseThrow().original());
    }

    @Test
    void noChangeIsEmptyButSetAlwaysRewrites() {
        assertTrue(new TagEdit(null, List.of("a"), List.of("z")).apply(ID, snap(List.of("a"), null)).isEmpty());
        assertEquals(List.of("a"), new TagEdit(List.of("a"), List.of(), List.of()).apply(ID, snap(List.of("a"), null)).orElseThrow().tags());
        assertEquals(List.of(), new TagEdit(List.of(), List.of(), List.of()).apply(ID, snap(List.of("a"), null)).orElseThrow().tags());
    }

    @Test
    void setCannotBeCombined() {
        assertThrows(IllegalArgumentException.class, () -> new TagEdit(List.of("a"), List.of("b"), List.of()));
    }
}
