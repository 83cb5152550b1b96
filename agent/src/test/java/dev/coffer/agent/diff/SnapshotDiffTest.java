package dev.coffer.agent.diff;

import static dev.coffer.agent.walk.MapTrees.blob;
import static dev.coffer.agent.walk.MapTrees.dir;
import static dev.coffer.agent.walk.MapTrees.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.coffer.agent.walk.MapTrees;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    private final MapTrees trees = new MapTrees();
    private final List<Change> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private DiffResult diff(Id a, Id b, boolean metadata) throws Exception {
        return new SnapshotDiff(trees, h -> h.id().equals(blob("unindexed")) ? null : new PackedBlob(h, blob("p"), 0, 132, 0),
                metadata, warnings::add).diff(a, b, changes::add);
    }

    @Test
    void reportsAddedRemovedModifiedAndTypeChanges() throws Exception {
        Id common = trees.add(file("same", 1, blob("s")));
        Id oldSub = trees.add(file("gone", 1, blob("g")));
        Id before = trees.add(file("a", 1, blob("a1")), dir("common", common), dir("old", oldSub),
                file("t", 1, blob("t")), file("keep", 1, blob("k")));
        Id newSub = trees.add(file("x", 1, blob("unindexed")), Node.builder("l", NodeType.SYMLINK).linkTarget("x".getBytes()).build());
        Id after = trees.add(file("a", 1, blob("a2")), dir("common", common), dir("new", newSub),
                dir("t", trees.add()), file("keep", 1, blob("k")));
        DiffResult r = diff(before, after, false);
        assertEquals(List.of(new Change("/a", "M"), new Change("/new/", "+"), new Change("/new/l", "+"),
                new Change("/new/x", "+"), new Change("/old/", "-"), new Change("/old/gone", "-"), new Change("/t/", "T")), changes);
        assertEquals(1, r.changedFiles());
        assertEquals(new DiffCounts(1, 1, 1, 2, 3, 4 * 100), r.added());
        assertEquals(new DiffCounts(1, 1, 0, 3, 2, 5 * 100), r.removed());
        assertEquals(List.of("unable to find blob size for " + new dev.coffer.repo.model.BlobHandle(blob("unindexed"),
                dev.coffer.repo.model.BlobType.DATA)), warnings);
    }

    @Test
    void metadataChangesOnlyWithTheFlag() throws Exception {
        Id a = trees.add(Node.builder("f", NodeType.FILE).mode(0644).content(List.of()).build());
        Id b = trees.add(Node.builder("f", NodeType.FILE).mode(0600).content(List.of()).build());
        diff(a, b, false);
        assertEquals(List.of(), changes);
        diff(a, b, true);
        assertEquals(List.of(new Change("/f", "U")), changes);
    }
}
