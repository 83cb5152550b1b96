package dev.coffer.agent.backend.rest;

import static org.junit.jupiter.api.Assertions.fail;

import dev.coffer.agent.backend.ExternalTools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code rclone serve restic} on a free loopback port, serving a directory. */
public final class RcloneRestServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path root;
    private final String scheme;

    private RcloneRestServer(Process process, int port, Path root, String scheme) {
        this.process = process;
        this.port = port;
        this.root = root;
        this.scheme = scheme;
    }

    /** Starts the server; {@code user} and {@code pass} null for no authentication. */
    public static RcloneRestServer start(Path root, String user, String pass) throws Exception {
        return start(root, user, pass, null, null);
    }

    /** Starts an HTTPS server with the PEM certificate {@code cert} and its key, without authentication. */
    public static RcloneRestServer startHttps(Path root, Path cert, Path key) throws Exception {
        return start(root, null, null, cert, key);
    }

    private static RcloneRestServer start(Path root, String user, String pass, Path cert, Path key) throws Exception {
        Path rclone = ExternalTools.require("rclone");
        Files.createDirectories(root);
        Path config = Files.createTempFile("rclone", ".conf");
        int port = ExternalTools.freePort();
        List<String> cmd = new ArrayList<>(List.of(rclone.toString(), "serve", "restic",
                "--config", config.toString(), "--addr", "127.0.0.1:" + port));
        if (user != null) {
            cmd.addAll(List.of("--user", user, "--pass", pass));
        }
        if (cert != null) {
            cmd.addAll(List.of("--cert", cert.toString(), "--key", key.toString()));
        }
        cmd.add(root.toString());
        Path log = Files.createTempFile("rclone", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!p.isAlive()) {
                fail("rclone serve restic exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    fail("rclone serve restic did not listen on " + port + ":\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
        return new RcloneRestServer(p, port, root, cert == null ? "http" : "https");
    }

    /** "http://127.0.0.1:PORT/" (or https) with {@code userInfo} ("u:p@" or "") inserted. */
    public String url(String userInfo, String repoPath) {
        return scheme + "://" + userInfo + "127.0.0.1:" + port + "/" + repoPath;
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
