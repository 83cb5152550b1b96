package dev.coffer.agent.config;

/** How log lines look: {@code plain} text or one JSON object per line. */
public enum LogFormat {
    PLAIN,
    JSON
}
