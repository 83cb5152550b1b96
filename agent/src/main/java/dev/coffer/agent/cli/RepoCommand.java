package dev.coffer.agent.cli;

import dev.coffer.agent.app.Backends;
import dev.coffer.agent.app.LockRefresh;
import dev.coffer.agent.app.Password;
import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.lock.LockOwner;
import dev.coffer.repo.lock.LockPolicy;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.PackSize;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Base of commands that work on a repository: opening it, locking it, printing. */
abstract class RepoCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    final Context ctx;

    RepoCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public final Integer call() throws Exception {
        Integer code = execute();
        if (global.verbose && requests() != null) {
            ctx.err().println(requests().summary());
        }
        return code;
    }

    /** The command's work; returns the exit code. */
    abstract Integer execute() throws Exception;

    String location() {
        return global.repo != null ? global.repo : ctx.env().get("RESTIC_REPOSITORY");
    }

    private Backends.Stack stack;

    /** The backend stack, built once per command. */
    Backend backend() throws IOException {
        if (stack == null) {
            java.nio.file.Path cache = global.noCache || !usesCache() ? null
                    : global.cacheDir != null ? ctx.env().cwd().resolve(global.cacheDir)
                    : Backends.defaultCacheBase(ctx.env());
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>(global.options);
            if (global.cacert != null) {
                options.put("cacert", ctx.env().cwd().resolve(global.cacert).toString());
            }
            stack = Backends.open(location(), options, ctx.env(), cache);
        }
        return stack.backend();
    }

    /**
     * Whether this command may read snapshot and index files from the local cache; a command that
     * verifies the repository's files must read them from the storage itself.
     */
    boolean usesCache() {
        return true;
    }

    /** Requests sent so far, or null if no backend was opened. */
    dev.coffer.repo.backend.RequestCounts requests() {
        return stack == null ? null : stack.counter().snapshot();
    }

    /** The target pack size in bytes: {@code --pack-size}, else RESTIC_PACK_SIZE, else 16 MiB. */
    int packSize() throws UsageException {
        try {
            return global.packSize != null ? PackSize.ofMiB(global.packSize) : PackSize.parse(ctx.env().get("RESTIC_PACK_SIZE"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ": set --pack-size or RESTIC_PACK_SIZE to a number of MiB from "
                    + PackSize.MIN_MIB + " to " + PackSize.MAX_MIB);
        }
    }

    char[] password() throws IOException {
        return ctx.passwords().read(ctx.env(), global.passwordFile);
    }

    /** Opens the repository; a bad --pack-size or RESTIC_PACK_SIZE fails every command first, as in restic. */
    Repository open() throws IOException {
        packSize();
        Backend backend = backend();
        char[] pw = password();
        try {
            return Repository.open(backend, pw, ctx.random());
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** Takes a lock unless --no-lock was given for a command that allows it. */
    RepositoryLock lock(Repository repo, boolean exclusive) throws IOException {
        if (global.noLock && !exclusive) {
            return null;
        }
        LockOwner owner = new LockOwner(ctx.env().hostname(), ctx.env().username(), ctx.env().pid(),
                Math.max(0, ctx.env().uid()), Math.max(0, ctx.env().gid()));
        return RepositoryLock.acquire(repo, exclusive, owner,
                LockRefresh.policy(ctx.env(), ctx.clock(), LockPolicy::running), global.retryLock);
    }

    static void unlock(RepositoryLock lock) throws IOException {
        if (lock != null) {
            lock.close();
        }
    }

    /** Prints a progress or status line unless --quiet or --json. */
    void info(String line) {
        if (!global.quiet && !global.json) {
            ctx.out().println(line);
        }
    }
}
