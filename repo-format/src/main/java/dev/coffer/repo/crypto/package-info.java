/**
 * restic's cryptography: AES-256-CTR with Poly1305-AES over the ciphertext ({@link
 * dev.coffer.repo.crypto.CryptoKey}), and the key files that hold the master key sealed under a
 * password-derived scrypt key ({@link dev.coffer.repo.crypto.KeyFile}).
 *
 * <p>Every encrypted file and blob is {@code IV ‖ CT ‖ MAC}; the MAC is checked before any byte
 * is decrypted. Key material lives in byte arrays that can be wiped; passwords are {@code char[]}.
 */
package dev.coffer.repo.crypto;
