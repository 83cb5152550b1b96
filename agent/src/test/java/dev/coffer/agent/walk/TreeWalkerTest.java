package dev.coffer.agent.walk;

import static dev.coffer.agent.walk.MapTrees.dir;
import static dev.coffer.agent.walk.MapTrees.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeWalkerTest {
    private final MapTrees trees = new MapTrees();
    private final Id sub = trees.add(file("z", 1), file("a", 1));
    private final Id root = trees.add(file("b.txt", 1), dir("dir", sub), file("a.txt", 1));

    @Test
    void visitsDepthFirstInNameOrderWithPaths() throws Exception {
        List<String> seen = new ArrayList<>();
        new TreeWalker(trees).walk(root, new HashSet<>(), (p, path, n) -> {
            seen.add(path);
            return Action.CONTINUE;
        });
        assertEquals(List.of("/a.txt", "/b.txt", "/dir", "/dir/a", "/dir/z"), seen);
    }

    @Test
    void skippedDirectoryIsNotEntered() throws Exception {
        List<String> seen = new ArrayList<>();
        new TreeWalker(trees).walk(root, new HashSet<>(), (p, path, n) -> {
            seen.add(path);
            return path.equals("/dir") ? Action.SKIP : Action.CONTINUE;
        });
        assertEquals(List.of("/a.txt", "/b.txt", "/dir"), seen);
        assertEquals(List.of(root), trees.loads);
    }

    @Test
    void skipOnAFileSkipsTheRestOfItsTree() throws Exception {
        List<String> seen = new ArrayList<>();
        new TreeWalker(trees).walk(root, new HashSet<>(), (p, path, n) -> {
            seen.add(path);
            return path.equals("/a.txt") ? Action.SKIP : Action.CONTINUE;
        });
        assertEquals(List.of("/a.txt"), seen);
    }

    @Test
    void fullyIgnoredSubtreesJoinTheIgnoreSetAndAreNotWalkedAgain() throws Exception {
        Set<Id> ignore = new HashSet<>();
        List<String> seen = new ArrayList<>();
        TreeWalker w = new TreeWalker(trees);
        w.walk(root, ignore, (p, path, n) -> {
            seen.add(path);
            return path.startsWith("/dir/") ? Action.IGNORE : Action.CONTINUE;
        });
        assertTrue(ignore.contains(sub));
        seen.clear();
        w.walk(root, ignore, (p, path, n) -> {
            seen.add(path);
            return Action.CONTINUE;
        });
        assertEquals(List.of("/a.txt", "/b.txt"), seen, "the ignored subtree is passed over without a visit");
    }

    @Test
    void directoryWithoutSubtreeIsCorrupt() {
        Id bad = trees.add(dev.coffer.repo.file.Node.builder("d", dev.coffer.repo.file.NodeType.DIR).build());
        assertThrows(CorruptDataException.class, () -> new TreeWalker(trees).walk(bad, new HashSet<>(), (p, path, n) -> Action.CONTINUE));
    }

    @Test
    void cachedTreesLoadEachTreeOnce() throws Exception {
        List<Id> loaded = new ArrayList<>();
        CachedTrees cache = new CachedTrees(h -> {
            loaded.add(h.id());
            return trees.load(h.id()).encode();
        }, 1 << 20);
        cache.load(root);
        cache.load(root);
        cache.load(sub);
        assertEquals(List.of(root, sub), loaded);
        List<Id> tinyLoads = new ArrayList<>();
        CachedTrees tiny = new CachedTrees(h -> {
            tinyLoads.add(h.id());
            return trees.load(h.id()).encode();
        }, 1);
        tiny.load(root);
        tiny.load(root);
        assertEquals(2, tinyLoads.size(), "a tree over the budget is not kept");
    }
}
