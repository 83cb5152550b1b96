package dev.coffer.agent.forget;

import java.util.ArrayList;
import java.util.List;

/** restic's {@code tag[,tag,...]} option values: parsing and the way restic prints them. */
public final class TagLists {

    private TagLists() {
    }

    /**
     * Splits one option value at commas and strips whitespace around each tag, as restic does:
     * {@code "a, b"} is {@code [a, b]} and {@code ""} is {@code [""]} (matches untagged snapshots).
     */
    public static List<String> parse(String value) {
        List<String> tags = new ArrayList<>();
        for (String tag : value.split(",", -1)) {
            tags.add(tag.strip());
        }
        return List.copyOf(tags);
    }

    /** Go's {@code %v} of a restic TagList: {@code [a, b]}. */
    static String format(List<String> tagList) {
        return "[" + String.join(", ", tagList) + "]";
    }
}
