package dev.coffer.agent.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * restic's text table ({@code internal/ui/table}): a header line, a dashed rule, the rows, another
 * rule and footer lines. Cells may hold several lines; columns are padded to the widest line,
 * counted in UTF-8 bytes as Go counts them, joined by two spaces, and trailing spaces are cut.
 * With {@link #blankLineBetweenRows} a blank line separates rows, as restic does when a snapshot
 * has several paths.
 */
final class GoTable {
    private static final String SEP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> footers = new ArrayList<>();
    private boolean blankLineBetweenRows;

    GoTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    void addRow(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    void addFooter(String line) {
        footers.add(line);
    }

    void blankLineBetweenRows(boolean on) {
        blankLineBetweenRows = on;
    }

    /** The table's text, every line ending with a newline. */
    String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            for (String line : headers.get(i).split("\n", -1)) {
                widths[i] = Math.max(widths[i], len(line));
            }
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                for (String line : row.get(i).split("\n", -1)) {
                    widths[i] = Math.max(widths[i], len(line));
                }
            }
        }
        int total = SEP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        String rule = "-".repeat(total) + "\n";
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        out.append(rule);
        for (int r = 0; r < rows.size(); r++) {
            if (blankLineBetweenRows && r > 0) {
                out.append('\n');
            }
            line(out, rows.get(r), widths);
        }
        out.append(rule);
        footers.forEach(f -> out.append(f).append('\n'));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        List<String[]> fields = new ArrayList<>();
        int lines = 1;
        for (String c : cells) {
            String[] split = c.split("\n", -1);
            lines = Math.max(lines, split.length);
            fields.add(split);
        }
        for (int l = 0; l < lines; l++) {
            StringBuilder s = new StringBuilder();
            for (int f = 0; f < fields.size(); f++) {
                String v = l < fields.get(f).length ? fields.get(f)[l] : "";
                if (f > 0) {
                    s.append(SEP);
                }
                s.append(v).append(" ".repeat(Math.max(0, widths[f] - len(v))));
            }
            out.append(s.toString().replaceAll(" +$", "")).append('\n');
        }
    }

    /** Go's {@code len} of a string: its UTF-8 bytes. */
    private static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
