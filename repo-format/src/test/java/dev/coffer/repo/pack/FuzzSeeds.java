package dev.coffer.repo.pack;

import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.CryptoKey;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the seed corpora of repo-format's fuzz tests into {@code src/test/resources}, from real
 * files: a small repository that restic 0.14 makes here (packs, index, trees, snapshots, key,
 * config) and the golden files restic made ({@code golden/}). Run explicitly, from repo-format:
 * {@code mvn -o test -Dtest=FuzzSeeds -Dcoffer.regenerateFuzzSeeds=true}; commit the output.
 * Findings the fuzzer made (a crash input, kept as a regression seed) live beside them as
 * {@code finding-*} files and are left alone.
 */
@EnabledIfSystemProperty(named = "coffer.regenerateFuzzSeeds", matches = "true")
class FuzzSeeds {
    private static final Path RESOURCES = Path.of("src/test/resources/dev/coffer/repo");
    private static final String PASSWORD = "fuzz-seeds";

    @Test
    void regenerate(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("hello.txt"), "hello, world\n");
        Files.writeString(src.resolve("sub/numbers.txt"), "0123456789\n".repeat(200));
        Files.write(src.resolve("sub/random.bin"), random(3000));
        Files.createSymbolicLink(src.resolve("link"), Path.of("hello.txt"));
        Path repoDir = tmp.resolve("repo");
        Restic restic = new Restic(repoDir, PASSWORD);
        restic.run("init").ok();
        restic.run(src, "backup", ".", "--tag", "seed", "--host", "fuzz").ok();
        Files.writeString(src.resolve("hello.txt"), "hello again\n");
        restic.run(src, "backup", ".", "--tag", "seed,second", "--host", "fuzz").ok();

        Repository repo = Repository.open(new LocalBackend(repoDir), PASSWORD.toCharArray(), new SecureRandom());
        CryptoKey fixed = FuzzKey.create();
        for (Id pack : repo.list(FileType.PACK)) {
            byte[] raw = repo.backend().load(dev.coffer.repo.backend.FileHandle.of(FileType.PACK, pack));
            int hdrLen = PackReader.readIntLE(raw, raw.length - 4);
            int start = raw.length - 4 - hdrLen;
            byte[] header = repo.key().open(raw, start, hdrLen);
            byte[] blobs = Arrays.copyOf(raw, start);
            String name = pack.toString().substring(0, 16);
            write("pack/PackHeaderFuzzTestInputs/parseHeader/" + name, le32(start), header);
            byte[] sealed = fixed.seal(header);
            write("pack/PackFileFuzzTestInputs/readPack/sealed-" + name, new byte[] {0}, blobs, sealed, le32(sealed.length));
            write("pack/PackFileFuzzTestInputs/readPack/plain-" + name, new byte[] {1}, blobs, header, le32(header.length));
        }
        for (Id id : repo.list(FileType.INDEX)) {
            write("file/IndexFileFuzzTestInputs/decode/restic-" + id.toString().substring(0, 16),
                    repo.loadUnpacked(FileType.INDEX, id));
        }
        for (Id id : repo.list(FileType.SNAPSHOT)) {
            write("file/SnapshotFileFuzzTestInputs/decode/restic-" + id.toString().substring(0, 16),
                    repo.loadUnpacked(FileType.SNAPSHOT, id));
        }
        repo.loadIndex();
        for (Id id : treeIds(restic)) {
            write("file/TreeFuzzTestInputs/decode/restic-" + id.toString().substring(0, 16),
                    repo.loadBlob(new dev.coffer.repo.model.BlobHandle(id, dev.coffer.repo.model.BlobType.TREE)));
        }
        write("file/ConfigLockFuzzTestInputs/decode/lock", new LockFile(
                OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123456789, ZoneOffset.ofHoursMinutes(5, 30)),
                true, "fuzz-host", "fuzz", 4242, 1000, 1000).encode());
        for (Id id : repo.list(FileType.KEY)) {
            write("crypto/KeyFileFuzzTestInputs/parse/restic-key", repo.backend().load(
                    dev.coffer.repo.backend.FileHandle.of(FileType.KEY, id)));
        }
        for (String golden : List.of("index-1.json", "index-2.json")) {
            write("file/IndexFileFuzzTestInputs/decode/golden-" + golden, golden("file/" + golden));
        }
        for (String golden : List.of("snapshot1.pretty.json", "snapshot2.pretty.json")) {
            write("file/SnapshotFileFuzzTestInputs/decode/golden-" + golden, golden("file/" + golden));
        }
        String list = new String(golden("file/trees.list"), StandardCharsets.US_ASCII);
        for (String id : list.split("\n")) {
            if (!id.isBlank()) {
                write("file/TreeFuzzTestInputs/decode/golden-" + id.substring(0, 16), golden("file/trees/" + id));
            }
        }
        for (String kind : List.of("ascii", "umlaut", "long")) {
            write("crypto/KeyFileFuzzTestInputs/parse/golden-masterkey-" + kind, golden("crypto/" + kind + "/masterkey.json"));
            write("file/ConfigLockFuzzTestInputs/decode/golden-config-" + kind, golden("crypto/" + kind + "/config.json"));
        }
    }

    /** The tree ids of every snapshot, as restic lists them. */
    private static List<Id> treeIds(Restic restic) throws Exception {
        List<Id> ids = new ArrayList<>();
        for (String line : restic.run("list", "blobs").ok().out().split("\n")) {
            if (line.startsWith("tree ")) {
                ids.add(Id.parse(line.substring(5).trim()));
            }
        }
        return ids;
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = FuzzSeeds.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden file missing: " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        Path file = RESOURCES.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(42).nextBytes(b);
        return b;
    }
}
