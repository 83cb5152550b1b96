/**
 * Telling people about runs: ntfy messages on failure (and on success when asked).
 *
 * <p>A {@link dev.coffer.agent.notify.Notifier} never throws and never changes a run's outcome; a
 * notification that cannot be delivered is logged. Messages say what failed and what to do, and
 * carry no secret: known secret values and URL passwords are scrubbed from them.
 */
package dev.coffer.agent.notify;
