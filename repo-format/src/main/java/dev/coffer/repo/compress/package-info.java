/** zstd compression of blobs and of "unpacked" files (index, snapshot, lock) in version-2 repositories. */
package dev.coffer.repo.compress;
