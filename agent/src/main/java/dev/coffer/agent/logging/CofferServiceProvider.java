package dev.coffer.agent.logging;

import java.time.Clock;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/** The SLF4J 2 provider, found through {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}. */
public final class CofferServiceProvider implements SLF4JServiceProvider {
    private CofferLoggerFactory factory;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // System.err is looked up at every line, so a redirected stream is honoured
        factory = new CofferLoggerFactory(LogSettings.fromSystemProperties(), () -> System.err, Clock.systemUTC());
        markers = new BasicMarkerFactory();
        mdc = new NOPMDCAdapter();
    }
}
