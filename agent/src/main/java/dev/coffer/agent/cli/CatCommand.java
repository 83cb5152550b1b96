package dev.coffer.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.repository.Repository;
import java.util.Map;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cat config}: prints repository structures in JSON. */
@Command(name = "cat", description = "Print internal objects to stdout")
final class CatCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "TYPE", description = "what to print: config")
    String type;

    CatCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        if (!type.equals("config")) {
            throw new UsageException("cat " + type + " is not supported; supported: config");
        }
        Repository repo = open();
        byte[] sealed = repo.backend().load(FileHandle.config());
        byte[] plain = repo.key().open(sealed, 0, sealed.length);
        Map<?, ?> m = new ObjectMapper().readValue(plain, LinkedHashMap.class);
        ctx.out().println(Json.pretty(m).replace("\" : ", "\": "));
        return ExitCodes.OK;
    }
}
