package dev.coffer.agent.backend.s3;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real restic writes a repository to S3; S3Backend finds and reads every part of it. */
@Tag("slow")
class S3ResticInteropTest {

    @Test
    void readsWhatResticWrote(@TempDir Path tmp) throws Exception {
        ExternalTools.require("restic");
        try (S3ProxyServer server = S3ProxyServer.start()) {
            String repo = "s3:" + server.endpoint() + "/interop/some/prefix";
            Path src = Files.createDirectories(tmp.resolve("src"));
            for (int i = 0; i < 5; i++) {
                Files.writeString(src.resolve("file" + i + ".txt"), ("hello " + i + "\n").repeat(1000 * (i + 1)),
                        StandardCharsets.UTF_8);
            }
            ExternalTools.restic(server.env(), tmp, "-r", repo, "init");
            ExternalTools.restic(server.env(), tmp, "-r", repo, "backup", src.toString());

            RepositoryLocation.S3 loc = (RepositoryLocation.S3) RepositoryLocation.parse(repo);
            try (S3Backend backend = S3Backend.open(loc, Map.of(), server.env())) {
                assertTrue(backend.exists());
                byte[] config = backend.load(FileHandle.config());
                assertTrue(config.length > 32, "config is IV + ciphertext + MAC");

                List<FileInfo> keys = list(backend, FileType.KEY);
                assertEquals(1, keys.size());
                byte[] key = backend.load(new FileHandle(FileType.KEY, keys.get(0).name()));
                assertEquals(keys.get(0).name(), Id.hash(key).hex(), "a key file is named by its hash");
                assertTrue(new String(key, StandardCharsets.UTF_8).contains("\"kdf\":\"scrypt\""));

                assertEquals(1, list(backend, FileType.SNAPSHOT).size());
                assertFalse(list(backend, FileType.INDEX).isEmpty());
                List<FileInfo> packs = list(backend, FileType.PACK);
                assertFalse(packs.isEmpty());
                for (FileInfo pack : packs) {
                    FileHandle h = new FileHandle(FileType.PACK, pack.name());
                    byte[] bytes = backend.load(h);
                    assertEquals(pack.size(), bytes.length);
                    assertEquals(pack.name(), Id.hash(bytes).hex(), "pack bytes hash to the pack's name");
                    byte[] tail = backend.load(h, bytes.length - 4, 4);
                    assertEquals(4, tail.length, "the header length field at the end of the pack");
                    String expectedKey = "some/prefix/data/" + pack.name().substring(0, 2) + "/" + pack.name();
                    backend.client().headObject(r -> r.bucket("interop").key(expectedKey));
                }
            }
            // and restic still agrees with itself after we read
            ExternalTools.restic(server.env(), tmp, "-r", repo, "check");
        }
    }

    private static List<FileInfo> list(S3Backend b, FileType type) throws Exception {
        List<FileInfo> out = new ArrayList<>();
        b.list(type, out::add);
        return out;
    }
}
