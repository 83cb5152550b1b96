package dev.coffer.agent.cli;

import dev.coffer.agent.keys.KeyManager;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.file.SnapshotFile;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A small repository with cheap keys and one coffer backup, for error-path tests. */
final class SmallRepo {
    static final String PW = "small";
    static final ScryptParams FAST = new ScryptParams(1024, 8, 1);

    final Path repo;
    final Cli cli;

    SmallRepo(Path tmp) throws Exception {
        repo = tmp.resolve("repo");
        Repository.init(new LocalBackend(repo), PW.toCharArray(), FAST, new SecureRandom(), Clock.systemUTC(), "tester", "testhost");
        Path src = Files.createDirectories(tmp.resolve("src/dir"));
        Files.writeString(src.resolve("file.txt"), "content\n");
        Files.createSymbolicLink(src.resolve("link"), Path.of("file.txt"));
        cli = new Cli(tmp, PW);
        run("backup", tmp.resolve("src").toString()).ok();
    }

    Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-r";
        all[1] = repo.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(all);
    }

    Repository open() throws Exception {
        return Repository.open(new LocalBackend(repo), PW.toCharArray(), new SecureRandom());
    }

    /** Saves copies of the latest snapshot until two snapshot ids share their first hex digit; returns it. */
    String ambiguousSnapshotPrefix() throws Exception {
        Repository r = open();
        SnapshotFile s = r.listSnapshots().get(0).file();
        Map<Character, Integer> seen = new HashMap<>();
        for (Id existing : r.list(dev.coffer.repo.model.FileType.SNAPSHOT)) {
            seen.merge(existing.hex().charAt(0), 1, Integer::sum);
        }
        for (int i = 1; ; i++) {
            for (Map.Entry<Character, Integer> e : seen.entrySet()) {
                if (e.getValue() > 1) {
                    return String.valueOf(e.getKey());
                }
            }
            SnapshotFile copy = new SnapshotFile(s.time().plusSeconds(i), s.parent(), s.tree(), s.paths(), s.hostname(),
                    s.username(), s.uid(), s.gid(), s.excludes(), s.tags(), null, s.programVersion(), s.summary());
            seen.merge(r.saveSnapshot(copy).hex().charAt(0), 1, Integer::sum);
        }
    }

    /** Adds keys for another password until two key ids share their first hex digit; returns it. */
    String ambiguousKeyPrefix() throws Exception {
        Repository r = open();
        KeyManager keys = new KeyManager(r.backend(), r.key(), r.keyId(), FAST, new SecureRandom(), Clock.systemUTC());
        Map<Character, Integer> seen = new HashMap<>();
        seen.merge(r.keyId().hex().charAt(0), 1, Integer::sum);
        while (true) {
            for (Map.Entry<Character, Integer> e : seen.entrySet()) {
                if (e.getValue() > 1) {
                    return String.valueOf(e.getKey());
                }
            }
            Id id = keys.add("other".toCharArray(), "u", "h").id();
            seen.merge(id.hex().charAt(0), 1, Integer::sum);
        }
    }
}
