package dev.coffer.repo.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.repo.model.Id;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real restic opens a repository whose key file and config we wrote: proof that our scrypt,
 * key file JSON and sealing are what restic expects. Fails (never skips) without restic.
 */
class ResticOpensOurKeyTest {
    private static final String PASSWORD = "coffer pässwörd ü 🔑";
    private static final String POLYNOMIAL = "2da5e04f3915b1";

    @Test
    void resticOpensKeyFileWeCreated(@TempDir Path repo) throws Exception {
        SecureRandom rnd = new SecureRandom();
        CryptoKey master = CryptoKey.random(rnd);
        Clock clock = Clock.fixed(Instant.parse("2024-05-06T07:08:09.123456700Z"), ZoneOffset.UTC);
        KeyFile key = KeyFile.create(PASSWORD.toCharArray(), master, ScryptParams.DEFAULT, rnd, clock,
                "coffer <&> user", "coffer-host");
        byte[] keyJson = key.toJson();

        for (String d : List.of("data", "index", "keys", "snapshots", "locks")) {
            Files.createDirectories(repo.resolve(d));
        }
        for (int i = 0; i < 256; i++) {
            Files.createDirectories(repo.resolve("data").resolve(String.format("%02x", i)));
        }
        Files.write(repo.resolve("keys").resolve(Id.hash(keyJson).hex()), keyJson);
        byte[] id = new byte[32];
        rnd.nextBytes(id);
        String config = "{\"version\":2,\"id\":\"" + HexFormat.of().formatHex(id)
                + "\",\"chunker_polynomial\":\"" + POLYNOMIAL + "\"}";
        Files.write(repo.resolve("config"), master.seal(config.getBytes(StandardCharsets.UTF_8)));

        String printed = restic(repo, "cat", "config");
        assertTrue(printed.contains("\"chunker_polynomial\": \"" + POLYNOMIAL + "\""), printed);

        // restic 0.14 clamps r when it loads a key, so its "cat masterkey" shows r clamped
        byte[] r = master.macR();
        for (int i : new int[] {3, 7, 11, 15}) {
            r[i] &= 0x0f;
        }
        for (int i : new int[] {4, 8, 12}) {
            r[i] &= (byte) 0xfc;
        }
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(new CryptoKey(master.encrypt(), master.macK(), r, rnd).toJson()),
                mapper.readTree(restic(repo, "cat", "masterkey")));
        String keys = restic(repo, "key", "list", "--json");
        assertTrue(keys.contains("\"userName\":\"coffer \\u003c\\u0026\\u003e user\""), keys);
        assertTrue(keys.contains("\"hostName\":\"coffer-host\""), keys);
    }

    /** Runs restic against {@code repo} and returns its stdout; fails on a non-zero exit. */
    private static String restic(Path repo, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("restic", "--no-cache", "-r", repo.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("RESTIC_PASSWORD", PASSWORD);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process proc = pb.start();
        proc.getOutputStream().close();
        byte[] err;
        String out;
        try (var stdout = proc.getInputStream(); var stderr = proc.getErrorStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            err = stderr.readAllBytes();
        }
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "restic timed out");
        assertEquals(0, proc.exitValue(),
                () -> cmd + " failed: " + new String(err, StandardCharsets.UTF_8) + out);
        return out;
    }
}
