/**
 * {@code find}: restic's path patterns (shell globs per path component, {@code **} across
 * components, a relative pattern matching at any depth) and the search over snapshots that
 * reports each matching node with its path.
 */
package dev.coffer.agent.find;
