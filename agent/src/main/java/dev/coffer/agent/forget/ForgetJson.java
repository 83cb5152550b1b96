package dev.coffer.agent.forget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Prints a {@link ForgetResult} in the shape of restic 0.14's {@code forget --json}: one line
 * holding an array of groups {@code {tags, host, paths, keep, remove, reasons}}, then a newline.
 * Empty lists print as {@code null}, as Go prints nil slices. Kept and removed snapshots carry
 * {@code id} and {@code short_id}; the snapshots inside reasons do not. Like restic, nothing at all
 * is printed when there are no groups.
 */
public final class ForgetJson {

    /**
     * Renders the stored fields of one snapshot (no {@code id}/{@code short_id}) in restic's field
     * order. {@link ForgetJson} then replaces {@code paths} (always) and {@code tags} (when grouping
     * by tags) with sorted copies, because restic sorts them in place while grouping.
     */
    @FunctionalInterface
    public interface SnapshotRenderer {
        ObjectNode render(SnapshotInfo snapshot, JsonNodeFactory nodes);
    }

    /** The fields {@link SnapshotInfo} knows: {@code time, paths, hostname, tags}. */
    public static final SnapshotRenderer BASIC = (sn, nodes) -> {
        ObjectNode o = nodes.objectNode();
        o.put("time", GoTime.formatRfc3339Nano(sn.time()));
        o.set("paths", strings(nodes, sn.paths()));
        if (!sn.hostname().isEmpty()) {
            o.put("hostname", sn.hostname());
        }
        if (!sn.tags().isEmpty()) {
            o.set("tags", strings(nodes, sn.tags()));
        }
        return o;
    };

    private final SnapshotRenderer renderer;
    private final ObjectMapper mapper = new ObjectMapper();

    public ForgetJson(SnapshotRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        mapper.getFactory().setCharacterEscapes(new GoJsonEscapes());
    }

    /** The text restic would print: {@code ""} without groups, else one JSON line plus newline. */
    public String write(ForgetResult result, SnapshotGrouping grouping) {
        if (result.groups().isEmpty()) {
            return "";
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ForgetPlan plan : result.groups()) {
            array.add(group(plan, grouping.byTags()));
        }
        try {
            return mapper.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot print a JSON tree: " + e.getMessage(), e);
        }
    }

    /** One group object; public so callers can stream or compare groups one by one. */
    public ObjectNode group(ForgetPlan plan, boolean tagsSorted) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode g = nodes.objectNode();
        g.set("tags", strings(nodes, plan.key().tags()));
        g.put("host", plan.key().hostname());
        g.set("paths", strings(nodes, plan.key().paths()));
        g.set("keep", snapshots(plan.keep(), tagsSorted));
        g.set("remove", snapshots(plan.remove(), tagsSorted));
        if (plan.reasons().isEmpty()) {
            g.putNull("reasons");
        } else {
            ArrayNode reasons = g.putArray("reasons");
            for (KeepReason r : plan.reasons()) {
                ObjectNode o = reasons.addObject();
                o.set("snapshot", snapshot(r.snapshot(), tagsSorted, false));
                o.set("matches", strings(nodes, r.matches()));
                o.set("counters", counters(r.counters()));
            }
        }
        return g;
    }

    private JsonNode snapshots(List<SnapshotInfo> list, boolean tagsSorted) {
        if (list.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        list.forEach(sn -> a.add(snapshot(sn, tagsSorted, true)));
        return a;
    }

    private ObjectNode snapshot(SnapshotInfo sn, boolean tagsSorted, boolean withId) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode o = renderer.render(sn, nodes);
        if (o.has("paths") && !o.get("paths").isNull()) {
            o.replace("paths", strings(nodes, SnapshotGrouping.sorted(sn.paths())));
        }
        if (tagsSorted && o.has("tags")) {
            o.replace("tags", strings(nodes, SnapshotGrouping.sorted(sn.tags())));
        }
        if (withId) {
            o.put("id", sn.id());
            o.put("short_id", sn.shortId());
        }
        return o;
    }

    private static ObjectNode counters(KeepCounters c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        putIfNonZero(o, "last", c.last());
        putIfNonZero(o, "hourly", c.hourly());
        putIfNonZero(o, "daily", c.daily());
        putIfNonZero(o, "weekly", c.weekly());
        putIfNonZero(o, "monthly", c.monthly());
        putIfNonZero(o, "yearly", c.yearly());
        return o;
    }

    private static void putIfNonZero(ObjectNode o, String name, int value) {
        if (value != 0) {
            o.put(name, value);
        }
    }

    private static JsonNode strings(JsonNodeFactory nodes, List<String> list) {
        if (list.isEmpty()) {
            return nodes.nullNode();
        }
        ArrayNode a = nodes.arrayNode();
        list.forEach(a::add);
        return a;
    }
}
