package dev.coffer.agent.restore;

import dev.coffer.agent.restore.RestorePlan.FileTarget;
import dev.coffer.repo.model.BlobHandle;
import dev.coffer.repo.model.BlobType;
import dev.coffer.repo.model.Id;
import dev.coffer.repo.model.PackedBlob;
import dev.coffer.repo.repository.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;

/**
 * {@code restore --verify}: re-reads every restored file and checks that each stretch of it
 * hashes to the id of the blob that belongs there, and that the file has no extra bytes.
 */
final class RestoreVerifier {
    private final Repository repo;

    RestoreVerifier(Repository repo) {
        this.repo = repo;
    }

    /** Returns the number of files verified; adds a line to {@code errors} for each mismatch. */
    long verify(List<FileTarget> files, Collection<String> errors) {
        long ok = 0;
        byte[] buf = new byte[1 << 16];
        MessageDigest md = Id.sha256();
        for (FileTarget f : files) {
            if (f.damaged.get()) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f.path)) {
                String problem = null;
                long offset = 0;
                for (Id blob : f.node.content() == null ? List.<Id>of() : f.node.content()) {
                    PackedBlob pb = repo.index().lookup(new BlobHandle(blob, BlobType.DATA));
                    long left = pb.plaintextLength();
                    while (left > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) {
                            break;
                        }
                        md.update(buf, 0, n);
                        left -= n;
                    }
                    if (left > 0 || !Id.fromDigest(md).equals(blob)) {
                        problem = "content differs from the snapshot at offset " + offset;
                        md.reset();
                        break;
                    }
                    offset += pb.plaintextLength();
                }
                if (problem == null && in.read() >= 0) {
                    problem = "file is longer than in the snapshot";
                }
                if (problem != null) {
                    errors.add("verify: " + f.path + ": " + problem);
                } else {
                    ok++;
                }
            } catch (IOException e) {
                errors.add("verify: " + f.path + ": cannot be read: " + e.getMessage());
            }
        }
        return ok;
    }
}
