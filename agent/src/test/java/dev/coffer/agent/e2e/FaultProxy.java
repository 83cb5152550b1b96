package dev.coffer.agent.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP/1.1 proxy on a free loopback port in front of a server on another loopback port (S3Proxy,
 * rclone): clients talk to it as if it were the server. Requests pass byte for byte (so S3
 * signatures stay valid), each over a fresh upstream connection; client connections are kept
 * alive. It counts every request by kind ({@link RequestTally}) and spoils some as its
 * {@link FaultPlan} says. A client's {@code Expect: 100-continue} is answered at once.
 */
final class FaultProxy implements AutoCloseable {
    private static final int UPSTREAM_TIMEOUT_MILLIS = 60_000;
    private static final long LARGE_BODY = 1 << 20;

    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final RequestTally tally = new RequestTally();
    private final Map<Fault, LongAdder> injected = new EnumMap<>(Fault.class);
    private volatile FaultPlan plan = FaultPlan.NONE;

    private FaultProxy(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
        for (Fault f : Fault.values()) {
            injected.put(f, new LongAdder());
        }
    }

    /** Starts a proxy for the server listening on {@code 127.0.0.1:upstreamPort}. */
    static FaultProxy start(int upstreamPort) throws IOException {
        ServerSocket s = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        FaultProxy p = new FaultProxy(s, upstreamPort);
        p.pool.execute(p::acceptLoop);
        return p;
    }

    int port() {
        return server.getLocalPort();
    }

    /** "http://127.0.0.1:PORT". */
    String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Spoils requests from now on as {@code p} says. */
    void plan(FaultPlan p) {
        plan = p;
    }

    RequestTally tally() {
        return tally;
    }

    /** How many requests got {@code fault}. */
    long injected(Fault fault) {
        return injected.get(fault).sum();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
            OutputStream out = client.getOutputStream();
            while (exchange(client, in, out)) {
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the proxy is closing
        } finally {
            sockets.remove(client);
        }
    }

    /** One request and its answer; false when the connection is done. */
    private boolean exchange(Socket client, InputStream in, OutputStream out) throws IOException, InterruptedException {
        HttpMessage head = HttpMessage.readHead(in);
        if (head == null) {
            return false;
        }
        String method = head.startField(0);
        tally.count(method, head.startField(1));
        FaultPlan p = plan;
        String length = head.header("Content-Length");
        boolean largeBody = head.header("Transfer-Encoding") != null
                || (length != null && Long.parseLong(length) >= LARGE_BODY);
        Fault fault = p.next(largeBody);
        injected.get(fault).increment();
        if (fault == Fault.STALL_UPLOAD) {
            Thread.sleep(p.stall().toMillis());
            return false;
        }
        if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        HttpMessage request = head.withBodyFrom(in, false);
        if (fault == Fault.ERROR_500 || fault == Fault.ERROR_503) {
            out.write(errorResponse(fault == Fault.ERROR_500));
            return true;
        }
        HttpMessage response = forward(request, method.equals("HEAD"));
        if (fault == Fault.STALL) {
            Thread.sleep(p.stall().toMillis());
            return false;
        }
        if (fault == Fault.RESET) {
            out.write(response.head());
            out.write(response.rawBody(), 0, response.rawBody().length / 2);
            out.flush();
            client.setSoLinger(true, 0);
            return false;
        }
        out.write(response.head());
        out.write(response.rawBody());
        boolean framed = response.header("Content-Length") != null || response.header("Transfer-Encoding") != null
                || method.equals("HEAD") || response.status() == 204 || response.status() == 304;
        return framed && !"close".equalsIgnoreCase(response.header("Connection"));
    }

    private HttpMessage forward(HttpMessage request, boolean headRequest) throws IOException {
        try (Socket up = new Socket()) {
            sockets.add(up);
            up.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), UPSTREAM_TIMEOUT_MILLIS);
            up.setSoTimeout(UPSTREAM_TIMEOUT_MILLIS);
            OutputStream uo = up.getOutputStream();
            uo.write(request.head());
            uo.write(request.rawBody());
            uo.flush();
            InputStream ui = new BufferedInputStream(up.getInputStream(), 64 * 1024);
            HttpMessage head = HttpMessage.readHead(ui);
            while (head != null && head.status() >= 100 && head.status() < 200) {
                head = HttpMessage.readHead(ui);
            }
            if (head == null) {
                throw new SocketException("upstream closed without an answer");
            }
            int status = head.status();
            return head.withBodyFrom(ui, headRequest || status == 204 || status == 304);
        } finally {
            sockets.removeIf(Socket::isClosed);
        }
    }

    private static byte[] errorResponse(boolean internal) {
        String code = internal ? "InternalError" : "SlowDown";
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>fault injected by the test proxy</Message></Error>";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + (internal ? "500 Internal Server Error" : "503 Slow Down") + "\r\n"
                + "Content-Type: application/xml\r\nContent-Length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + b.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        pool.shutdownNow();
    }
}
