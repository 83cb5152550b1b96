/**
 * The byte layout of pack files: encrypted blobs from offset 0, then the encrypted header (one
 * entry per blob, in file order) and the header's length as a little-endian uint32.
 */
package dev.coffer.repo.pack;
