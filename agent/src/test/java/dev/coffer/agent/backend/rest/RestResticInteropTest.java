package dev.coffer.agent.backend.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.agent.backend.ExternalTools;
import dev.coffer.agent.backend.RepositoryLocation;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.backend.FileInfo;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real restic writes through {@code rclone serve restic}; RestBackend reads it all back. */
@Tag("slow")
class RestResticInteropTest {

    @Test
    void readsWhatResticWrote(@TempDir Path tmp) throws Exception {
        ExternalTools.require("restic");
        try (RcloneRestServer server = RcloneRestServer.start(tmp.resolve("served"), "u", "p")) {
            String repo = "rest:" + server.url("u:p@", "interop/");
            Path src = Files.createDirectories(tmp.resolve("src"));
            for (int i = 0; i < 4; i++) {
                Files.writeString(src.resolve("f" + i), ("line " + i + "\n").repeat(5000), StandardCharsets.UTF_8);
            }
            ExternalTools.restic(Map.of(), tmp, "-r", repo, "init");
            ExternalTools.restic(Map.of(), tmp, "-r", repo, "backup", src.toString());

            try (RestBackend b = RestBackend.open((RepositoryLocation.Rest) RepositoryLocation.parse(repo), Map.of())) {
                assertTrue(b.exists());
                assertTrue(b.load(FileHandle.config()).length > 32);
                List<FileInfo> keys = list(b, FileType.KEY);
                assertEquals(1, keys.size());
                byte[] key = b.load(new FileHandle(FileType.KEY, keys.get(0).name()));
                assertEquals(keys.get(0).name(), Id.hash(key).hex());
                assertEquals(1, list(b, FileType.SNAPSHOT).size());
                assertFalse(list(b, FileType.INDEX).isEmpty());
                List<FileInfo> packs = list(b, FileType.PACK);
                assertFalse(packs.isEmpty());
                for (FileInfo pack : packs) {
                    FileHandle h = new FileHandle(FileType.PACK, pack.name());
                    byte[] bytes = b.load(h);
                    assertEquals(pack.size(), bytes.length);
                    assertEquals(pack.name(), Id.hash(bytes).hex());
                    assertEquals(pack.size(), b.stat(h).size());
                    byte[] middle = b.load(h, 10, 20);
                    assertEquals(Arrays.toString(Arrays.copyOfRange(bytes, 10, 30)), Arrays.toString(middle));
                    assertTrue(Files.exists(server.root().resolve("interop/data")
                            .resolve(pack.name().substring(0, 2)).resolve(pack.name())),
                            "the server shards packs on disk, not in URLs");
                }
            }
            ExternalTools.restic(Map.of(), tmp, "-r", repo, "check");
        }
    }

    private static List<FileInfo> list(RestBackend b, FileType type) throws Exception {
        List<FileInfo> out = new ArrayList<>();
        b.list(type, out::add);
        return out;
    }
}
