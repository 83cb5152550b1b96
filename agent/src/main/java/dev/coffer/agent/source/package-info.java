/** What to back up: file metadata as lstat reports it, user and group names. */
package dev.coffer.agent.source;
