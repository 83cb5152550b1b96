/**
 * {@code key}: the repository's key files, one per password, each holding the same master key.
 * Listing them, adding one for a new password (verified by opening it before it counts), removing
 * one (never the key in use, never the last), and changing the password (add, then remove the old).
 */
package dev.coffer.agent.keys;
