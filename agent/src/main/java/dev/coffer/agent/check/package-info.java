/** The repository check: structure (index, packs, snapshots, trees) and, optionally, every byte of data. */
package dev.coffer.agent.check;
