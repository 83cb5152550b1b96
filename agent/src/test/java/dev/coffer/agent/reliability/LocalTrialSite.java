package dev.coffer.agent.reliability;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.backend.LocalBackend;
import dev.coffer.repo.testing.Restic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Crash-trial repositories in folders below {@code tmp}; a trial's copy of the base is made of hard links. */
record LocalTrialSite(Path tmp) implements TrialSite {
    @Override
    public Repo base() {
        return new Folder(tmp.resolve("base"), tmp);
    }

    @Override
    public Repo copyOfBase(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Damage.linkCopy(tmp.resolve("base"), dir);
        return new Folder(dir, tmp);
    }

    /** A repository folder. */
    record Folder(Path dir, Path cwd) implements Repo {
        @Override
        public Coffer coffer() {
            return new Coffer(dir, cwd);
        }

        @Override
        public Restic restic() {
            return new Restic(dir, Coffer.PASSWORD);
        }

        @Override
        public boolean locked() throws IOException {
            try (Stream<Path> s = Files.list(dir.resolve("locks"))) {
                return s.findAny().isPresent();
            }
        }

        @Override
        public Backend backend() throws IOException {
            return new LocalBackend(dir);
        }

        @Override
        public void discard() throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
