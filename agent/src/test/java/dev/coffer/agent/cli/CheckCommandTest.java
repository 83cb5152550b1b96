package dev.coffer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check agrees with restic check, and --read-data names the damaged pack and the snapshots that need it. */
@org.junit.jupiter.api.Tag("slow")
class CheckCommandTest {
    private static final String PW = "pw";

    @TempDir
    Path tmp;
    Path repo;
    Cli coffer;
    String snapshot;

    @BeforeEach
    void backup() throws Exception {
        repo = tmp.resolve("repo");
        Path src = tmp.resolve("src");
        TestData.mixed(src, 6, 3);
        coffer = new Cli(tmp, PW);
        coffer.run("-r", repo.toString(), "init").ok();
        coffer.run("-r", repo.toString(), "backup", src.toString()).ok();
        snapshot = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(coffer.run("-r", repo.toString(), "snapshots", "--json").ok().out()).get(0).get("short_id").asText();
    }

    private List<Path> packs() throws Exception {
        try (Stream<Path> s = Files.walk(repo.resolve("data"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void cleanRepositoryPassesBothChecks() throws Exception {
        assertTrue(coffer.run("-r", repo.toString(), "check").ok().out().contains("no errors were found"));
        assertTrue(coffer.run("-r", repo.toString(), "check", "--read-data").ok().out().contains("no errors were found"));
        assertTrue(coffer.run("-r", repo.toString(), "check", "--read-data-subset", "1/3").ok().out().contains("no errors were found"));
        assertTrue(coffer.run("-r", repo.toString(), "check", "--read-data-subset", "50%").ok().out().contains("no errors were found"));
        assertTrue(coffer.run("-r", repo.toString(), "check", "--read-data-subset", "1M").ok().out().contains("no errors were found"));
        assertEquals(0, new Restic(repo, PW).run("check", "--read-data").exit());
    }

    @Test
    void flippedByteInAnyPackIsFoundAndNamed() throws Exception {
        for (Path pack : packs()) {
            byte[] original = Files.readAllBytes(pack);
            byte[] bad = original.clone();
            bad[bad.length / 3] ^= 0x40;
            Files.setPosixFilePermissions(pack, PosixFilePermissions.fromString("rw-------"));
            Files.write(pack, bad);
            Cli.Result r = coffer.run("-r", repo.toString(), "check", "--read-data");
            assertEquals(1, r.exit(), pack.toString());
            assertTrue(r.err().contains(pack.getFileName().toString()), r.err());
            assertTrue(r.err().contains("snapshots affected: " + snapshot), r.err());
            assertEquals(1, new Restic(repo, PW).run("check", "--read-data").exit(), "restic agrees the repository is damaged");
            Files.write(pack, original);
        }
        assertEquals(0, coffer.run("-r", repo.toString(), "check", "--read-data").exit());
    }

    @Test
    void missingPackIsAStructureErrorAsInRestic() throws Exception {
        Path pack = packs().get(0);
        Files.delete(pack);
        Cli.Result r = coffer.run("-r", repo.toString(), "check");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(pack.getFileName().toString()) && r.err().contains("missing"), r.err());
        assertEquals(1, new Restic(repo, PW).run("check").exit());
    }

    @Test
    void badSubsetIsAUsageError() {
        Cli.Result r = coffer.run("-r", repo.toString(), "check", "--read-data-subset", "7/3");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("invalid --read-data-subset"), r.err());
    }
}
