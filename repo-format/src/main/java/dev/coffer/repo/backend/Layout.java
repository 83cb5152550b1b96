package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;

/**
 * restic's default file layout: {@code config}, {@code keys/<id>}, ..., and packs sharded by the
 * first two hex characters, {@code data/ab/abcd...}. Paths use '/' and have no leading slash.
 */
public final class Layout {
    private Layout() {
    }

    /** The path of a file relative to the repository root, e.g. "data/ab/ab12…". */
    public static String path(FileHandle h) {
        return switch (h.type()) {
            case CONFIG -> "config";
            case PACK -> "data/" + h.name().substring(0, 2) + "/" + h.name();
            default -> h.type().dir() + "/" + h.name();
        };
    }

    /** The directory holding files of this type ("data" for packs, whose shards lie below it). */
    public static String dir(FileType type) {
        return type.dir();
    }
}
