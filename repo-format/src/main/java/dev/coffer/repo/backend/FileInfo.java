package dev.coffer.repo.backend;

/** A listed file: its name within its type's directory and its size in bytes. */
public record FileInfo(String name, long size) {
}
