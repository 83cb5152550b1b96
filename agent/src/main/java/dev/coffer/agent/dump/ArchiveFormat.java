package dev.coffer.agent.dump;

import java.util.Locale;
import java.util.Optional;

/** The archive formats {@code dump --archive} writes. */
public enum ArchiveFormat {
    TAR,
    ZIP;

    public static Optional<ArchiveFormat> parse(String s) {
        return switch (s) {
            case "tar" -> Optional.of(TAR);
            case "zip" -> Optional.of(ZIP);
            default -> Optional.empty();
        };
    }

    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
