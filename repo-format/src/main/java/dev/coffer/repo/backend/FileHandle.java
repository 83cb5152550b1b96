package dev.coffer.repo.backend;

import dev.coffer.repo.model.FileType;
import java.util.Objects;

/**
 * Names one stored file: its type and name. The name is the 64-hex id for every type but
 * {@link FileType#CONFIG}, whose name is always "config".
 */
public record FileHandle(FileType type, String name) {
    public FileHandle {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (type == FileType.CONFIG && !name.equals("config")) {
            throw new IllegalArgumentException("config handle must be named config, got " + name);
        }
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("bad file name: " + name);
        }
    }

    public static FileHandle config() {
        return new FileHandle(FileType.CONFIG, "config");
    }

    public static FileHandle of(FileType type, dev.coffer.repo.model.Id id) {
        return new FileHandle(type, id.hex());
    }

    @Override
    public String toString() {
        return type == FileType.CONFIG ? "config" : type.dir() + "/" + name;
    }
}
