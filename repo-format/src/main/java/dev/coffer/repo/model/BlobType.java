package dev.coffer.repo.model;

/** The two kinds of blob: file content and directory trees. Names are restic's JSON names. */
public enum BlobType {
    DATA("data"),
    TREE("tree");

    private final String jsonName;

    BlobType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** "data" or "tree", as in index files. */
    public String jsonName() {
        return jsonName;
    }

    /** Parses "data" or "tree". */
    public static BlobType fromJson(String s) {
        for (BlobType t : values()) {
            if (t.jsonName.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown blob type: " + s);
    }
}
