package dev.coffer.agent.backend.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.agent.backend.TlsFailures;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.BackendException;
import dev.coffer.repo.backend.ConnectFailures;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.backend.NotFoundException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A repository on a restic REST server (rest-server, {@code rclone serve restic}). Thread-safe.
 * Does not retry; wrap it in a {@link dev.coffer.repo.backend.RetryingBackend}.
 *
 * <p>Servers are write-once: saving an existing file answers 403. Because files are named by
 * their content's hash, a 403 for a file that exists with the same size counts as success, so
 * a retried upload is idempotent as the contract wants.
 */
public final class RestBackend implements Backend {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final OkHttpClient http;
    private final RepositoryLocation.Rest loc;
    private final HttpUrl base;
    private final RestOptions options;
    private final JsonFactory json = new JsonFactory();

    RestBackend(OkHttpClient http, RepositoryLocation.Rest loc, RestOptions options) {
        this.http = Objects.requireNonNull(http, "http");
        this.loc = Objects.requireNonNull(loc, "loc");
        this.options = Objects.requireNonNull(options, "options");
        this.base = HttpUrl.get(loc.url().toString());
    }

    /** A backend for {@code loc}; no request is made until the first call. */
    public static RestBackend open(RepositoryLocation.Rest loc, Map<String, String> options) throws IOException {
        RestOptions opts = RestOptions.from(options);
        return new RestBackend(RestHttp.client(loc, opts), loc, opts);
    }

    /** How many requests may run at once ({@code rest.connections}, default 5). */
    public int connections() {
        return options.connections();
    }

    @Override
    public String location() {
        return loc.location();
    }

    /** {@code <base>/config} or {@code <base>/<type>/<id>}: no data/xx sharding in URLs. */
    HttpUrl url(FileHandle h) {
        HttpUrl.Builder b = base.newBuilder();
        if (h.type() == FileType.CONFIG) {
            return b.addPathSegment("config").build();
        }
        return b.addPathSegment(h.type().dir()).addPathSegment(h.name()).build();
    }

