package dev.coffer.agent.backend.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted REST server on the JDK's HttpServer, for protocol details rclone does not show:
 * write-once 403s, v1 listings, ignored Range headers, chosen status codes.
 */
final class FakeRestServer implements AutoCloseable {
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    volatile boolean v1Listing;
    volatile boolean ignoreRange;
    volatile int forcedStatus;
    private final HttpServer server;

    FakeRestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().substring("/repo/".length());
        String query = ex.getRequestURI().getRawQuery();
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
        headers.add(Map.copyOf(ex.getRequestHeaders()));
        byte[] body = ex.getRequestBody().readAllBytes();
        if (forcedStatus != 0) {
            send(ex, forcedStatus, new byte[0], null);
            return;
        }
        if (path.isEmpty() && "create=true".equals(query)) {
            send(ex, 200, new byte[0], null);
        } else if (path.endsWith("/") && method.equals("GET")) {
            String dir = path;
            StringBuilder json = new StringBuilder("[");
            files.forEach((k, v) -> {
                if (k.startsWith(dir)) {
                    String name = k.substring(dir.length());
                    json.append(json.length() > 1 ? "," : "").append(v1Listing ? "\"" + name + "\""
                            : "{\"name\":\"" + name + "\",\"size\":" + v.length + "}");
                }
            });
            json.append("]");
            send(ex, 200, json.toString().getBytes(StandardCharsets.UTF_8),
                    v1Listing ? "application/vnd.x.restic.rest.v1" : RestHttp.V2);
        } else if (method.equals("POST")) {
            if (files.containsKey(path)) {
                send(ex, 403, new byte[0], null);
            } else {
                files.put(path, body);
                send(ex, 200, new byte[0], null);
            }
        } else if (method.equals("HEAD")) {
            byte[] f = files.get(path);
            if (f == null) {
                send(ex, 404, null, null);
            } else {
                ex.getResponseHeaders().set("Content-Length", Integer.toString(f.length));
                ex.sendResponseHeaders(200, -1);
                ex.close();
            }
        } else if (method.equals("GET")) {
            byte[] f = files.get(path);
            String range = ex.getRequestHeaders().getFirst("Range");
            if (f == null) {
                send(ex, 404, new byte[0], null);
            } else if (range == null || ignoreRange) {
                send(ex, 200, f, null);
            } else {
                String[] r = range.substring("bytes=".length()).split("-", -1);
                int from = Integer.parseInt(r[0]);
                int to = r[1].isEmpty() ? f.length - 1 : Math.min(f.length - 1, Integer.parseInt(r[1]));
                send(ex, 206, java.util.Arrays.copyOfRange(f, from, to + 1), null);
            }
        } else if (method.equals("DELETE")) {
            files.remove(path);
            send(ex, 200, new byte[0], null);
        } else {
            send(ex, 405, new byte[0], null);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body == null || body.length == 0) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
