package dev.coffer.agent.e2e;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 message as it travelled: the start line, the header lines, and the body bytes with
 * their framing (chunk sizes and all), so that a proxy can pass it on byte for byte and signatures
 * over the headers stay valid.
 */
record HttpMessage(String startLine, List<String> headers, byte[] rawBody) {
    private static final int MAX_LINE = 64 * 1024;

    HttpMessage {
        headers = List.copyOf(headers);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String h : headers) {
            if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return h.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The method of a request, or the status code of a response, from the start line. */
    String startField(int index) {
        String[] parts = startLine.split(" ", 3);
        return index < parts.length ? parts[index] : "";
    }

    int status() {
        return Integer.parseInt(startField(1));
    }

    /** The start line and headers, ready to send. */
    byte[] head() {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads a start line and headers; null at a clean end of stream before the first byte. */
    static HttpMessage readHead(InputStream in) throws IOException {
        String start = readLine(in, true);
        if (start == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            headers.add(line);
        }
        return new HttpMessage(start, headers, new byte[0]);
    }

    /** This head with the body that follows it on {@code in}; {@code bodyless} for HEAD replies, 204, 304. */
    HttpMessage withBodyFrom(InputStream in, boolean bodyless) throws IOException {
        if (bodyless) {
            return this;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String te = header("Transfer-Encoding");
        String cl = header("Content-Length");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            readChunked(in, body);
        } else if (cl != null) {
            body.write(readExactly(in, Long.parseLong(cl)));
        } else if (!startLine.startsWith("HTTP/")) {
            // a request without a length has no body
        } else {
            in.transferTo(body);
        }
        return new HttpMessage(startLine, headers, body.toByteArray());
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream raw) throws IOException {
        while (true) {
            String sizeLine = readLine(in, false);
            raw.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                for (String t = readLine(in, false); ; t = readLine(in, false)) {
                    raw.writeBytes((t + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (t.isEmpty()) {
                        return;
                    }
                }
            }
            raw.writeBytes(readExactly(in, size + 2));
        }
    }

    private static byte[] readExactly(InputStream in, long n) throws IOException {
        byte[] b = in.readNBytes(Math.toIntExact(n));
        if (b.length != n) {
            throw new EOFException("stream ended after " + b.length + " of " + n + " body bytes");
        }
        return b;
    }

    private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (eofAllowed && sb.length() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a header line");
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE);
            }
            sb.append((char) c);
        }
    }
}
