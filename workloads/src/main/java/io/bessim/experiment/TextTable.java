package io.bessim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one renderer of bessim's text tables (compare, sweep table, calibration, arch list): columns
 * with a header and an alignment, each padded to its widest cell, rows filled by each column's
 * function. A metric's column takes its header, with the unit, from the {@link Metric}
 * declaration. Plain text separates columns by two spaces; Markdown draws a pipe table whose
 * source reads as well as its rendering. Lines carry no trailing blanks.
 */
public final class TextTable {
  private TextTable() {}

  /** Where a cell sits in its column: names left, numbers right. */
  public enum Align {
    LEFT,
    RIGHT
  }

  /** One column: its header, its alignment and how a row fills its cell. */
  public record Column<R>(String header, Align align, Function<? super R, String> cell) {
    public static <R> Column<R> left(String header, Function<? super R, String> cell) {
      return new Column<>(header, Align.LEFT, cell);
    }

    public static <R> Column<R> right(String header, Function<? super R, String> cell) {
      return new Column<>(header, Align.RIGHT, cell);
    }

    /** A metric's column, right-aligned, headed by its label and unit ({@code CPU %}). */
    public static <R> Column<R> of(Metric m, Function<? super R, String> cell) {
      return right(m.header(), cell);
    }
  }

  /** Columns two spaces apart. */
  public static <R> String plain(List<Column<R>> columns, List<? extends R> rows) {
    return render(columns, rows, false);
  }

  /**
   * A Markdown pipe table, with the alignment in its rule row; every column is at least four
   * wide so the rule has the three dashes Markdown asks for.
   */
  public static <R> String markdown(List<Column<R>> columns, List<? extends R> rows) {
    return render(columns, rows, true);
  }

  private static <R> String render(List<Column<R>> columns, List<? extends R> rows,
      boolean markdown) {
    List<String> headers = new ArrayList<>();
    for (Column<R> c : columns) headers.add(c.header());
    List<List<String>> lines = new ArrayList<>();
    for (R r : rows) {
      List<String> line = new ArrayList<>();
      for (Column<R> c : columns) line.add(c.cell().apply(r));
      lines.add(line);
    }
    int[] width = new int[columns.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = Math.max(headers.get(i).length(), markdown ? 4 : 0);
      for (List<String> l : lines) width[i] = Math.max(width[i], l.get(i).length());
    }
    StringBuilder b = new StringBuilder();
    line(b, headers, columns, width, markdown);
    if (markdown) {
      List<String> rule = new ArrayList<>();
      for (int i = 0; i < width.length; i++) {
        String dashes = "-".repeat(width[i] - 1);
        rule.add(columns.get(i).align() == Align.LEFT ? ":" + dashes : dashes + ":");
      }
      line(b, rule, columns, width, true);
    }
    for (List<String> l : lines) line(b, l, columns, width, markdown);
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, List<? extends Column<?>> columns,
      int[] width, boolean markdown) {
    StringBuilder l = new StringBuilder(markdown ? "|" : "");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      String cell = columns.get(i).align() == Align.LEFT ? c + pad : pad + c;
      if (markdown) {
        l.append(' ').append(cell).append(" |");
      } else {
        l.append(i == 0 ? "" : "  ").append(cell);
      }
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
