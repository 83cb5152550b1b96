package dev.coffer.agent.app;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Finds the repository password as restic does: {@code --password-file}, then RESTIC_PASSWORD_FILE,
 * then RESTIC_PASSWORD, then a prompt on the terminal. Returned as a char[] the caller wipes as
 * soon as the key is derived.
 *
 * <p>The limit, honestly: RESTIC_PASSWORD arrives as a Java {@code String} (the JVM's copy of the
 * environment), which cannot be wiped and lives as long as the process; a password file or the
 * terminal prompt never becomes a String. Prefer RESTIC_PASSWORD_FILE.
 */
public final class Password {
    private Password() {
    }

    /** Where a command gets the repository password; each call returns a new array the caller wipes. */
    @FunctionalInterface
    public interface Source {
        char[] read(Environment env, Path passwordFile) throws IOException;
    }

    public static char[] read(Environment env, Path passwordFile) throws IOException {
        Path file = passwordFile;
        if (file == null && env.get("RESTIC_PASSWORD_FILE") != null) {
            file = Path.of(env.get("RESTIC_PASSWORD_FILE"));
        }
        if (file != null) {
            return fromFile(file);
        }
        String p = env.get("RESTIC_PASSWORD");
        if (p != null) {
            return p.toCharArray();
        }
        Console c = System.console();
        if (c != null) {
            char[] typed = c.readPassword("enter password for repository: ");
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new UsageException("no password given: set RESTIC_PASSWORD or RESTIC_PASSWORD_FILE, or pass --password-file");
    }

    private static char[] fromFile(Path file) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("password file " + file + " does not exist; check --password-file / RESTIC_PASSWORD_FILE");
        }
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        java.nio.CharBuffer cb = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw, 0, end));
        char[] exact = new char[cb.remaining()];
        cb.get(exact);
        Arrays.fill(raw, (byte) 0);
        Arrays.fill(cb.array(), '\0');
        if (exact.length == 0) {
            throw new UsageException("password file " + file + " is empty; an empty password is not allowed");
        }
        return exact;
    }
}
