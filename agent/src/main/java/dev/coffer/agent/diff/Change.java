package dev.coffer.agent.diff;

/**
 * One reported difference: the path (directories end in "/") and restic's modifier: "+", "-",
 * or a combination of "T" (type changed), "M" (file content changed) and "U" (metadata changed).
 */
public record Change(String path, String modifier) {
}
