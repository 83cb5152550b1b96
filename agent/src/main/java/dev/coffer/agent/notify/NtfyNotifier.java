package dev.coffer.agent.notify;

import dev.coffer.agent.config.NtfyAuth;
import dev.coffer.agent.config.NtfyConfig;
import dev.coffer.agent.schedule.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes run results to an ntfy topic: {@code POST <server>/<topic>} with the message as body
 * and the {@code Title}, {@code Priority} and {@code Tags} headers. Failures go out with the
 * configured priority and tags; successes (only with NTFY_ON_SUCCESS) with low priority.
 */
public final class NtfyNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(NtfyNotifier.class);
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    static final int SUCCESS_PRIORITY = 2;
    static final List<String> SUCCESS_TAGS = List.of("white_check_mark");

    private final NtfyConfig config;
    private final OkHttpClient http;
    private final String hostname;
    private final Scrubber scrubber;

    /**
     * @param secrets values that must never appear in a message (see AgentConfig.secretValues())
     */
    public NtfyNotifier(NtfyConfig config, OkHttpClient http, String hostname, Set<String> secrets) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.scrubber = new Scrubber(secrets);
    }

    /** A client with short timeouts: a notification must not hold up the agent. */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(15))
                .build();
    }

    @Override
    public void notify(RunResult result) {
        if (!config.enabled() || result.succeeded() && !config.onSuccess()) {
            return;
        }
        try {
            send(result);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ntfy notification for job={} operation={} not delivered: {}", result.job(),
                    result.operation().label(), scrubber.scrub(String.valueOf(e.getMessage())));
        }
    }

    private void send(RunResult result) throws IOException {
        HttpUrl base = HttpUrl.get(config.server());
        HttpUrl url = base.newBuilder().addPathSegment(config.topic()).build();
        String title = scrubber.scrub(Messages.title(config.title(), result));
        String body = scrubber.scrub(Messages.body(result, hostname));
        boolean ok = result.succeeded();
        Request.Builder request = new Request.Builder().url(url)
                .post(RequestBody.create(body, TEXT))
                .header("Title", headerValue(title))
                .header("Priority", String.valueOf(ok ? SUCCESS_PRIORITY : config.priority()));
        List<String> tags = ok ? SUCCESS_TAGS : config.tags();
        if (!tags.isEmpty()) {
            request.header("Tags", headerValue(String.join(",", tags)));
        }
        NtfyAuth auth = config.auth();
        if (auth instanceof NtfyAuth.Basic basic) {
            request.header("Authorization",
                    Credentials.basic(basic.user(), basic.password().reveal(), StandardCharsets.UTF_8));
        } else if (auth instanceof NtfyAuth.Bearer bearer) {
            request.header("Authorization", "Bearer " + bearer.token().reveal());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                String hint = response.code() == 401 || response.code() == 403
                        ? "; check NTFY_CREDS or NTFY_TOKEN and the topic's access rights" : "";
                throw new IOException("ntfy answered HTTP " + response.code() + " for " + url.redact() + hint);
            }
        }
        LOG.info("ntfy notification sent job={} operation={} status={}", result.job(),
                result.operation().label(), ok ? "success" : "failure");
    }

    /** ASCII stays as it is; anything else is sent as an RFC 2047 encoded word, which ntfy decodes. */
    static String headerValue(String value) {
        String single = value.replaceAll("[\\r\\n\\t]+", " ");
        boolean ascii = single.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii) {
            return single;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(single.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
