/**
 * Where repository files are stored: the {@link dev.coffer.repo.backend.Backend} contract,
 * restic's {@link dev.coffer.repo.backend.Layout}, local and in-memory backends, and decorators
 * (retry, concurrency limit, logging, request counting) that wrap any backend.
 */
package dev.coffer.repo.backend;
