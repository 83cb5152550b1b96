package dev.coffer.agent.forget;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What retention needs to know about one snapshot. {@code time} must keep the UTC offset recorded
 * in the snapshot file, because calendar buckets are evaluated in that offset.
 *
 * @param id       the snapshot's storage id, 64 hex characters
 * @param time     the snapshot's time with its recorded offset
 * @param hostname the host name, {@code ""} if none
 * @param paths    the backed-up paths, in recorded order
 * @param tags     the tags, in recorded order; empty if none
 */
public record SnapshotInfo(String id, OffsetDateTime time, String hostname, List<String> paths,
                           List<String> tags) {

    public SnapshotInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time of snapshot " + id);
        hostname = hostname == null ? "" : hostname;
        paths = paths == null ? List.of() : List.copyOf(paths);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The first 8 characters of the id, as restic shows it. */
    public String shortId() {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /**
     * True if this snapshot has every tag of {@code tagList}, with restic's quirk: an empty tag
     * {@code ""} met while the snapshot has no tags at all matches at once.
     */
    public boolean hasTags(List<String> tagList) {
        for (String tag : tagList) {
            if (tag.isEmpty() && tags.isEmpty()) {
                return true;
            }
            if (!tags.contains(tag)) {
                return false;
            }
        }
        return true;
    }

    /** True if this snapshot has all of the given paths (exact string match). */
    public boolean hasPaths(List<String> required) {
        return paths.containsAll(required);
    }
}
