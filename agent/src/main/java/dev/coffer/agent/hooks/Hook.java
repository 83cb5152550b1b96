package dev.coffer.agent.hooks;

/**
 * Something done before and after a backup. Called from one job thread at a time.
 *
 * <p>Both steps must respond to interruption (the agent's shutdown) by stopping what they started
 * and throwing {@link InterruptedException}. {@link #after} runs only when {@link #before}
 * returned normally, and then always, whatever the backup did.
 */
public interface Hook {

    /**
     * Prepares the backup.
     *
     * @return the plan to back up (the given one, or a changed one)
     * @throws HookException when the backup must not run; the message says why and what to change
     */
    BackupPlan before(BackupPlan plan) throws HookException, InterruptedException;

    /**
     * Cleans up or reports after the backup attempt.
     *
     * @throws HookException when the hook's own work failed (the run is then reported failed)
     */
    void after(Outcome outcome) throws HookException, InterruptedException;
}
