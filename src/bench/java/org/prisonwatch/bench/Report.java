package org.prisonwatch.bench;

import java.util.ArrayList;
import java.util.List;

/** The one table the run prints at the end: rows of cells, columns as wide as their widest cell. */
final class Report {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Report(String... header) {
        this.header = List.of(header);
    }

    void row(String... cells) {
        rows.add(List.of(cells));
    }

    /** A separator line between groups of rows. */
    void rule() {
        rows.add(List.of());
    }

    String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        separator(out, widths);
        for (List<String> row : rows) {
            if (row.isEmpty()) {
                separator(out, widths);
            } else {
                line(out, row, widths);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            boolean numeric = i > 1 && i < 6 && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("-"));
            out.append(' ').append(numeric ? pad(cell, widths[i], true) : pad(cell, widths[i], false)).append(" |");
        }
        out.append('\n');
    }

    private static void separator(StringBuilder out, int[] widths) {
        out.append('|');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('|');
        }
        out.append('\n');
    }

    private static String pad(String cell, int width, boolean right) {
        String space = " ".repeat(Math.max(0, width - cell.length()));
        return right ? space + cell : cell + space;
    }
}
