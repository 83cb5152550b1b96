package dev.coffer.agent.daemon;

import dev.coffer.repo.crypto.WrongPasswordException;
import dev.coffer.repo.lock.RepositoryLockedException;
import dev.coffer.repo.repository.NoRepositoryException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.regex.Pattern;

/** Turns a run's exception into restic's exit code and a one-line message. */
final class Failures {
    static final int FAILED = 1;
    static final int PARTIAL = 3;
    static final int NO_REPOSITORY = 10;
    static final int LOCK_FAILED = 11;
    static final int WRONG_PASSWORD = 12;
    static final int INTERRUPTED = 130;
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*):\\S*@");

    private Failures() {
    }

    static int exitCode(Throwable t) {
        if (t instanceof WrongPasswordException) {
            return WRONG_PASSWORD;
        }
        if (t instanceof NoRepositoryException) {
            return NO_REPOSITORY;
        }
        if (t instanceof RepositoryLockedException) {
            return LOCK_FAILED;
        }
        if (isInterruption(t)) {
            return INTERRUPTED;
        }
        return FAILED;
    }

    static boolean isInterruption(Throwable t) {
        return t instanceof InterruptedException || t instanceof InterruptedIOException
                || t instanceof ClosedByInterruptException;
    }

    /** The exception's message on one line (its type when it has none). */
    static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        } else if (t instanceof java.nio.file.NoSuchFileException n) {
            m = n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file or directory");
        } else if (t instanceof java.nio.file.AccessDeniedException a) {
            m = a.getFile() + ": permission denied";
        }
        return m.replaceAll("[\\r\\n]+", " ");
    }

    /** A repository string fit for messages: the password of URL user info masked. */
    static String redacted(String repository) {
        return URL_PASSWORD.matcher(repository).replaceAll("$1:***@");
    }
}
