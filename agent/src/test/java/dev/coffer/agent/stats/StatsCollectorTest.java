package dev.coffer.agent.stats;

import static dev.coffer.agent.walk.MapTrees.blob;
import static dev.coffer.agent.walk.MapTrees.dir;
import static dev.coffer.agent.walk.MapTrees.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.coffer.agent.walk.MapTrees;
import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StatsCollectorTest {
    private final MapTrees trees = new MapTrees();
    private final Id pack = blob("pack");
    /** Every blob: 100 bytes stored, 60 bytes of plaintext. */
    private final Function<BlobHandle, PackedBlob> index = h -> new PackedBlob(h, pack, 0, 100, 60);

    private Id snapshot() {
        Node linkA = Node.builder("hard1", NodeType.FILE).size(10).inode(42).content(List.of(blob("x"))).build();
        Node linkB = Node.builder("hard2", NodeType.FILE).size(10).inode(42).content(List.of(blob("x"))).build();
        Id same = trees.add(file("f", 5, blob("a"), blob("b")));
        return trees.add(linkA, linkB, dir("d1", same), dir("d2", same), file("empty", 0));
    }

    private StatsResult run(StatsMode mode, Id... roots) throws Exception {
        StatsCollector c = new StatsCollector(trees, index, mode);
        for (Id r : roots) {
            c.add(r);
        }
        return c.result();
    }

    @Test
    void restoreSizeCountsEveryNodeAndHardLinksOnce() throws Exception {
        Id root = snapshot();
        assertEquals(new StatsResult(10 + 5 + 5, 7, 0, 1), run(StatsMode.RESTORE_SIZE, root));
        assertEquals(new StatsResult(40, 14, 0, 2), run(StatsMode.RESTORE_SIZE, root, root));
    }

    @Test
    void filesByContentsCountsEachContentOnce() throws Exception {
        Id root = snapshot();
        assertEquals(new StatsResult(10 + 5, 3, 0, 2), run(StatsMode.FILES_BY_CONTENTS, root, root));
    }

    @Test
    void blobsPerFileSkipsARepeatedSubtreeWithinASnapshot() throws Exception {
        Id root = snapshot();
        assertEquals(new StatsResult(3 * 60, 2, 3, 1), run(StatsMode.BLOBS_PER_FILE, root));
    }

    @Test
    void rawDataCountsStoredSizesOfUniqueBlobs() throws Exception {
        Id root = snapshot();
        assertEquals(new StatsResult(5 * 100, 0, 5, 2), run(StatsMode.RAW_DATA, root, root));
    }
}
