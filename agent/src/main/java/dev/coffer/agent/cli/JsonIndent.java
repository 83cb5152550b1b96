package dev.coffer.agent.cli;

import java.io.ByteArrayOutputStream;

/**
 * Go's {@code json.Indent(dst, src, "", "  ")}: re-indents JSON without re-encoding it, so string
 * escapes stay byte for byte what Go's encoder wrote. {@code json.MarshalIndent}, which restic's
 * {@code cat} uses, is the compact encoding followed by this. Empty objects and arrays stay
 * {@code {}} and {@code []}; a colon is followed by one space.
 */
final class JsonIndent {
    private JsonIndent() {
    }

    static byte[] indent(byte[] compact) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(compact.length * 2);
        int depth = 0;
        boolean needIndent = false;
        boolean inString = false;
        for (int i = 0; i < compact.length; i++) {
            byte c = compact[i];
            if (inString) {
                out.write(c);
                if (c == '\\' && i + 1 < compact.length) {
                    out.write(compact[++i]);
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (needIndent && c != ']' && c != '}') {
                needIndent = false;
                depth++;
                newline(out, depth);
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.write(c);
                }
                case '{', '[' -> {
                    needIndent = true;
                    out.write(c);
                }
                case ',' -> {
                    out.write(c);
                    newline(out, depth);
                }
                case ':' -> {
                    out.write(c);
                    out.write(' ');
                }
                case '}', ']' -> {
                    if (needIndent) {
                        needIndent = false;
                    } else {
                        depth--;
                        newline(out, depth);
                    }
                    out.write(c);
                }
                default -> out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static void newline(ByteArrayOutputStream out, int depth) {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write(' ');
            out.write(' ');
        }
    }
}
