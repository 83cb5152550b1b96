package dev.coffer.agent.cli;

import dev.coffer.agent.app.UsageException;
import dev.coffer.agent.keys.KeyInfo;
import dev.coffer.agent.keys.KeyManager;
import dev.coffer.repo.crypto.ScryptParams;
import dev.coffer.repo.file.GoJsonWriter;
import dev.coffer.repo.lock.RepositoryLock;
import dev.coffer.repo.repository.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code key list|add|remove ID|passwd}: manages the repository's keys (passwords) as restic 0.14
 * does. New passwords come from {@code --new-password-file} or a prompt on the terminal.
 */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Manage keys (passwords)")
final class KeyCommand extends RepoCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(paramLabel = "list|add|remove|passwd [ID]", arity = "0..2", description = "what to do, and the key to remove")
    List<String> args = new ArrayList<>();

    @Option(names = "--new-password-file", paramLabel = "FILE", description = "file from which to read the new password")
    Path newPasswordFile;

    @Option(names = "--user", paramLabel = "USER", description = "the username for new keys (default: this user)")
    String user;

    @Option(names = "--host", paramLabel = "HOST", description = "the hostname for new keys (default: this host)")
    String host;

    KeyCommand(Context ctx) {
        super(ctx);
    }

    @Override
    Integer execute() throws Exception {
        String action = args.isEmpty() ? "" : args.get(0);
        int want = action.equals("remove") ? 2 : 1;
        if (!List.of("list", "add", "remove", "passwd").contains(action)) {
            throw new UsageException("key needs one of list, add, remove ID, passwd");
        }
        if (args.size() != want) {
            throw new UsageException(action.equals("remove")
                    ? "key remove needs the ID of the key to remove (see 'coffer key list')"
                    : "key " + action + " takes no further arguments");
        }
        Repository repo = open();
        boolean exclusive = action.equals("remove") || action.equals("passwd");
        RepositoryLock lock = lock(repo, exclusive);
        try {
            KeyManager keys = new KeyManager(repo.backend(), repo.key(), repo.keyId(), ScryptParams.DEFAULT, ctx.random(), ctx.clock());
            switch (action) {
                case "list" -> list(keys);
                case "add" -> saved(keys.add(NewPassword.read(newPasswordFile, ctx.env()), userOr(), hostOr()));
                case "remove" -> {
                    var id = keys.remove(args.get(1));
                    info("removed key " + id.hex());
                }
                default -> saved(keys.changePassword(NewPassword.read(newPasswordFile, ctx.env()), userOr(), hostOr()));
            }
        } finally {
            unlock(lock);
        }
        return ExitCodes.OK;
    }

    private void list(KeyManager keys) throws Exception {
        List<KeyInfo> list = keys.list(w -> ctx.err().println(w));
        if (global.json) {
            GoJsonWriter w = new GoJsonWriter();
            w.beginArray();
            for (KeyInfo k : list) {
                w.beginObject().name("current").value(k.current()).name("id").value(k.id().shortHex())
                        .name("userName").value(k.username()).name("hostName").value(k.hostname())
                        .name("created").value(created(k)).endObject();
            }
            w.endArray();
            ctx.out().println(new String(w.toByteArray(), StandardCharsets.UTF_8));
            return;
        }
        TextTable t = new TextTable(" ID", "User", "Host", "Created");
        for (KeyInfo k : list) {
            t.addRow((k.current() ? "*" : " ") + k.id().shortHex(), k.username(), k.hostname(), created(k));
        }
        t.print(ctx.out());
    }

    private String created(KeyInfo k) {
        return k.created() == null ? "" : k.created().atZoneSameInstant(ctx.clock().getZone()).format(TIME);
    }

    private void saved(KeyManager.Added added) {
        info("saved new key as <Key of " + added.file().username() + "@" + added.file().hostname() + ", created on "
                + added.file().created() + ">");
    }

    private String userOr() {
        return user != null && !user.isEmpty() ? user : ctx.env().username();
    }

    private String hostOr() {
        return host != null && !host.isEmpty() ? host : ctx.env().hostname();
    }
}
