package dev.coffer.agent.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * ntfy notifications.
 *
 * @param enabled   NTFY_ENABLED
 * @param server    NTFY_SERVER, e.g. {@code https://ntfy.sh}
 * @param topic     NTFY_TOPIC
 * @param title     NTFY_TITLE as a template: {@code {job}}, {@code {operation}} and {@code {status}}
 *                  are filled in per message ({@code {hostname}} and {@code {pod}} already are)
 * @param priority  NTFY_PRIO, 1 (min) to 5 (max), for failures
 * @param tags      NTFY_TAG, ntfy tags or emoji short codes, for failures
 * @param auth      NTFY_CREDS or NTFY_TOKEN
 * @param onSuccess NTFY_ON_SUCCESS: also send a (low priority) message for successful runs
 */
public record NtfyConfig(boolean enabled, URI server, String topic, String title, int priority,
        List<String> tags, NtfyAuth auth, boolean onSuccess) {

    public static final NtfyConfig DISABLED = new NtfyConfig(false, URI.create("https://ntfy.sh"), "",
            "{hostname}: {operation} {status}", 4, List.of(), new NtfyAuth.None(), false);

    public NtfyConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(auth, "auth");
        tags = List.copyOf(tags);
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("ntfy priority " + priority + " outside 1..5");
        }
    }
}
