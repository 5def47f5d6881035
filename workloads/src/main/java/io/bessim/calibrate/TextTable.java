package io.bessim.calibrate;

import java.util.List;

/** A plain text table: the first column left-aligned (names), the others right-aligned. */
final class TextTable {
  private TextTable() {}

  static String render(List<String> headers, List<List<String>> rows) {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
    }
    StringBuilder b = new StringBuilder();
    line(b, headers, width);
    for (List<String> r : rows) line(b, r, width);
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      if (i == 0) {
        l.append(c).append(pad);
      } else {
        l.append("  ").append(pad).append(c);
      }
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
