package dev.coffer.agent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named logger; formats the message and hands it to its factory. */
final class CofferLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient CofferLoggerFactory factory;

    CofferLogger(String name, CofferLoggerFactory factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public boolean isTraceEnabled() {
        return factory.enabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return factory.enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return factory.enabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return factory.enabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return factory.enabled(name, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        factory.write(name, level, message == null ? "" : message, throwable);
    }
}
