package dev.coffer.agent.e2e;

/** One line saying which faults a {@link FaultProxy} injected, for test output and messages. */
final class FaultProxyReport {
    private FaultProxyReport() {
    }

    static String injected(FaultProxy proxy) {
        return "500: " + proxy.injected(Fault.ERROR_500) + ", 503: " + proxy.injected(Fault.ERROR_503)
                + ", resets: " + proxy.injected(Fault.RESET) + ", stalls: " + proxy.injected(Fault.STALL)
                + ", stalled uploads: " + proxy.injected(Fault.STALL_UPLOAD) + ", of " + proxy.tally().total()
                + " requests";
    }
}
