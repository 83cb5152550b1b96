package dev.coffer.agent.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus TSDB snapshot hook (PROMETHEUS_SNAPSHOT_URL): before the backup it asks
 * Prometheus for a snapshot ({@code POST /api/v1/admin/tsdb/snapshot?skip_head=false}, which
 * includes the in-memory head), then has the backup save {@code <data dir>/snapshots/<name>}
 * instead of the live data folder and tags the snapshot {@code tsdb-snapshot=<name>}. After the
 * backup, successful or not, the snapshot folder is deleted. Prometheus refuses snapshots unless
 * started with {@code --web.enable-admin-api}; that is reported as such.
 */
final class TsdbSnapshotHook implements Hook {
    private static final Logger LOG = LoggerFactory.getLogger(TsdbSnapshotHook.class);
    static final String TAG = "tsdb-snapshot=";
    private static final String ENDPOINT = "api/v1/admin/tsdb/snapshot";

    private final HttpUrl prometheus;
    private final Path dataDir;
    private final OkHttpClient http;
    private Path snapshot;

    TsdbSnapshotHook(URI prometheus, Path dataDir, OkHttpClient http, Duration timeout) {
        this.prometheus = HttpUrl.get(Objects.requireNonNull(prometheus, "prometheus"));
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        // a snapshot of a large TSDB takes a while: only the hook timeout bounds the call
        this.http = http.newBuilder().readTimeout(Duration.ZERO).callTimeout(timeout).build();
    }

    @Override
    public BackupPlan before(BackupPlan plan) throws HookException, InterruptedException {
        String name = takeSnapshot();
        Path dir = dataDir.resolve("snapshots").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new HookException("Prometheus took TSDB snapshot " + name + " but " + dir + " does not exist here;"
                    + " set PROMETHEUS_DATA_DIR to Prometheus's --storage.tsdb.path as mounted in this container"
                    + " (the snapshot stays in Prometheus's snapshots folder: delete it there)");
        }
        snapshot = dir;
        LOG.info("TSDB snapshot {} taken, backing up {}", name, dir);
        return plan.replacing(dataDir, dir).withTag(TAG + name);
    }

    @Override
    public void after(Outcome outcome) throws HookException {
        Path dir = snapshot;
        snapshot = null;
        if (dir == null) {
            return;
        }
        try {
            Folders.deleteTree(dir);
            LOG.info("TSDB snapshot folder {} deleted", dir);
        } catch (IOException e) {
            throw new HookException("could not delete the TSDB snapshot folder " + dir + ": " + e.getMessage()
                    + "; delete it by hand, it holds disk space, and give the agent write access to the data folder");
        }
    }

    private String takeSnapshot() throws HookException, InterruptedException {
        HttpUrl url = prometheus.newBuilder().addPathSegments(ENDPOINT).addQueryParameter("skip_head", "false").build();
        String shown = url.newBuilder().username("").password("").build().toString();
        Request request = new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (body.contains("admin APIs disabled") || response.code() == 404 || response.code() == 405) {
                throw new HookException("Prometheus refused the TSDB snapshot at " + shown + " (HTTP " + response.code()
                        + (body.contains("admin APIs disabled") ? ", admin APIs disabled" : "")
                        + "): start Prometheus with --web.enable-admin-api, or unset PROMETHEUS_SNAPSHOT_URL");
            }
            if (!response.isSuccessful()) {
                throw new HookException("Prometheus answered HTTP " + response.code() + " to the TSDB snapshot request at "
                        + shown + ": " + errorOf(body) + "; check Prometheus's log and free disk space");
            }
            JsonNode name = new ObjectMapper().readTree(body).path("data").path("name");
            if (!name.isTextual() || !name.asText().matches("[A-Za-z0-9._-]+") || name.asText().startsWith(".")) {
                throw new HookException("Prometheus's TSDB snapshot answer at " + shown + " has no usable snapshot name: "
                        + abbreviated(body));
            }
            return name.asText();
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while asking Prometheus for a TSDB snapshot");
            }
            throw new HookException("Prometheus did not answer the TSDB snapshot request at " + shown
                    + " in time; check PROMETHEUS_SNAPSHOT_URL or raise HOOK_TIMEOUT");
        } catch (HookException e) {
            throw e;
        } catch (IOException e) {
            throw new HookException("cannot reach Prometheus at " + shown + " for a TSDB snapshot: " + e.getMessage()
                    + "; check PROMETHEUS_SNAPSHOT_URL (e.g. http://localhost:9090)");
        }
    }

    private static String errorOf(String body) {
        try {
            JsonNode error = new ObjectMapper().readTree(body).path("error");
            return error.isTextual() ? error.asText() : abbreviated(body);
        } catch (IOException e) {
            return abbreviated(body);
        }
    }

    private static String abbreviated(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
