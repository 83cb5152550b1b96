package dev.coffer.repo.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class LoggingBackendTest {

    /** Keeps every formatted debug line. */
    static final class RecordingLogger extends AbstractLogger {
        final List<String> lines = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String msg, Object[] args,
                                                   Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(msg, args));
        }

        @Override public boolean isTraceEnabled() { return false; }
        @Override public boolean isTraceEnabled(Marker m) { return false; }
        @Override public boolean isDebugEnabled() { return true; }
        @Override public boolean isDebugEnabled(Marker m) { return true; }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public boolean isInfoEnabled(Marker m) { return true; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isWarnEnabled(Marker m) { return true; }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public boolean isErrorEnabled(Marker m) { return true; }
    }

    @Test
    void logsKindHandleBytesAndFailures() throws IOException {
        RecordingLogger log = new RecordingLogger();
        LoggingBackend b = new LoggingBackend(new MapBackend(), log);
        byte[] d = new byte[42];
        FileHandle h = FileHandle.of(FileType.PACK, Id.hash(d));
        b.save(h, d);
        b.load(h, 2, 10);
        b.stat(h);
        b.list(FileType.PACK, fi -> { });
        b.remove(h);
        assertThrows(NotFoundException.class, () -> b.stat(h));

        assertEquals(6, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).matches("DEBUG put data/" + h.name() + " 42 bytes \\d+ ms"), log.lines.get(0));
        assertTrue(log.lines.get(1).startsWith("DEBUG get data/" + h.name() + " @2+10 10 bytes"), log.lines.get(1));
        assertTrue(log.lines.get(2).startsWith("DEBUG head data/" + h.name() + " 42 bytes"), log.lines.get(2));
        assertTrue(log.lines.get(3).startsWith("DEBUG list data 1 files"), log.lines.get(3));
        assertTrue(log.lines.get(4).startsWith("DEBUG delete data/"), log.lines.get(4));
        assertTrue(log.lines.get(5).contains("failed after"), log.lines.get(5));
    }
}
