/**
 * The S3 backend (AWS SDK v2, URL-connection HTTP client): restic's object keys
 * ({@code <prefix>/data/ab/<id>}), extended options {@code s3.*}, and the mapping of S3 errors to
 * permanent or transient {@link dev.coffer.repo.backend.BackendException}s.
 */
package dev.coffer.agent.backend.s3;
