package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A no-change backup of 100,000 small files reads no file content. */
@Tag("slow")
class NoChangeBackupTest {
    @TempDir
    Path tmp;

    @Test
    void hundredThousandUnchangedFilesAreNotRead() throws Exception {
        Path src = tmp.resolve("small");
        byte[] content = new byte[64];
        for (int d = 0; d < 1000; d++) {
            Path dir = Files.createDirectories(src.resolve("d" + d));
            for (int f = 0; f < 100; f++) {
                content[0] = (byte) d;
                content[1] = (byte) f;
                Files.write(dir.resolve("f" + f), content);
            }
        }
        Path repo = tmp.resolve("repo");
        Cli coffer = new Cli(tmp, "pw");
        coffer.run("-r", repo.toString(), "init").ok();
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(last(coffer.run("-r", repo.toString(), "backup", "--json", src.toString()).ok().out()));
        assertEquals(100_000, first.get("files_new").asLong());
        JsonNode second = json.readTree(last(coffer.run("-r", repo.toString(), "backup", "--json", src.toString()).ok().out()));
        assertEquals(100_000, second.get("files_unmodified").asLong());
        assertEquals(0, second.get("files_new").asLong() + second.get("files_changed").asLong(), "files read");
        assertEquals(0, second.get("data_blobs").asLong());
    }

    private static String last(String out) {
        return out.strip().lines().reduce((a, b) -> b).orElseThrow();
    }
}
