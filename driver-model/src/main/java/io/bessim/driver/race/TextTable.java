package io.bessim.driver.race;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns padded to their widest cell, left-aligned unless marked numeric,
 * two spaces between columns, trailing blanks stripped.
 */
final class TextTable {
  private final List<String> headers;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /** Headers; a header ending in '>' marks a right-aligned (numeric) column, the '>' dropped. */
  TextTable(String... headers) {
    this.headers = new ArrayList<>();
    this.numeric = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      String h = headers[i];
      numeric[i] = h.endsWith(">");
      this.headers.add(numeric[i] ? h.substring(0, h.length() - 1) : h);
    }
  }

  TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + headers.size() + " columns");
    }
    List<String> r = new ArrayList<>();
    for (Object c : cells) r.add(c == null ? "" : c.toString());
    rows.add(r);
    return this;
  }

  /** The table, each line prefixed with {@code indent}. */
  String render(String indent) {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
    }
    StringBuilder b = new StringBuilder();
    line(b, indent, headers, width);
    for (List<String> r : rows) line(b, indent, r, width);
    return b.toString();
  }

  private void line(StringBuilder b, String indent, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder(indent);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) l.append("  ");
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(numeric[i] ? pad + c : c + pad);
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
