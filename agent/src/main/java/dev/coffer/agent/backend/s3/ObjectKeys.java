package dev.coffer.agent.backend.s3;

import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.Layout;
import dev.coffer.repo.model.FileType;

/**
 * restic's default layout as S3 object keys under a prefix: {@code <prefix>/config},
 * {@code <prefix>/keys/<id>}, {@code <prefix>/data/ab/<id>}. No leading slash, ever.
 */
final class ObjectKeys {
    private final String root;

    /** {@code prefix} without leading or trailing slash; "" for the bucket's root. */
    ObjectKeys(String prefix) {
        if (prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must not start or end with '/': " + prefix);
        }
        this.root = prefix.isEmpty() ? "" : prefix + "/";
    }

    String key(FileHandle h) {
        return root + Layout.path(h);
    }

    /** The prefix to list files of a type, e.g. "repo/keys/". */
    String dir(FileType type) {
        return root + type.dir() + "/";
    }

    /** The last path element of a key. */
    static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
