package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.dump.ArchiveFormat;
import dev.coffer.agent.dump.DumpPathException;
import dev.coffer.agent.dump.DumpTarget;
import dev.coffer.agent.dump.Dumper;
import dev.coffer.agent.walk.CachedTrees;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dump SNAPSHOT PATH}: writes a file of a snapshot to stdout, or a folder (or "/" for
 * everything) as a tar or zip archive. Refuses to write an archive to a terminal.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Print a backed-up file to stdout")
final class DumpCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot id, id prefix, or 'latest'")
    String snapshot;

    @Parameters(index = "1", paramLabel = "PATH", description = "file or folder inside the snapshot ('/' for all)")
    String path;

    @Option(names = {"-a", "--archive"}, paramLabel = "FORMAT", defaultValue = "tar",
            description = "archive format for folders: tar or zip (default: ${DEFAULT-VALUE})")
    String archive;

    @Mixin
    SnapshotFilter filter;

    DumpCommand(Context ctx) {
        super(ctx);
    }

    /** Turns a failed write to stdout (a closed pipe) into an exception, so the dump stops downloading. */
    private static final class StdoutGuard extends FilterOutputStream {
        private final PrintStream stdout;

        StdoutGuard(PrintStream stdout) {
            super(stdout);
            this.stdout = stdout;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            stdout.write(b, off, len);
            if (stdout.checkError()) {
                throw new IOException("writing to stdout failed (closed pipe?); the dump is incomplete");
            }
        }

        @Override
        public void flush() throws IOException {
            if (stdout.checkError()) {
                throw new IOException("writing to stdout failed (closed pipe?); the dump is incomplete");
            }
        }
    }

    @Override
    Integer execute() throws Exception {
        ArchiveFormat format = ArchiveFormat.parse(archive)
                .orElseThrow(() -> new UsageException("unknown archive format \"" + archive + "\": use tar or zip"));
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        try {
            Snapshot s = SnapshotResolver.resolve(repo, snapshot, filter);
            repo.loadIndex();
            Dumper dumper = new Dumper(new CachedTrees(repo), repo);
            DumpTarget target;
            try {
                target = dumper.resolve(s.file().tree(), path);
            } catch (DumpPathException e) {
                throw new DumpPathException("cannot dump file: " + e.getMessage() + "; see 'coffer ls " + snapshot + "'");
            }
            OutputStream out = new BufferedOutputStream(new StdoutGuard(ctx.out()), 1 << 16);
            if (target instanceof DumpTarget.File f) {
                dumper.writeFile(f.node(), out);
            } else {
                if (ctx.out() == System.out && System.console() != null) {
                    throw new UsageException("stdout is the terminal, please redirect output");
                }
                dumper.writeArchive((DumpTarget.Folder) target, format, out);
            }
            out.flush();
        } finally {
            unlock(lock);
        }
        return ExitCodes.OK;
    }
}
