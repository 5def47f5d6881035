package io.bessim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the report's charts as inline SVG: bars with interval whiskers, lines, stacked bars and
 * dot strips, each with axes, ticks and a legend. Every chart is a fixed-size {@code <svg>} whose
 * marks carry a {@code <title>} (the browser shows it on hover), so the page needs no script.
 */
final class Svg {
  /** Series colours, in order (colour-blind-safe Okabe-Ito palette). */
  static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
      "#56B4E9", "#D55E00", "#F0E442", "#000000");

  private static final int W = 560;
  private static final int H = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 30;
  private static final int BOTTOM = 48;

  /** A named series of (x, y) points. */
  record Series(String name, List<double[]> points) {}

  private Svg() {}

  static String colour(int i) {
    return COLOURS.get(i % COLOURS.size());
  }

  /**
   * One bar per category with a 95% whisker ({@code ci[i]} NaN: no whisker); {@code tips[i]} is
   * the value its tooltip shows after the category, as the caller's table rounds it.
   */
  static String bars(String title, String unit, List<String> cats, double[] mean, double[] ci,
      List<String> tips) {
    double max = 0;
    for (int i = 0; i < mean.length; i++) {
      max = Math.max(max, mean[i] + (Double.isNaN(ci[i]) ? 0 : ci[i]));
    }
    Axis y = Axis.of(0, max);
    StringBuilder b = open(title);
    yAxis(b, y, unit);
    int n = cats.size();
    double slot = (W - LEFT - RIGHT) / (double) Math.max(1, n);
    for (int i = 0; i < n; i++) {
      double x = LEFT + slot * i + slot * 0.2;
      double bw = slot * 0.6;
      double top = y.pos(mean[i]);
      b.append(String.format(Locale.US,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s"
              + "</title></rect>",
          x, top, bw, Math.max(0, y.pos(0) - top), colour(i), esc(cats.get(i)),
          esc(tips.get(i))));
      if (!Double.isNaN(ci[i]) && ci[i] > 0) {
        double cx = x + bw / 2;
        double lo = y.pos(Math.max(0, mean[i] - ci[i]));
        double hi = y.pos(mean[i] + ci[i]);
        b.append(String.format(Locale.US,
            "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fh%.1fM%.1f %.1fh%.1f\" stroke=\"#333\"/>",
            cx, lo, hi, cx - 6, lo, 12.0, cx - 6, hi, 12.0));
      }
      b.append(String.format(Locale.US,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          x + bw / 2, H - BOTTOM + 16, esc(shorten(cats.get(i), (int) (slot / 7)))));
    }
    return close(b);
  }

  /** Lines (with a marker at each point) in one plot; {@code diagonal} draws y = x. */
  static String lines(String title, String xLabel, String yLabel, List<Series> series,
      boolean diagonal, boolean markers) {
    double xMax = 0;
    double yMax = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        xMax = Math.max(xMax, p[0]);
        yMax = Math.max(yMax, p[1]);
      }
    }
    Axis x = Axis.of(0, xMax).horizontal();
    Axis y = Axis.of(0, diagonal ? Math.max(xMax, yMax) : yMax);
    StringBuilder b = open(title);
    yAxis(b, y, yLabel);
    xAxis(b, x, xLabel);
    if (diagonal) {
      double end = Math.min(x.max, y.max);
      b.append(String.format(Locale.US,
          "<path d=\"M%.1f %.1fL%.1f %.1f\" stroke=\"#aaa\" stroke-dasharray=\"4 3\"/>",
          x.pos(0), y.pos(0), x.pos(end), y.pos(end)));
    }
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      StringBuilder d = new StringBuilder();
      for (double[] p : s.points()) {
        d.append(d.length() == 0 ? "M" : "L")
            .append(String.format(Locale.US, "%.1f %.1f", x.pos(p[0]), y.pos(p[1])));
      }
      b.append(String.format(Locale.US,
          "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"><title>%s</title></path>",
          d, colour(i), esc(s.name())));
      if (markers) {
        for (double[] p : s.points()) {
          b.append(String.format(Locale.US,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s -> %s</title>"
                  + "</circle>",
              x.pos(p[0]), y.pos(p[1]), colour(i), esc(s.name()), num(p[0]), num(p[1])));
        }
      }
    }
    legend(b, series.stream().map(Series::name).toList());
    return close(b);
  }

  /** One horizontal bar per category, split into parts; the legend names the parts. */
  static String stacked(String title, String unit, List<String> cats, List<String> parts,
      double[][] values) {
    double max = 0;
    for (double[] row : values) {
      double sum = 0;
      for (double v : row) sum += v;
      max = Math.max(max, sum);
    }
    int h = TOP + 28 * cats.size() + BOTTOM + 18 * ((parts.size() + 2) / 3);
    Axis x = Axis.of(0, max).horizontal();
    StringBuilder b = open(title, h);
    int left = LEFT + 20;
    for (int i = 0; i < cats.size(); i++) {
      double y0 = TOP + 28 * i + 4;
      double at = 0;
      b.append(String.format(Locale.US, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
          left - 4, y0 + 14, esc(shorten(cats.get(i), 11))));
      for (int p = 0; p < parts.size(); p++) {
        double v = values[i][p];
        if (v <= 0) continue;
        double px = left + (W - left - RIGHT) * at / x.max;
        double pw = (W - left - RIGHT) * v / x.max;
        b.append(String.format(Locale.US,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\"><title>%s, %s:"
                + " %s %s</title></rect>",
            px, y0, pw, colour(p), esc(cats.get(i)), esc(parts.get(p)), num(v), esc(unit)));
        at += v;
      }
    }
    int axisY = TOP + 28 * cats.size() + 8;
    b.append(String.format(Locale.US, "<path d=\"M%d %dH%d\" stroke=\"#333\"/>", left, axisY,
        W - RIGHT));
    for (double t : x.ticks()) {
      double px = left + (W - left - RIGHT) * t / x.max;
      b.append(String.format(Locale.US,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, axisY + 14, num(t)));
    }
    b.append(String.format(Locale.US, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        (left + W) / 2, axisY + 30, esc(unit)));
    for (int p = 0; p < parts.size(); p++) {
      int lx = 12 + 182 * (p % 3);
      int ly = axisY + 48 + 18 * (p / 3);
      b.append(String.format(Locale.US,
          "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">"
              + "%s</text>",
          lx, ly - 9, colour(p), lx + 14, ly, esc(shorten(parts.get(p), 26))));
    }
    return close(b);
  }

  /** A dot per event time on one row per series: when each lost update happened. */
  static String strip(String title, String xLabel, double xMax, List<String> rows,
      List<List<Double>> times) {
    int h = TOP + 26 * rows.size() + BOTTOM;
    Axis x = Axis.of(0, xMax).horizontal();
    StringBuilder b = open(title, h);
    for (int r = 0; r < rows.size(); r++) {
      double cy = TOP + 26 * r + 12;
      b.append(String.format(Locale.US,
          "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text><path d=\"M%d %.1fH%d\""
              + " stroke=\"#ddd\"/>",
          LEFT - 6, cy + 4, esc(rows.get(r)), LEFT, cy, W - RIGHT));
      for (double t : times.get(r)) {
        b.append(String.format(Locale.US,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.6\"><title>%s:"
                + " lost update at %s s</title></circle>",
            x.pos(t), cy, colour(r), esc(rows.get(r)), num(t)));
      }
    }
    int axisY = TOP + 26 * rows.size();
    b.append(String.format(Locale.US, "<path d=\"M%d %dH%d\" stroke=\"#333\"/>", LEFT, axisY,
        W - RIGHT));
    for (double t : x.ticks()) {
      b.append(String.format(Locale.US,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.pos(t), axisY + 14,
          num(t)));
    }
    b.append(String.format(Locale.US, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        (LEFT + W) / 2, axisY + 32, esc(xLabel)));
    return close(b);
  }

  private static StringBuilder open(String title) {
    return open(title, H);
  }

  private static StringBuilder open(String title, int h) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.US,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " role=\"img\" font-family=\"sans-serif\" font-size=\"11\"><title>%s</title>"
            + "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>",
        W, h, W, h, esc(title), 8, esc(title)));
    return b;
  }

  private static String close(StringBuilder b) {
    return b.append("</svg>\n").toString();
  }

  private static void yAxis(StringBuilder b, Axis y, String label) {
    b.append(String.format(Locale.US, "<path d=\"M%d %dV%d H%d\" stroke=\"#333\" fill=\"none\"/>",
        LEFT, TOP, H - BOTTOM, W - RIGHT));
    for (double t : y.ticks()) {
      double py = y.pos(t);
      b.append(String.format(Locale.US,
          "<path d=\"M%d %.1fH%d\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">"
              + "%s</text>",
          LEFT + 1, py, W - RIGHT, LEFT - 4, py + 4, num(t)));
    }
    b.append(String.format(Locale.US,
        "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>",
        (TOP + H - BOTTOM) / 2, esc(label)));
  }

  private static void xAxis(StringBuilder b, Axis x, String label) {
    for (double t : x.ticks()) {
      b.append(String.format(Locale.US,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.pos(t), H - BOTTOM + 14,
          num(t)));
    }
    b.append(String.format(Locale.US, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        (LEFT + W) / 2, H - BOTTOM + 30, esc(label)));
  }

  private static void legend(StringBuilder b, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      int lx = LEFT + 8 + 120 * (i % 4);
      int ly = H - 6 - 0 * (i / 4);
      b.append(String.format(Locale.US,
          "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">"
              + "%s</text>",
          lx, ly - 9, colour(i), lx + 14, ly, esc(shorten(names.get(i), 16))));
    }
  }

  /** A number with about three significant digits, without trailing zeros. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.format(Locale.US, "%.0f", v);
    double a = Math.abs(v);
    String s;
    if (a >= 100) {
      s = String.format(Locale.US, "%.0f", v);
    } else if (a >= 10) {
      s = String.format(Locale.US, "%.1f", v);
    } else if (a >= 1) {
      s = String.format(Locale.US, "%.2f", v);
    } else {
      s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).toPlainString();
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /**
   * Counts spanning decades as bars on a log scale: the bar's height is log10(count + 1), the
   * ticks are powers of ten; the hover text gives the exact count.
   */
  static String logBars(String title, String unit, List<String> cats, long[] counts) {
    long max = 1;
    for (long c : counts) max = Math.max(max, c);
    int decades = (int) Math.ceil(Math.log10(max + 1.0));
    double top = Math.max(1, decades);
    StringBuilder b = open(title);
    b.append(String.format(Locale.US, "<path d=\"M%d %dV%d H%d\" stroke=\"#333\" fill=\"none\"/>",
        LEFT, TOP, H - BOTTOM, W - RIGHT));
    for (int k = 0; k <= top; k++) {
      double py = H - BOTTOM - (H - TOP - BOTTOM) * k / top;
      b.append(String.format(Locale.US,
          "<path d=\"M%d %.1fH%d\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">"
              + "%s</text>",
          LEFT + 1, py, W - RIGHT, LEFT - 4, py + 4, num(Math.pow(10, k))));
    }
    b.append(String.format(Locale.US,
        "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>",
        (TOP + H - BOTTOM) / 2, esc(unit + " (log scale)")));
    double slot = (W - LEFT - RIGHT) / (double) Math.max(1, cats.size());
    for (int i = 0; i < cats.size(); i++) {
      double x = LEFT + slot * i + slot * 0.15;
      double bw = slot * 0.7;
      double h = (H - TOP - BOTTOM) * Math.log10(counts[i] + 1.0) / top;
      b.append(String.format(Locale.US,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d"
              + "</title></rect><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          x, H - BOTTOM - h, bw, h, colour(0), esc(cats.get(i)), counts[i], x + bw / 2,
          H - BOTTOM + 16, esc(cats.get(i))));
    }
    return close(b);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String shorten(String s, int max) {
    return s.length() <= Math.max(4, max) ? s : s.substring(0, Math.max(4, max) - 1) + "…";
  }

  /** A linear axis from 0 to a round maximum, mapped to the plot area. */
  private record Axis(double max, boolean isHorizontal) {
    static Axis of(double min, double max) {
      double m = max <= 0 ? 1 : niceCeil(max);
      return new Axis(m, false);
    }

    Axis horizontal() {
      return new Axis(max, true);
    }

    double pos(double v) {
      return isHorizontal
          ? LEFT + (W - LEFT - RIGHT) * v / max
          : H - BOTTOM - (H - TOP - BOTTOM) * v / max;
    }

    List<Double> ticks() {
      List<Double> t = new ArrayList<>();
      double step = max / 5;
      for (int i = 0; i <= 5; i++) t.add(step * i);
      return t;
    }

    /** The next of 1, 2, 2.5, 5 times a power of ten at or above {@code v}. */
    private static double niceCeil(double v) {
      double p = Math.pow(10, Math.floor(Math.log10(v)));
      for (double f : new double[] {1, 2, 2.5, 5, 10}) {
        if (f * p >= v) return f * p;
      }
      return 10 * p;
    }
  }

}
