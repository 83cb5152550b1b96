/**
 * {@code unlock}: removing lock files whose owner is gone. A lock is stale when it is older than
 * 30 minutes (a live owner refreshes it every 5), or when it was made on this host by a process
 * that no longer runs; a lock from another host that is younger is never stale.
 */
package dev.coffer.agent.locks;
