package dev.coffer.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.rest.RcloneRestServer;
import dev.coffer.agent.backend.s3.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS verification is on by default: an HTTPS S3 or REST server with a self-signed certificate is
 * refused at once with one line that says to pass {@code --cacert}; with that certificate given as
 * {@code --cacert FILE}, {@code -o cacert=FILE} or RESTIC_CACERT (also the agent's) the same repository works. No switch turns
 * verification off.
 */
@Tag("slow")
class TlsVerificationTest {
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    Path tmp;
    Path keyStore;
    Path caPem;
    Path keyPem;

    @BeforeEach
    void selfSignedCertificate() throws Exception {
        keyStore = tmp.resolve("server.p12");
        caPem = tmp.resolve("ca.pem");
        keyPem = tmp.resolve("key.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-file", caPem.toString(), "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("server", STORE_PASSWORD.toCharArray());
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void s3OverHttpsWithAPrivateCaNeedsCacert() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.startHttps(keyStore, STORE_PASSWORD)) {
            assertTrue(s3.endpoint().startsWith("https://"), s3.endpoint());
            Coffer coffer = coffer("s3:" + s3.endpoint() + "/tls-bucket/repo");
            coffer.env.putAll(s3.env());
            refusedThenAcceptedWithTheCa(coffer);

            // the sidecar takes the CA from RESTIC_CACERT (a mounted file), as restic's later versions do
            coffer.env.put("RESTIC_SOURCE", tmp.resolve("src").toString());
            coffer.env.put("METRICS_PORT", "off");
            coffer.env.put("RESTIC_CACERT", tmp.resolve("no-such-ca.pem").toString());
            Coffer.Result misplaced = coffer.fork(false, "agent", "--once");
            assertEquals(1, misplaced.exit(), misplaced.err());
            assertTrue(misplaced.err().contains("RESTIC_CACERT: no readable file at"), misplaced.err());
            coffer.env.put("RESTIC_CACERT", caPem.toString());
            Coffer.Result once = coffer.fork(false, "agent", "--once");
            assertEquals(0, once.exit(), once.out() + once.err());
            String snapshots = coffer.run("snapshots", "--json").ok().out();
            assertEquals(2, new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshots).size(), snapshots);
        }
    }

    @Test
    void restOverHttpsWithAPrivateCaNeedsCacert() throws Exception {
        try (RcloneRestServer rest = RcloneRestServer.startHttps(tmp.resolve("rest"), caPem, keyPem)) {
            Coffer coffer = coffer("rest:" + rest.url("", "repo"));
            refusedThenAcceptedWithTheCa(coffer);
        }
    }

    @Test
    void thereIsNoSwitchThatTurnsVerificationOff() {
        Coffer coffer = coffer(tmp.resolve("repo").toString());
        for (String command : List.of("init", "backup", "snapshots", "restore", "check", "key", "prune")) {
            Coffer.Result help = coffer.run(command, "--help");
            assertEquals(0, help.exit(), help.err());
            assertFalse(help.out().toLowerCase(Locale.ROOT).contains("insecure"), help.out());
            assertFalse(help.out().toLowerCase(Locale.ROOT).contains("skip-verify"), help.out());
        }
        assertTrue(coffer.run("snapshots", "--help").out().contains("--cacert"));
    }

    private void refusedThenAcceptedWithTheCa(Coffer coffer) throws Exception {
        long start = System.nanoTime();
        Coffer.Result refused = coffer.run("init");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("TLS certificate is not trusted") && refused.err().contains("--cacert FILE")
                && refused.err().contains("-o cacert=FILE"), refused.err());
        assertTrue(seconds < 20, "refusing took " + seconds + " s: a certificate failure must not be retried");

        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("f.txt"), "over TLS\n");
        coffer.run("--cacert", caPem.toString(), "init").ok();
        coffer.run("--cacert", caPem.toString(), "backup", src.toString()).ok();
        String snapshots = coffer.run("-o", "cacert=" + caPem, "snapshots", "--json").ok().out();
        assertTrue(snapshots.contains("\"paths\""), snapshots);
        Coffer.Result again = coffer.run("snapshots");
        assertEquals(1, again.exit(), again.err());
        assertTrue(again.err().contains("--cacert") && again.err().contains("RESTIC_CACERT"), again.err());
        coffer.env.put("RESTIC_CACERT", caPem.toString());
        assertTrue(coffer.run("snapshots", "--json").ok().out().contains("\"paths\""), "RESTIC_CACERT stands for --cacert");
        coffer.env.remove("RESTIC_CACERT");
    }

    private Coffer coffer(String repo) {
        Coffer c = new Coffer(tmp.resolve("unused"), tmp);
        c.env.put("RESTIC_REPOSITORY", repo);
        c.env.put("RESTIC_CACHE_DIR", tmp.resolve("cache").toString());
        return c;
    }

    private void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("keytool.log").toFile()).start();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0, Files.readString(tmp.resolve("keytool.log")));
    }
}
