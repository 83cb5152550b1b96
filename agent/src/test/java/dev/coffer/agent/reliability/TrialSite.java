package dev.coffer.agent.reliability;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.testing.Restic;
import java.io.IOException;

/**
 * Where crash trials keep their repositories (a local folder, an S3 bucket): a base repository,
 * and for each trial a fresh copy of it, so that every kill starts from the same state.
 */
interface TrialSite {
    /** The base repository, not yet initialised. */
    Repo base() throws IOException;

    /** A new repository named {@code name} holding exactly what the base holds now. */
    Repo copyOfBase(String name) throws IOException;

    /** One repository, as coffer, restic and the test's own library view reach it. */
    interface Repo {
        /** coffer (in this JVM or a child) pointed at this repository. */
        Coffer coffer();

        /** The real restic pointed at this repository. */
        Restic restic();

        /** Whether a lock file exists: a child backup has opened and locked the repository. */
        boolean locked() throws IOException;

        /** A fresh backend on this repository, for the caller to close. */
        Backend backend() throws IOException;

        /** Frees what the repository occupies; it is not used again. */
        void discard() throws IOException;
    }
}
