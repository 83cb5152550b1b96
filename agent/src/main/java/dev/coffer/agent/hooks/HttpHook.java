package dev.coffer.agent.hooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRE_BACKUP_URL and POST_BACKUP_URL: a POST with a small JSON body
 * ({@code {"job":..,"phase":"pre"|"post","status":..,"snapshot_id":..}}), for healthcheck pings and
 * webhooks. Any 2xx answer is success; anything else, or no answer within the timeout, fails the
 * hook. URLs are logged without their query and user info.
 */
final class HttpHook implements Hook {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHook.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String job;
    private final Optional<URI> pre;
    private final Optional<URI> post;
    private final OkHttpClient http;

    HttpHook(String job, Optional<URI> pre, Optional<URI> post, OkHttpClient http, Duration timeout) {
        this.job = Objects.requireNonNull(job, "job");
        this.pre = Objects.requireNonNull(pre, "pre");
        this.post = Objects.requireNonNull(post, "post");
        this.http = http.newBuilder().readTimeout(Duration.ZERO).callTimeout(timeout).build();
    }

    @Override
    public BackupPlan before(BackupPlan plan) throws HookException, InterruptedException {
        if (pre.isPresent()) {
            call("PRE_BACKUP_URL", pre.get(), body("pre", null, null));
        }
        return plan;
    }

    @Override
    public void after(Outcome outcome) throws HookException, InterruptedException {
        if (post.isPresent()) {
            call("POST_BACKUP_URL", post.get(), body("post", outcome.status(), outcome.snapshotId().orElse(null)));
        }
    }

    private String body(String phase, String status, String snapshot) {
        StringBuilder b = new StringBuilder("{\"job\":");
        Json.quote(b, job).append(",\"phase\":");
        Json.quote(b, phase);
        if (status != null) {
            b.append(",\"status\":");
            Json.quote(b, status);
        }
        if (snapshot != null) {
            b.append(",\"snapshot_id\":");
            Json.quote(b, snapshot);
        }
        return b.append('}').toString();
    }

    private void call(String setting, URI uri, String body) throws HookException, InterruptedException {
        HttpUrl url = HttpUrl.get(uri);
        String shown = url.newBuilder().query(null).username("").password("").build().toString();
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new HookException(setting + " " + shown + " answered HTTP " + response.code()
                        + "; check the URL and the service behind it");
            }
            LOG.info("hook {} called {} job={} status={}", setting, shown, job, response.code());
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while calling " + setting);
            }
            throw new HookException(setting + " " + shown + " did not answer in time; check the URL or raise HOOK_TIMEOUT");
        } catch (IOException e) {
            throw new HookException(setting + " " + shown + " could not be called: " + e.getMessage()
                    + "; check the URL and that the service is reachable");
        }
    }
}
