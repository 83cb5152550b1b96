package dev.coffer.repo.lock;

/** Who takes a lock: written into the lock file so others can tell whether it is stale. */
public record LockOwner(String hostname, String username, long pid, long uid, long gid) {
}
