package dev.coffer.agent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * restic accepts global flags before the command name ({@code restic -r repo snapshots}); picocli
 * wants a subcommand's options after it. This moves global flags that precede the command name to
 * just after it.
 */
final class GlobalArgs {
    private static final Set<String> WITH_VALUE = Set.of("-r", "--repo", "-p", "--password-file", "-o", "--option",
            "--retry-lock", "--cache-dir", "--cacert", "--pack-size");
    private static final Set<String> FLAGS = Set.of("--json", "-q", "--quiet", "--no-lock", "-v", "--verbose",
            "--no-cache");

    private GlobalArgs() {
    }

    static String[] reorder(String[] args, Set<String> commands) {
        List<String> globals = new ArrayList<>();
        int i = 0;
        while (i < args.length && !commands.contains(args[i])) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (WITH_VALUE.contains(name)) {
                globals.add(a);
                if (!a.contains("=") && i + 1 < args.length) {
                    globals.add(args[++i]);
                }
            } else if (FLAGS.contains(a)) {
                globals.add(a);
            } else {
                return args;
            }
            i++;
        }
        if (i == args.length || globals.isEmpty()) {
            return args;
        }
        List<String> out = new ArrayList<>();
        out.add(args[i]);
        out.addAll(globals);
        for (int j = i + 1; j < args.length; j++) {
            out.add(args[j]);
        }
        return out.toArray(String[]::new);
    }
}
