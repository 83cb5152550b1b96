/**
 * What runs around a backup: pre/post shell commands, pre/post HTTP calls, and the built-in
 * Prometheus TSDB snapshot hook, which takes a snapshot through Prometheus's admin API, has the
 * backup save that snapshot instead of the live data folder, and deletes it afterwards.
 *
 * <p>A {@link dev.coffer.agent.hooks.HookChain} runs the hooks' {@code before} steps in order and
 * their {@code after} steps in reverse order; every hook whose {@code before} succeeded gets its
 * {@code after}, whatever happened in between, so a TSDB snapshot is always removed. A failing
 * {@code before} stops the backup with a {@link dev.coffer.agent.hooks.HookException} whose
 * message says which hook failed and what to change. This package never imports an engine.
 */
package dev.coffer.agent.hooks;
