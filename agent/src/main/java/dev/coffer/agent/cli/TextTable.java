package dev.coffer.agent.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * restic's text table: a header line, a line of dashes as wide as the table, the rows, and the
 * dashes again. Columns are padded to their widest cell (counted in UTF-8 bytes, as Go's
 * {@code len} does) and separated by two spaces; trailing spaces are trimmed from every line.
 */
final class TextTable {
    private static final String SEPARATOR = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    void addRow(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
        }
        rows.add(List.of(cells));
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        int total = SEPARATOR.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        String dashes = "-".repeat(total);
        out.println(line(headers, widths));
        out.println(dashes);
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.println(dashes);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            String c = cells.get(i);
            b.append(c).append(" ".repeat(Math.max(0, widths[i] - width(c))));
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        return b.substring(0, end);
    }

    private static int width(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
