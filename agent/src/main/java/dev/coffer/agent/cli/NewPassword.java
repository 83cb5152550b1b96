package dev.coffer.agent.cli;

import dev.coffer.agent.app.Environment;
import dev.coffer.agent.app.UsageException;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The new password for {@code key add} and {@code key passwd}, as restic 0.14 reads it: from
 * {@code --new-password-file} (surrounding whitespace trimmed), else typed twice on the terminal.
 * Empty passwords are refused. Returned as a char[] the caller wipes.
 */
final class NewPassword {
    private NewPassword() {
    }

    static char[] read(Path file, Environment env) throws IOException {
        if (file != null) {
            return fromFile(env.cwd().resolve(file));
        }
        Console c = System.console();
        if (c == null) {
            throw new UsageException("no new password given: pass --new-password-file FILE (no terminal to ask on)");
        }
        char[] first = c.readPassword("enter new password: ");
        char[] second = c.readPassword("enter password again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new UsageException("the passwords do not match; run the command again");
            }
            if (first.length == 0) {
                throw new UsageException("an empty password is not allowed; choose a password");
            }
            return first.clone();
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    private static char[] fromFile(Path file) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("new password file " + file + " does not exist; check --new-password-file");
        }
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
        Arrays.fill(raw, (byte) 0);
        int start = cb.position();
        int end = cb.limit();
        while (start < end && Character.isWhitespace(cb.get(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(cb.get(end - 1))) {
            end--;
        }
        char[] pw = new char[end - start];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = cb.get(start + i);
        }
        if (cb.hasArray()) {
            Arrays.fill(cb.array(), '\0');
        }
        if (pw.length == 0) {
            throw new UsageException("new password file " + file + " is empty; an empty password is not allowed");
        }
        return pw;
    }

    private static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
