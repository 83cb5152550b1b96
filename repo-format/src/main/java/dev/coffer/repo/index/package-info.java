/** The blob-to-pack lookup, kept compact in memory (46 bytes per blob once frozen). */
package dev.coffer.repo.index;
