package dev.coffer.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command accepts, with restic's names. */
public final class GlobalOptions {
    @Option(names = {"-r", "--repo"}, paramLabel = "REPOSITORY",
            description = "repository to use (default: $RESTIC_REPOSITORY)")
    String repo;

    @Option(names = {"-p", "--password-file"}, paramLabel = "FILE",
            description = "file to read the repository password from (default: $RESTIC_PASSWORD_FILE)")
    Path passwordFile;

    @Option(names = "--json", description = "print machine-readable JSON instead of text")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "print only errors and the requested data")
    boolean quiet;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "set an extended option, e.g. s3.connections=8 (repeatable)")
    java.util.Map<String, String> options = new java.util.LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"}, description = "print more, including the storage requests sent")
    boolean verbose;

    @Option(names = "--no-lock", description = "do not lock the repository (read-only commands only)")
    boolean noLock;

    @Option(names = "--retry-lock", paramLabel = "DURATION", converter = GoDuration.class, defaultValue = "0s",
            description = "retry to lock the repository for this long if it is locked, e.g. 30s, 5m, 1h30m (default: no retry)")
    java.time.Duration retryLock;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "trust the CA certificates in FILE (PEM) for the S3 or REST server, as -o cacert=FILE does (default: $RESTIC_CACERT)")
    Path cacert;

    @Option(names = "--pack-size", paramLabel = "MiB",
            description = "target size of new pack files in MiB, 4 to 128; packs may be larger (default: $RESTIC_PACK_SIZE, else 16)")
    Long packSize;

    @Option(names = "--no-cache", description = "do not keep snapshot and index files in a local cache")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "cache directory (default: $RESTIC_CACHE_DIR/coffer, $XDG_CACHE_HOME/coffer or ~/.cache/coffer)")
    Path cacheDir;
}
