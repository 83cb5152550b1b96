package dev.coffer.ship;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS from the jlink runtime: a backup over https to {@code rclone serve restic} with an ECDSA
 * P-256 certificate (what most S3 endpoints and ingresses present today), reached by host name.
 * A runtime without jdk.crypto.ec fails this handshake.
 */
@Tag("slow")
class RuntimeTlsTest {
    private static final String STOREPASS = "ship-test-storepass";

    @Test
    void backupOverHttpsWithAnEcCertificate(@TempDir Path tmp) throws Exception {
        Path java = RuntimeImage.shared().resolve("bin/java");
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        selfSignedEcCertificate(tmp.resolve("tls.p12"), cert, key);
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("hello.txt"), "over TLS\n");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = tmp.resolve("rclone.log");
        Process rclone = new ProcessBuilder(Project.tool("rclone", "rclone").toString(), "serve", "restic",
                "--config", tmp.resolve("rclone.conf").toString(), "--addr", "127.0.0.1:" + port,
                "--cert", cert.toString(), "--key", key.toString(), tmp.resolve("served").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitListening(rclone, port, log);
            Map<String, String> env = Map.of("RESTIC_PASSWORD", "ship-tls-password",
                    "RESTIC_REPOSITORY", "rest:https://localhost:" + port + "/repo");
            for (List<String> args : List.of(List.of("init"), List.of("backup", data.toString()),
                    List.of("snapshots"))) {
                Run.Result r = Run.run(Duration.ofMinutes(2), env, concat(java.toString(), "-jar",
                        Project.jar().toString(), "-o", "cacert=" + cert, args));
                r.ok();
                if (args.get(0).equals("snapshots")) {
                    assertTrue(r.out().contains(data.toString()), r.toString());
                }
            }
        } finally {
            rclone.destroy();
            if (!rclone.waitFor(10, TimeUnit.SECONDS)) {
                rclone.destroyForcibly();
            }
        }
    }

    /** keytool (of the JDK running the tests) makes the pair; written out as PEM for rclone. */
    private static void selfSignedEcCertificate(Path p12, Path certPem, Path keyPem) throws Exception {
        Run.run(Duration.ofMinutes(1), Map.of(), Project.javaHome().resolve("bin/keytool").toString(),
                "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", STOREPASS).ok();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, STOREPASS.toCharArray());
        }
        Certificate cert = ks.getCertificate("tls");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", ks.getKey("tls", STOREPASS.toCharArray()).getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void awaitListening(Process p, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!p.isAlive()) {
                fail("rclone serve restic exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    fail("rclone serve restic did not listen on " + port + ":\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    private static String[] concat(String a, String b, String c, String d, String e, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(a, b, c, d, e));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
