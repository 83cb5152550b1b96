package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.lock.RepositoryLockedException;
import dev.coffer.repo.repository.NoRepositoryException;

/** restic's exit codes, mapped from exceptions in this one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int PARTIAL = 3;
    public static final int NO_REPOSITORY = 10;
    public static final int LOCK_FAILED = 11;
    public static final int WRONG_PASSWORD = 12;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(Throwable t) {
        if (t instanceof WrongPasswordException) {
            return WRONG_PASSWORD;
        }
        if (t instanceof NoRepositoryException) {
            return NO_REPOSITORY;
        }
        if (t instanceof RepositoryLockedException) {
            return LOCK_FAILED;
        }
        if (t instanceof UsageException) {
            return FAILED;
        }
        return FAILED;
    }
}
