package dev.orderflow.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures as a Markdown table whose columns are padded to line up: readable in a terminal and pasted
 * into docs as it is.
 */
public final class ResultTable {

    static final List<String> HEADER = List.of("#", "Figure", "Measured", "Baseline", "Ratio", "Baseline is", "Note");

    private ResultTable() {
    }

    public static String render(List<Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure figure : figures) {
            rows.add(List.of(Integer.toString(figure.scenario()), figure.name(),
                    Format.withUnit(figure.value(), figure.unit()), Format.withUnit(figure.baseline(), figure.unit()),
                    Format.ratioText(figure.ratio()), figure.baselineName(), figure.note()));
        }
        return markdown(rows);
    }

    /** Renders rows (the first is the header) as a Markdown table; numbers-looking columns are right-aligned. */
    public static String markdown(List<List<String>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least its header");
        }
        int columns = rows.get(0).size();
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).size() != columns) {
                throw new IllegalArgumentException("row " + row + " has " + rows.get(row).size() + " cells, the header "
                        + columns);
            }
        }
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int column = 0; column < columns; column++) {
            numeric[column] = rows.size() > 1;
            for (int row = 0; row < rows.size(); row++) {
                String cell = rows.get(row).get(column);
                widths[column] = Math.max(widths[column], Math.max(3, cell.length()));
                if (row > 0 && !cell.isEmpty() && !Character.isDigit(cell.charAt(0)) && !cell.equals("n/a")) {
                    numeric[column] = false;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows.size(); row++) {
            List<String> cells = rows.get(row);
            out.append('|');
            for (int column = 0; column < columns; column++) {
                out.append(' ').append(pad(cells.get(column), widths[column], numeric[column] && row > 0)).append(" |");
            }
            out.append('\n');
            if (row == 0) {
                out.append('|');
                for (int column = 0; column < columns; column++) {
                    String dashes = "-".repeat(widths[column]);
                    out.append(' ').append(numeric[column] ? dashes.substring(1) + ":" : dashes).append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(width - cell.length());
        return right ? padding + cell : cell + padding;
    }
}
