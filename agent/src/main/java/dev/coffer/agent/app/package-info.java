/** Wiring: the process environment, password sources, backends from repository strings. */
package dev.coffer.agent.app;
