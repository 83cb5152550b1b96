/** Lock files as restic writes and honours them: exclusive and shared locks, refresh, staleness. */
package dev.coffer.repo.lock;
