package dev.coffer.repo.model;

/** The kinds of file a repository stores, with restic's directory names. */
public enum FileType {
    CONFIG("config"),
    KEY("keys"),
    SNAPSHOT("snapshots"),
    INDEX("index"),
    LOCK("locks"),
    PACK("data");

    private final String dir;

    FileType(String dir) {
        this.dir = dir;
    }

    /** The directory name ("keys", "data", ...), or "config" for the config file itself. */
    public String dir() {
        return dir;
    }
}
