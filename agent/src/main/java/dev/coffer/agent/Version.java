package dev.coffer.agent;

/** The program's version, as shown by {@code coffer version} and written into snapshots. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
