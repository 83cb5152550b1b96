package dev.coffer.repo.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Access to the golden files that regenerate.sh made with restic 0.14. */
final class Golden {
    private Golden() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/file/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden file missing: " + name + " (run regenerate.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> treeIds() {
        String list = new String(bytes("trees.list"), StandardCharsets.US_ASCII);
        return Arrays.stream(list.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    static byte[] tree(String id) {
        return bytes("trees/" + id);
    }

    /**
     * Go's MarshalIndent output turned back into Marshal output: whitespace outside strings removed.
     * Both use the same string escaping, so this gives restic's stored bytes.
     */
    static byte[] compact(byte[] pretty) {
        byte[] out = new byte[pretty.length];
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < pretty.length; i++) {
            byte b = pretty[i];
            if (inString) {
                out[n++] = b;
                if (b == '\\') {
                    out[n++] = pretty[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
                out[n++] = b;
            } else if (b != ' ' && b != '\n' && b != '\t' && b != '\r') {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
