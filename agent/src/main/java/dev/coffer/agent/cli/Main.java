package dev.coffer.agent.cli;

import dev.coffer.agent.Version;
import dev.coffer.agent.app.Environment;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.security.SecureRandom;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command line: restic's commands and exit codes. */
@Command(name = "coffer", mixinStandardHelpOptions = true, version = "coffer " + Version.VERSION,
        description = "Backups in restic's repository format, built for Kubernetes sidecars.",
        subcommands = {InitCommand.class, BackupCommand.class, SnapshotsCommand.class, LsCommand.class,
            RestoreCommand.class, CatCommand.class, ListCommand.class, CheckCommand.class, VersionCommand.class,
            KeyCommand.class, UnlockCommand.class, TagCommand.class, DumpCommand.class, FindCommand.class,
            DiffCommand.class, StatsCommand.class, AgentCommand.class, ForgetCommand.class, PruneCommand.class,
            RepairCommand.class, RepairCommand.RebuildIndex.class})
public final class Main implements Runnable {
    private final Context ctx;

    Main(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(ctx.out());
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        ignoreHangup();
        Context ctx = new Context(Environment.current(), Clock.systemDefaultZone(), new SecureRandom(), System.out, System.err);
        int code = run(ctx, args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Stack of the thread commands run on: walking a tree recurses once per directory level, and a
     * path can hold about 2,000 levels (PATH_MAX); reserved address space, committed only as used.
     */
    static final long STACK = 256L << 20;

    /** Runs one command line and returns its exit code (for tests and for {@link #main}). */
    public static int run(Context ctx, String... args) {
        int[] code = {ExitCodes.FAILED};
        Thread t = new Thread(null, () -> code[0] = execute(ctx, args), "coffer", STACK);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                t.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return code[0];
    }

    private static int execute(Context ctx, String... args) {
        CommandLine cl = new CommandLine(new Main(ctx), new Factory(ctx));
        cl.setOut(new java.io.PrintWriter(ctx.out(), true));
        cl.setErr(new java.io.PrintWriter(ctx.err(), true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ctx.err().println("Fatal: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.FAILED;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            ctx.err().println("Fatal: " + oneLine(ex));
            return ExitCodes.of(ex);
        });
        return cl.execute(GlobalArgs.reorder(args, cl.getSubcommands().keySet()));
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            m = n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file or directory");
        } else if (t instanceof java.nio.file.AccessDeniedException a) {
            m = a.getFile() + ": permission denied";
        }
        return m.replace('\n', ' ');
    }

    /**
     * restic probes whether a lock's owner is alive by sending it SIGHUP; by default a JVM would
     * exit on it. Ignore it.
     */
    private static void ignoreHangup() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> { });
        } catch (IllegalArgumentException e) {
            // no SIGHUP on this platform
        }
    }

    /** Creates commands with the shared {@link Context}. */
    private record Factory(Context ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Context.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
