package dev.coffer.agent.cli;

import dev.coffer.repo.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * A source folder that changes from one backup to the next like a small server's data: a new
 * random file each generation (files older than two generations deleted), a log that grows (its
 * old chunks stay in use), and a few small config files rewritten, so that forgetting old
 * snapshots leaves packs fully unused and packs partly used.
 */
final class Generations {
    private Generations() {
    }

    /** Brings {@code src} to generation {@code g} (call with 0, 1, 2, ...). */
    static void write(Path src, int g, int randomKiB) throws IOException {
        Files.createDirectories(src.resolve("conf"));
        Files.write(src.resolve("blob-" + g + ".bin"), TestData.random(1000 + g, randomKiB << 10));
        Files.deleteIfExists(src.resolve("blob-" + (g - 2) + ".bin"));
        Files.write(src.resolve("app.log"), TestData.text(77, (g + 2) * 200 * 1024));
        for (int i = 0; i < 4; i++) {
            Files.writeString(src.resolve("conf/setting-" + i), "generation " + g + " value " + (g * 31 + i) + "\n");
        }
        Instant t = Instant.parse("2024-05-01T10:00:00Z").plusSeconds(3600L * g);
        try (var files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.setLastModifiedTime(p, FileTime.from(t));
                }
            }
        }
    }
}