    private Response call(Request request, String what) throws BackendException {
        try {
            return http.newCall(request).execute();
        } catch (IOException e) {
            Throwable untrusted = TlsFailures.find(e);
            if (untrusted != null) {
                throw new BackendException(TlsFailures.message(what, untrusted), true, e);
            }
            Throwable unreachable = ConnectFailures.find(e);
            throw new BackendException(unreachable != null ? ConnectFailures.message(what, unreachable)
                    : what + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public void save(FileHandle handle, byte[] data, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, data.length);
        Request req = new Request.Builder().url(url(handle))
                .post(RequestBody.create(data, OCTET_STREAM, off, len)).build();
        BackendException failure;
        try (Response r = call(req, "save " + handle)) {
            if (r.isSuccessful()) {
                return;
            }
            failure = RestHttp.error("save " + handle, r);
            if (r.code() != 403) {
                throw failure;
            }
        }
        if (sameSizeExists(handle, len)) {
            return;
        }
        throw failure;
    }

    private boolean sameSizeExists(FileHandle handle, long len) {
        try {
            return stat(handle).size() == len;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length + " for " + handle);
        }
        boolean ranged = offset != 0 || length != 0;
        Request.Builder req = new Request.Builder().url(url(handle)).get();
        if (ranged) {
            req.header("Range", "bytes=" + offset + "-" + (length == 0 ? "" : Long.toString(offset + length - 1)));
        }
        try (Response r = call(req.build(), "load " + handle)) {
            if (r.code() != 200 && r.code() != 206) {
                throw RestHttp.error("load " + handle, r);
            }
            byte[] bytes;
            try {
                bytes = r.body().bytes();
            } catch (IOException e) {
                throw new BackendException("load " + handle + ": " + e.getMessage(), false, e);
            }
            if (ranged && r.code() == 200) {
                int from = (int) Math.min(offset, bytes.length);
                int to = length == 0 ? bytes.length : (int) Math.min(bytes.length, offset + length);
                return Arrays.copyOfRange(bytes, from, to);
            }
            return bytes;
        }
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        Request req = new Request.Builder().url(url(handle)).head().build();
        try (Response r = call(req, "stat " + handle)) {
            if (!r.isSuccessful()) {
                throw RestHttp.error("stat " + handle, r);
            }
            String length = r.header("Content-Length");
            if (length == null) {
                throw new BackendException("stat " + handle + ": the server sent no Content-Length", true);
            }
            return new FileInfo(handle.name(), Long.parseLong(length.trim()));
        }
    }

    @Override
    public void list(FileType type, Consumer<FileInfo> consumer) throws IOException {
        if (type == FileType.CONFIG) {
            try {
                consumer.accept(stat(FileHandle.config()));
            } catch (NotFoundException e) {
                // no config yet
            }
            return;
        }
        String what = "list " + type.dir();
        HttpUrl url = base.newBuilder().addPathSegment(type.dir()).addPathSegment("").build();
        List<String> namesOnly = new ArrayList<>();
        try (Response r = call(new Request.Builder().url(url).get().build(), what)) {
            if (r.code() == 404) {
                String server = r.header("Server", "");
                if (!server.startsWith("rclone/")) {
                    return;
                }
                throw new BackendException(what + ": HTTP 404 from rclone; is the repository path right?", true);
            }
            if (!r.isSuccessful()) {
                throw RestHttp.error(what, r);
            }
            String contentType = r.header("Content-Type", "");
            try (InputStream in = r.body().byteStream(); JsonParser p = json.createParser(in)) {
                if (contentType.startsWith(RestHttp.V2)) {
                    parseV2(p, consumer);
                } else {
                    parseV1(p, namesOnly);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BackendException(what + ": unreadable listing: " + e.getOriginalMessage(), true, e);
            } catch (BackendException e) {
                throw e;
            } catch (IOException e) {
                throw new BackendException(what + ": " + e.getMessage(), false, e);
            }
        }
        for (String name : namesOnly) {
            try {
                consumer.accept(stat(new FileHandle(type, name)));
            } catch (NotFoundException e) {
                // deleted since the listing
            }
        }
    }

    /** {@code [{"name":"<id>","size":N},...]}. */
    private static void parseV2(JsonParser p, Consumer<FileInfo> consumer) throws IOException {
        expect(p.nextToken(), JsonToken.START_ARRAY, p);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            long size = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                    name = p.getText();
                } else if (field.equals("size") && value == JsonToken.VALUE_NUMBER_INT) {
                    size = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
            if (name == null || size < 0) {
                throw new BackendException("listing entry without name or size", true);
            }
            if (Id.isId(name)) {
                consumer.accept(new FileInfo(name, size));
            }
        }
    }

    /** {@code ["<id>",...]}: sizes must be asked for one by one. */
    private static void parseV1(JsonParser p, List<String> names) throws IOException {
        expect(p.nextToken(), JsonToken.START_ARRAY, p);
        for (JsonToken t = p.nextToken(); t == JsonToken.VALUE_STRING; t = p.nextToken()) {
            if (Id.isId(p.getText())) {
                names.add(p.getText());
            }
        }
    }

    private static void expect(JsonToken got, JsonToken want, JsonParser p) throws BackendException {
        if (got != want) {
            throw new BackendException("unexpected listing: " + got + " where " + want + " belongs at "
                    + p.currentLocation(), true);
        }
    }

    @Override
    public void remove(FileHandle handle) throws IOException {
        try (Response r = call(new Request.Builder().url(url(handle)).delete().build(), "remove " + handle)) {
            if (!r.isSuccessful() && r.code() != 404) {
                throw RestHttp.error("remove " + handle, r);
            }
        }
    }

    /** {@code POST <base>/?create=true}: the server makes the directories. */
    @Override
    public void create() throws IOException {
        HttpUrl url = base.newBuilder().addQueryParameter("create", "true").build();
        try (Response r = call(new Request.Builder().url(url).post(EMPTY).build(), "create")) {
            if (!r.isSuccessful()) {
                throw RestHttp.error("create repository", r);
            }
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
