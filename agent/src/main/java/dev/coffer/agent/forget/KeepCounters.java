package dev.coffer.agent.forget;

/**
 * The remaining count of each bucket right after a snapshot was evaluated, as restic reports them
 * with each keep reason. Unlimited buckets stay at {@code -1}.
 */
public record KeepCounters(int last, int hourly, int daily, int weekly, int monthly, int yearly) {
}
