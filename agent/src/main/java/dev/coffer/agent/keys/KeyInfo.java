package dev.coffer.agent.keys;

import dev.coffer.repo.model.Id;
import java.time.OffsetDateTime;

/**
 * One key file as {@code key list} shows it.
 *
 * @param current whether this session opened the repository with it
 * @param created when it was made, null if its time cannot be read
 */
public record KeyInfo(Id id, boolean current, String username, String hostname, OffsetDateTime created) {
}
