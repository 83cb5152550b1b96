package dev.coffer.agent.daemon;

/** Runs cleanup that must not be cut short by a pending interrupt, then restores the interrupt. */
final class Interrupts {
    private Interrupts() {
    }

    static void uninterruptibly(Runnable cleanup) {
        boolean interrupted = Thread.interrupted();
        try {
            cleanup.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
