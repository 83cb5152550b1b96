/**
 * restic's JSON files, byte for byte: trees and nodes, snapshots, index files, locks and the
 * config.
 *
 * <p>restic writes its JSON with Go's {@code encoding/json}, and tree ids are SHA-256 of those
 * bytes, so trees must be written exactly as Go writes them to deduplicate with restic. The
 * pieces that make this possible are small and public: {@link dev.coffer.repo.file.GoJsonWriter}
 * (Go's compact encoding and string escaping, into a growable byte buffer),
 * {@link dev.coffer.repo.file.GoQuote} ({@code strconv.Quote}/{@code Unquote}, which restic applies
 * to node names), {@link dev.coffer.repo.file.GoTime} (RFC 3339 with nanoseconds, keeping the
 * offset) and {@link dev.coffer.repo.file.GoFileMode} (Go's {@code FileMode} bits).
 *
 * <p>Reading uses Jackson's streaming parser and tolerates unknown fields. Index files are decoded
 * into a callback, never into a tree model, because they can list hundreds of thousands of blobs.
 * Malformed input is a {@link dev.coffer.repo.model.CorruptDataException}.
 *
 * <p>The observable reference is restic 0.14 (Go 1.19): golden files made by that binary live in
 * {@code src/test/resources/golden/file/} with the script that regenerates them.
 */
package dev.coffer.repo.file;
