package dev.coffer.agent.e2e;

import java.time.Duration;
import java.util.Random;

/**
 * Which requests {@link FaultProxy} spoils: each request independently, by a seeded generator,
 * with the given shares of errors (half 500, half 503), resets and stalls (half of the stalls on
 * large uploads stop reading the body); or every request the same way; or only the first few
 * large uploads. Thread-safe.
 */
final class FaultPlan {
    /** Spoils nothing. */
    static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, Duration.ZERO);

    private final Random random;
    private final double errorShare;
    private final double resetShare;
    private final double stallShare;
    private final Duration stall;
    private final Fault always;
    private int uploadStallsLeft;

    /**
     * @param stall how long a stalled request hangs before the proxy closes it; longer than the
     *     client's timeout, or the stall tests nothing
     */
    FaultPlan(long seed, double errorShare, double resetShare, double stallShare, Duration stall) {
        this(seed, errorShare, resetShare, stallShare, stall, null, 0);
    }

    private FaultPlan(long seed, double errorShare, double resetShare, double stallShare, Duration stall,
            Fault always, int uploadStalls) {
        if (errorShare < 0 || resetShare < 0 || stallShare < 0 || errorShare + resetShare + stallShare > 1) {
            throw new IllegalArgumentException("bad shares " + errorShare + "/" + resetShare + "/" + stallShare);
        }
        this.random = new Random(seed);
        this.errorShare = errorShare;
        this.resetShare = resetShare;
        this.stallShare = stallShare;
        this.stall = stall;
        this.always = always;
        this.uploadStallsLeft = uploadStalls;
    }

    /** Every request fails the same way: for permanent-fault tests. */
    static FaultPlan always(Fault fault, Duration stall) {
        return new FaultPlan(0, 0, 0, 0, stall, fault, 0);
    }

    /** The first {@code n} large uploads stall for {@code stall}; nothing else is spoilt. */
    static FaultPlan firstLargeUploadsStall(int n, Duration stall) {
        return new FaultPlan(0, 0, 0, 0, stall, null, n);
    }

    Duration stall() {
        return stall;
    }

    /** The fault for the next request; {@code largeUpload} if it carries a body of 1 MiB or more. */
    synchronized Fault next(boolean largeUpload) {
        if (always != null) {
            return always == Fault.STALL_UPLOAD && !largeUpload ? Fault.NONE : always;
        }
        if (uploadStallsLeft > 0) {
            if (!largeUpload) {
                return Fault.NONE;
            }
            uploadStallsLeft--;
            return Fault.STALL_UPLOAD;
        }
        double r = random.nextDouble();
        if (r < errorShare) {
            return random.nextBoolean() ? Fault.ERROR_500 : Fault.ERROR_503;
        }
        if (r < errorShare + resetShare) {
            return Fault.RESET;
        }
        if (r < errorShare + resetShare + stallShare) {
            return largeUpload && random.nextBoolean() ? Fault.STALL_UPLOAD : Fault.STALL;
        }
        return Fault.NONE;
    }
}
