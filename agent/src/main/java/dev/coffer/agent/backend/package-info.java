/**
 * Where a repository lives: {@link dev.coffer.agent.backend.RepositoryLocation} parses restic's
 * repository strings ({@code local:}, {@code s3:}, {@code rest:}) and keeps credentials out of
 * every printed form. The concrete network backends are in the {@code s3} and {@code rest}
 * subpackages; each implements {@link dev.coffer.repo.backend.Backend}.
 */
package dev.coffer.agent.backend;
