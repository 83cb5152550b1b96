package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.tag.Retagger;
import dev.coffer.agent.tag.TagEdit;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tag --set|--add|--remove TAG[,TAG] [SNAPSHOT...]}: changes the tags of the snapshots
 * named, or of every snapshot the filters match. Each changed snapshot is written anew (with
 * {@code original} set) and the old file removed, under an exclusive lock.
 */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Modify tags on snapshots")
final class TagCommand extends RepoCommand {
    @Parameters(paramLabel = "SNAPSHOT", arity = "0..*", description = "snapshot ids, prefixes or 'latest' (default: all matching the filters)")
    List<String> snapshots = new ArrayList<>();

    @Option(names = "--set", paramLabel = "TAG[,TAG]", description = "tags which will replace the existing tags (repeatable; --set '' removes all)")
    List<String> set = new ArrayList<>();

    @Option(names = "--add", paramLabel = "TAG[,TAG]", description = "tags which will be added to the existing tags (repeatable)")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "TAG[,TAG]", description = "tags which will be removed from the existing tags (repeatable)")
    List<String> remove = new ArrayList<>();

    @Mixin
    SnapshotFilter filter;

    TagCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        if (set.isEmpty() && add.isEmpty() && remove.isEmpty()) {
            throw new UsageException("nothing to do: give --set, --add or --remove");
        }
        if (!set.isEmpty() && (!add.isEmpty() || !remove.isEmpty())) {
            throw new UsageException("--set and --add/--remove cannot be given at the same time");
        }
        TagEdit edit = new TagEdit(set.isEmpty() ? null : TagEdit.flatten(set), TagEdit.flatten(add), TagEdit.flatten(remove));
        Repository repo = open();
        RepositoryLock lock = null;
        if (!global.noLock) {
            info("create exclusive lock for repository");
            lock = lock(repo, true);
        }
        int changed = 0;
        try {
            Retagger retagger = new Retagger(repo, repo.backend());
            for (Snapshot s : SnapshotSelection.select(repo, snapshots, filter, ctx.err())) {
                if (retagger.retag(s, edit).isPresent()) {
                    changed++;
                }
            }
        } finally {
            unlock(lock);
        }
        info(changed == 0 ? "no snapshots were modified" : "modified tags on " + changed + " snapshots");
        return ExitCodes.OK;
    }
}
