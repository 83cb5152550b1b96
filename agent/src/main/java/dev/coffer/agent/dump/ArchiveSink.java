package dev.coffer.agent.dump;

import dev.coffer.repo.file.Node;
import java.io.IOException;
import java.io.OutputStream;

/** Receives the entries of an archive in order; {@link #finish()} writes the archive's end. */
interface ArchiveSink {
    /** Writes a file's content into the entry being added. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Adds one entry: a file (with its content), a folder or a symlink.
     *
     * @param name the entry's path without a leading "/" (folders without the trailing "/")
     */
    void add(String name, Node node, Content content) throws IOException;

    /** Ends the archive; the underlying stream stays open. */
    void finish() throws IOException;
}
