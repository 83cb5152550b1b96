package dev.coffer.agent.cli;

import dev.coffer.repo.backend.Backend;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.repository.Repository;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code init}: creates a version-2 repository. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Initialize a new repository")
final class InitCommand extends RepoCommand {
    InitCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        Backend backend = backend();
        char[] pw = password();
        Repository repo;
        try {
            repo = Repository.init(backend, pw, ScryptParams.DEFAULT, ctx.random(), ctx.clock(),
                    ctx.env().username(), ctx.env().hostname());
        } finally {
            Arrays.fill(pw, '\0');
        }
        String id = repo.config().id();
        if (global.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message_type", "initialized");
            m.put("id", id);
            m.put("repository", backend.location());
            ctx.out().println(Json.write(m));
        } else if (!global.quiet) {
            ctx.out().println("created restic repository " + id.substring(0, 10) + " at " + backend.location());
            ctx.out().println();
            ctx.out().println("Please note that knowledge of your password is required to access");
            ctx.out().println("the repository. Losing your password means that your data is");
            ctx.out().println("irrecoverably lost.");
        }
        return ExitCodes.OK;
    }
}
