package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.prune.MaxUnused;
import dev.coffer.agent.prune.PruneOptions;
import picocli.CommandLine.Option;

/** restic's prune options, shared by {@code prune} and {@code forget --prune}. */
final class PruneFlags {
    @Option(names = "--max-unused", paramLabel = "LIMIT", defaultValue = "5%",
            description = "tolerate this much unused data: a percentage, a size with suffix k/m/g/t, or 'unlimited' (default: ${DEFAULT-VALUE})")
    String maxUnused;

    @Option(names = "--max-repack-size", paramLabel = "SIZE", description = "repack at most this much data (suffixes k/m/g/t)")
    String maxRepackSize;

    @Option(names = "--repack-cacheable-only", description = "only repack packs which are cacheable (tree packs)")
    boolean repackCacheableOnly;

    @Option(names = "--repack-small", description = "repack pack files below 80%% of the target pack size")
    boolean repackSmall;

    /** The options as the prune engine takes them, for new packs of {@code packSize} bytes; a malformed value is a usage error. */
    PruneOptions toOptions(int packSize) throws UsageException {
        try {
            return new PruneOptions(MaxUnused.parse(maxUnused), PruneOptions.parseMaxRepackSize(maxRepackSize),
                    repackCacheableOnly, repackSmall, packSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
