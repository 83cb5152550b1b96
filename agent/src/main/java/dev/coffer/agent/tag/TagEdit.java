package dev.coffer.agent.tag;

import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.model.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change of tags: replace them ({@code set}, which may be empty to clear them), or add and
 * remove some. Each list is restic's flag values flattened: {@code --add a,b --add c} is
 * {@code [a, b, c]}, empty names dropped. Adding keeps the existing order and appends new tags;
 * removing takes out the first equal tag, moving the last tag into its place, as restic does.
 *
 * @param set    the new tags, or null when not replacing
 */
public record TagEdit(List<String> set, List<String> add, List<String> remove) {
    public TagEdit {
        set = set == null ? null : List.copyOf(set);
        add = List.copyOf(add);
        remove = List.copyOf(remove);
        if (set != null && (!add.isEmpty() || !remove.isEmpty())) {
            throw new IllegalArgumentException("--set and --add/--remove cannot be combined");
        }
    }

    /** Flattens restic tag-list flag values: comma-separated, trimmed, empty names dropped. */
    public static List<String> flatten(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String t : v.split(",", -1)) {
                if (!t.strip().isEmpty()) {
                    out.add(t.strip());
                }
            }
        }
        return out;
    }

    /**
     * The snapshot with the edit applied and {@code original} set (kept if already set), or empty
     * when the tags do not change. Setting tags always counts as a change, as in restic.
     */
    public Optional<SnapshotFile> apply(Id id, SnapshotFile s) {
        List<String> tags = new ArrayList<>(s.tags());
        boolean changed;
        if (set != null) {
            tags = new ArrayList<>(set);
            changed = true;
        } else {
            changed = false;
            for (String t : add) {
                if (!tags.contains(t)) {
                    tags.add(t);
                    changed = true;
                }
            }
            for (String t : remove) {
                int i = tags.indexOf(t);
                if (i >= 0) {
                    tags.set(i, tags.get(tags.size() - 1));
                    tags.remove(tags.size() - 1);
                    changed = true;
                }
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotFile(s.time(), s.parent(), s.tree(), s.paths(), s.hostname(), s.username(),
                s.uid(), s.gid(), s.excludes(), tags, s.original() != null ? s.original() : id, s.programVersion(),
                s.summary()));
    }
}
