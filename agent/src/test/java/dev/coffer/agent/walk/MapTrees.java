package dev.coffer.agent.walk;

import dev.coffer.repo.file.Node;
import dev.coffer.repo.file.NodeType;
import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory {@link TreeSource} for engine tests, counting loads, with node helpers. */
public final class MapTrees implements TreeSource {
    private final Map<Id, Tree> trees = new HashMap<>();
    public final List<Id> loads = new ArrayList<>();

    /** Stores a tree of these nodes and returns its id. */
    public Id add(Node... nodes) {
        Tree t = Tree.sorted(List.of(nodes));
        Id id = t.id();
        trees.put(id, t);
        return id;
    }

    @Override
    public Tree load(Id id) throws CorruptDataException {
        loads.add(id);
        Tree t = trees.get(id);
        if (t == null) {
            throw new CorruptDataException("tree " + id + " missing");
        }
        return t;
    }

    public static Node file(String name, long size, Id... content) {
        return Node.builder(name, NodeType.FILE).mode(0644).size(size).content(List.of(content)).build();
    }

    public static Node dir(String name, Id subtree) {
        return Node.builder(name, NodeType.DIR).mode(0755 | 1L << 31).subtree(subtree).build();
    }

    public static Id blob(String s) {
        return Id.hash(s.getBytes(StandardCharsets.UTF_8));
    }
}
