/** The repository's vocabulary: ids, blob and file types, blob locations. No I/O. */
package dev.coffer.repo.model;
