package dev.coffer.agent.cli;

import dev.coffer.agent.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code version}: prints the program and runtime versions. */
@Command(name = "version", description = "Print version information")
final class VersionCommand implements Callable<Integer> {
    private final Context ctx;

    VersionCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().println("coffer " + Version.VERSION + " (restic repository format 2) on Java "
                + System.getProperty("java.version") + " " + System.getProperty("os.name").toLowerCase() + "/"
                + System.getProperty("os.arch"));
        return ExitCodes.OK;
    }
}
