/** The command line: one class per command, restic's names and flags, exit codes mapped in {@link dev.coffer.agent.cli.ExitCodes}. */
package dev.coffer.agent.cli;
