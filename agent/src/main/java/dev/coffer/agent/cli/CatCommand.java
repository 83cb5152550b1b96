package dev.coffer.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.agent.app.UsageException;
import dev.coffer.repo.backend.FileHandle;
import dev.coffer.repo.crypto.KeyFile;
import dev.coffer.repo.file.GoJsonWriter;
import dev.coffer.repo.file.LockFile;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.CorruptDataException;
import dev.coffer.repo.model.FileType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.repository.Repository;
import dev.coffer.repo.repository.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cat TYPE [ID]}: prints a repository object as restic does. JSON objects (config,
 * masterkey, key, snapshot, lock) come as Go's {@code MarshalIndent} with two spaces; an index as
 * stored; a blob, a tree ({@code SNAPSHOT[:subfolder]}) and a pack as raw bytes. IDs are full
 * 64-character ids, except for snapshots (a unique prefix or "latest" will do).
 */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Print internal objects to stdout")
final class CatCommand extends RepoCommand {
    static final List<String> TYPES = List.of("config", "masterkey", "index", "snapshot", "key", "lock", "pack", "blob", "tree");

    @Parameters(index = "0", paramLabel = "TYPE", description = "config, masterkey, index, snapshot, key, lock, pack, blob or tree")
    String type;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "the object's id (tree: SNAPSHOT[:subfolder])")
    String id;

    private final SnapshotFilter filter = new SnapshotFilter();

    CatCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        if (!TYPES.contains(type)) {
            throw new UsageException("cat " + type + " is not supported; use one of " + String.join(", ", TYPES));
        }
        boolean needsId = !type.equals("config") && !type.equals("masterkey");
        if (needsId && id == null) {
            throw new UsageException("cat " + type + " needs an ID");
        }
        Repository repo = open();
        RepositoryLock lock = lock(repo, false);
        try {
            switch (type) {
                case "config" -> printJson(repo.config().encode());
                case "masterkey" -> printJson(clampedMasterKey(repo.key().toJson()));
                case "index" -> {
                    ctx.out().write(repo.loadUnpacked(FileType.INDEX, fullId()));
                    ctx.out().println();
                }
                case "snapshot" -> printJson(SnapshotResolver.resolve(repo, id, filter).file().encode());
                case "key" -> printJson(KeyFile.parse(repo.backend().load(FileHandle.of(FileType.KEY, fullId()))).toJson());
                case "lock" -> printJson(LockFile.decode(repo.loadUnpacked(FileType.LOCK, fullId())).encode());
                case "pack" -> pack(repo);
                case "blob" -> blob(repo);
                default -> tree(repo);
            }
        } finally {
            unlock(lock);
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    private Id fullId() throws UsageException {
        if (!Id.isId(id)) {
            throw new UsageException("cat " + type + " needs a full 64-character id, not '" + id + "'");
        }
        return Id.parse(id.toLowerCase(java.util.Locale.ROOT));
    }

    private void printJson(byte[] compact) {
        ctx.out().println(new String(JsonIndent.indent(compact), StandardCharsets.UTF_8));
    }

    /**
     * The master key JSON with Poly1305's {@code r} clamped, as restic prints it: restic clamps
     * {@code r} in memory the first time it uses the key.
     */
    static byte[] clampedMasterKey(byte[] json) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json);
        byte[] r = Base64.getDecoder().decode(n.get("mac").get("r").asText());
        for (int i = 3; i < 16; i += 4) {
            r[i] &= 0x0f;
        }
        for (int i = 4; i < 16; i += 4) {
            r[i] &= (byte) 0xfc;
        }
        GoJsonWriter w = new GoJsonWriter();
        w.beginObject().name("mac").beginObject().name("k").value(n.get("mac").get("k").asText()).name("r").base64(r)
                .endObject().name("encrypt").value(n.get("encrypt").asText()).endObject();
        Arrays.fill(r, (byte) 0);
        return w.toByteArray();
    }

    private void pack(Repository repo) throws IOException {
        Id want = fullId();
        byte[] data = repo.backend().load(FileHandle.of(FileType.PACK, want));
        Id got = Id.hash(data);
        if (!got.equals(want)) {
            ctx.err().println("Warning: hash of data does not match ID, want " + want + ", got " + got);
        }
        ctx.out().write(data);
    }

    private void blob(Repository repo) throws IOException {
        Id blob = fullId();
        repo.loadIndex();
        for (BlobType t : List.of(BlobType.DATA, BlobType.TREE)) {
            BlobHandle h = new BlobHandle(blob, t);
            if (repo.index().has(h)) {
                ctx.out().write(repo.loadBlob(h));
                return;
            }
        }
        throw new CorruptDataException("blob " + blob + " is not in the index; check the id (a data or tree blob id, 64 characters)");
    }

    private void tree(Repository repo) throws IOException {
        int colon = id.indexOf(':');
        String name = colon < 0 ? id : id.substring(0, colon);
        String sub = colon < 0 ? "" : id.substring(colon + 1);
        Snapshot s = SnapshotResolver.resolve(repo, name, filter);
        repo.loadIndex();
        Id tree = SubtreeResolver.resolve(repo, s.file().tree(), sub);
        ctx.out().write(repo.loadBlob(new BlobHandle(tree, BlobType.TREE)));
    }
}
