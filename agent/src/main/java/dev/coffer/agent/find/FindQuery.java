package dev.coffer.agent.find;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@code find} looks for: any of the patterns, optionally ignoring case, and optionally only
 * nodes modified within [{@code oldest}, {@code newest}] (either may be null).
 */
public record FindQuery(List<PathPattern> patterns, boolean ignoreCase, Instant oldest, Instant newest) {
    public FindQuery {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("find needs at least one pattern");
        }
        patterns = List.copyOf(patterns);
    }

    /** Parses the patterns; with {@code ignoreCase} they are lower-cased, as are the paths later. */
    public static FindQuery of(List<String> patterns, boolean ignoreCase, Instant oldest, Instant newest) {
        return new FindQuery(patterns.stream()
                .map(p -> PathPattern.parse(ignoreCase ? p.toLowerCase(Locale.ROOT) : p)).toList(),
                ignoreCase, oldest, newest);
    }
}
