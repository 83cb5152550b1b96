package dev.coffer.agent.cli;

import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.testing.Restic;
import dev.coffer.repo.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A source folder backed up twice, with changes in between that every read command has to show:
 * changed, removed and added files, a file replaced by a folder, a changed mode, hard links,
 * symlinks, empty files and folders, identical subfolders, names needing JSON escapes and
 * non-ASCII names. Backed up by restic or by coffer; ids are in backup order.
 */
final class TwoSnapshots {
    static final String PW = "read commands";

    final Path src;
    final Path repo;
    final List<String> ids = new ArrayList<>();

    private TwoSnapshots(Path tmp) {
        this.src = tmp.resolve("src");
        this.repo = tmp.resolve("repo");
    }

    /**
     * Creates an empty version-2 repository whose key uses cheap scrypt parameters (valid for
     * restic; every command of these tests opens the repository, and the machine is shared).
     */
    private void init() throws IOException {
        Repository.init(new LocalBackend(repo), PW.toCharArray(), new ScryptParams(1024, 8, 1), new SecureRandom(),
                Clock.systemUTC(), "tester", "testhost");
    }

    /** Backs up with restic: two backups of "src". */
    static TwoSnapshots byRestic(Path tmp) throws Exception {
        TwoSnapshots t = new TwoSnapshots(tmp);
        Restic restic = new Restic(t.repo, PW);
        t.init();
        t.firstVersion();
        restic.run(tmp, "backup", "--tag", "one", "--host", "web", "src").ok();
        t.secondVersion();
        restic.run(tmp, "backup", "--host", "web", "src").ok();
        t.readIds(restic);
        return t;
    }

    /** Backs up with coffer: two backups of the absolute source path. */
    static TwoSnapshots byCoffer(Path tmp) throws Exception {
        TwoSnapshots t = new TwoSnapshots(tmp);
        Cli coffer = new Cli(tmp, PW);
        t.init();
        t.firstVersion();
        coffer.run("-r", t.repo.toString(), "backup", "--tag", "one", "--host", "web", t.src.toString()).ok();
        t.secondVersion();
        coffer.run("-r", t.repo.toString(), "backup", "--host", "web", t.src.toString()).ok();
        t.readIds(new Restic(t.repo, PW));
        return t;
    }

    private void readIds(Restic restic) throws Exception {
        var arr = new com.fasterxml.jackson.databind.ObjectMapper().readTree(restic.run("snapshots", "--json").ok().out());
        List<com.fasterxml.jackson.databind.JsonNode> list = new ArrayList<>();
        arr.forEach(list::add);
        list.sort(Comparator.comparing(n -> n.get("time").asText()));
        list.forEach(n -> ids.add(n.get("id").asText()));
    }

    private void firstVersion() throws IOException {
        Files.createDirectories(src.resolve("docs/deep"));
        Files.createDirectories(src.resolve("empty-dir"));
        Files.createDirectories(src.resolve("dup1/x"));
        Files.createDirectories(src.resolve("dup2/x"));
        Files.write(src.resolve("big.bin"), TestData.random(1, 3 << 20));
        write("docs/a.txt", "hello\n");
        write("docs/deep/b.log", "deep log\n");
        write("docs/will-go.txt", "removed later\n");
        write("becomes-dir", "a file first\n");
        write("a<b>&c \"q\".txt", "odd name\n");
        write("ünï-✓.txt", "unicode\n");
        write("empty", "");
        for (String d : List.of("dup1", "dup2")) {
            write(d + "/x/same.txt", "identical content\n");
            write(d + "/one.txt", "one\n");
        }
        Files.createLink(src.resolve("docs/hard-a.txt"), src.resolve("docs/a.txt"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("docs/a.txt"));
        Path run = write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(src.resolve("docs/deep/b.log"), FileTime.from(Instant.parse("2021-03-04T05:06:07.6Z")));
    }

    private void secondVersion() throws IOException {
        write("docs/a.txt", "hello again\n");
        Files.delete(src.resolve("docs/will-go.txt"));
        Files.delete(src.resolve("becomes-dir"));
        Files.createDirectories(src.resolve("becomes-dir"));
        write("becomes-dir/inside.txt", "now a folder\n");
        Files.createDirectories(src.resolve("new-dir/sub"));
        write("new-dir/sub/n.txt", "new\n");
        Files.setPosixFilePermissions(src.resolve("run.sh"), PosixFilePermissions.fromString("rwx------"));
    }

    private Path write(String rel, String content) throws IOException {
        return Files.write(src.resolve(rel), content.getBytes(StandardCharsets.UTF_8));
    }
}
