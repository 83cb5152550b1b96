package dev.coffer.agent.backup;

/** Progress of a backup. Called from worker threads; implementations are fast and never throw. */
public interface BackupListener {
    BackupListener NONE = new BackupListener() {
    };

    /** {@code n} more bytes of file content were read or found unchanged. */
    default void bytes(long n) {
    }

    /** A file is done (read, or found unchanged). */
    default void fileDone() {
    }
}
