package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.testing.TestData;
import dev.coffer.repo.testing.TreeCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore reads a pack in runs of neighbouring blobs (at most 4 MiB, or one larger blob) and opens
 * each blob in place: packs of many runs, blobs larger than a run (8 MiB, stored uncompressed),
 * one blob written to several places, and many small files come back byte for byte, with their
 * metadata, sparse or not.
 */
class RestoreRunsTest {
    private static final String PW = "pw";

    @TempDir
    Path tmp;

    @Test
    void packsReadInRunsRestoreByteForByte() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("many"));
        Files.write(src.resolve("random.bin"), TestData.random(7, 9 << 20));
        // zeros have no chunk boundary before the 8 MiB maximum: two identical 8 MiB blobs and a tail
        Files.write(src.resolve("zeros.img"), new byte[(16 << 20) + 12345]);
        Files.write(src.resolve("log.txt"), TestData.text(8, 3 << 20));
        for (int i = 0; i < 300; i++) {
            Files.write(src.resolve("many/f" + i), TestData.random(100 + i, 1 + i * 211));
        }
        Path repo = tmp.resolve("repo");
        Cli coffer = new Cli(tmp, PW);
        coffer.run("-r", repo.toString(), "init").ok();
        coffer.run("-r", repo.toString(), "backup", "--compression", "off", src.toString()).ok();

        for (String sparse : List.of("", "--sparse")) {
            Path out = tmp.resolve("out" + sparse);
            List<String> args = new java.util.ArrayList<>(List.of("-r", repo.toString(), "restore", "latest", "--target", out.toString(), "--verify"));
            if (!sparse.isEmpty()) {
                args.add(sparse);
            }
            Cli.Result r = coffer.run(args.toArray(String[]::new)).ok();
            assertTrue(r.err().isEmpty() || !r.err().contains("damaged"), r.err());
            Path restored = out.resolve(tmp.getRoot().relativize(src));
            assertEquals(List.of(), TreeCompare.diff(src, restored, false), sparse);
        }
    }
}
