package dev.coffer.repo.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A directory's listing as a tree blob: {@code {"nodes":[…]}} plus a newline, exactly as restic
 * writes it, so {@code Id.hash(encode())} is the tree id restic would compute. Nodes are in
 * strictly increasing order of their raw name bytes (unsigned), without duplicates.
 */
public record Tree(List<Node> nodes) {
    /** Orders nodes by raw name bytes, unsigned, as Go compares strings. */
    public static final Comparator<Node> BY_NAME = (a, b) -> Arrays.compareUnsigned(a.nameRef(), b.nameRef());

    /**
     * @throws IllegalArgumentException if the nodes are not strictly increasing by name (use
     *     {@link #sorted} for unsorted input)
     */
    public Tree {
        nodes = List.copyOf(nodes);
        for (int i = 1; i < nodes.size(); i++) {
            if (BY_NAME.compare(nodes.get(i - 1), nodes.get(i)) >= 0) {
                throw new IllegalArgumentException("tree nodes not strictly sorted by name: \""
                        + GoQuote.quote(nodes.get(i - 1).nameRef()) + "\" before \""
                        + GoQuote.quote(nodes.get(i).nameRef()) + "\"");
            }
        }
    }

    public static Tree empty() {
        return new Tree(List.of());
    }

    /**
     * A tree of the given nodes in name order.
     *
     * @throws IllegalArgumentException if two nodes have the same name
     */
    public static Tree sorted(Collection<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        list.sort(BY_NAME);
        return new Tree(list);
    }

    /** The node with this raw name, or {@code null}. */
    public Node find(byte[] name) {
        int lo = 0;
        int hi = nodes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(nodes.get(mid).nameRef(), name);
            if (c == 0) {
                return nodes.get(mid);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** The tree blob's plaintext: {@code {"nodes":[…]}\n}. */
    public byte[] encode() {
        GoJsonWriter w = new GoJsonWriter(64 + 480 * nodes.size());
        encodeTo(w);
        return w.toByteArray();
    }

    /** Appends the tree blob's plaintext to {@code w} (for callers that reuse a writer). */
    public void encodeTo(GoJsonWriter w) {
        w.beginObject().name("nodes").beginArray();
        for (Node n : nodes) {
            NodeCodec.write(n, w);
        }
        w.endArray().endObject().rawByte('\n');
    }

    /** The id restic gives this tree: SHA-256 of {@link #encode()}. */
    public Id id() {
        return Id.hash(encode());
    }

    /**
     * Decodes a tree blob. Unknown fields are ignored; names are unquoted to raw bytes.
     *
     * @throws CorruptDataException if the bytes are not a tree, a node is malformed, or the nodes are
     *     not strictly sorted
     */
    public static Tree decode(byte[] json) throws CorruptDataException {
        try (JsonParser p = JsonRead.parser(json)) {
            p.nextToken();
            JsonRead.expect(p, JsonToken.START_OBJECT, "tree");
            List<Node> nodes = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("nodes") && p.currentToken() != JsonToken.VALUE_NULL) {
                    JsonRead.expect(p, JsonToken.START_ARRAY, "tree nodes");
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        nodes.add(NodeCodec.read(p, json));
                    }
                } else {
                    p.skipChildren();
                }
            }
            JsonRead.expect(p, JsonToken.END_OBJECT, "tree");
            JsonRead.expectEnd(p, "tree");
            return new Tree(nodes);
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw JsonRead.corrupt("malformed tree", e);
        }
    }
}
