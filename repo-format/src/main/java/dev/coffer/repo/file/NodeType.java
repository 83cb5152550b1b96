package dev.coffer.repo.file;

/** A node's {@code type}, with restic's JSON names. {@code check} rejects {@link #IRREGULAR}. */
public enum NodeType {
    FILE("file"),
    DIR("dir"),
    SYMLINK("symlink"),
    /** A block device. */
    DEV("dev"),
    CHARDEV("chardev"),
    FIFO("fifo"),
    SOCKET("socket"),
    IRREGULAR("irregular");

    private final String jsonName;

    NodeType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /**
     * The type named {@code s}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static NodeType fromJson(String s) {
        for (NodeType t : values()) {
            if (t.jsonName.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown node type: " + s);
    }
}
