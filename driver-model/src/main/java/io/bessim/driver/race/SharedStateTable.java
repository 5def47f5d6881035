package io.bessim.driver.race;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The shared-state table of one architecture: every shared field, who read and wrote it, and what
 * protected it ({@link Protection}), derived from the accesses of a run.
 */
public record SharedStateTable(String arch, String description, List<Row> rows,
    List<String> lockNames) {
  /** Marks a flagged field in printed tables. */
  public static final String FLAG = "**";

  /** One field with its protection. */
  public record Row(FieldUse use, Protection protection) {
    public String field() {
      return use.name();
    }
  }

  public SharedStateTable {
    rows = List.copyOf(rows);
    lockNames = List.copyOf(lockNames);
  }

  /** The table for {@code fields} (in their order), classified with the run's lock names. */
  public static SharedStateTable of(String arch, String description, Collection<FieldUse> fields,
      List<String> lockNames) {
    List<Row> rows = new ArrayList<>();
    for (FieldUse f : fields) rows.add(new Row(f, Protection.of(f, lockNames)));
    return new SharedStateTable(arch, description, rows, lockNames);
  }

  /** The row of {@code field}; throws if the run declared no such field. */
  public Row row(String field) {
    for (Row r : rows) {
      if (r.field().equals(field)) return r;
    }
    throw new IllegalArgumentException("no shared field '" + field + "' in " + arch);
  }

  /** The flagged fields, in table order. */
  public List<String> flagged() {
    List<String> l = new ArrayList<>();
    for (Row r : rows) {
      if (r.protection().flagged()) l.add(r.field());
    }
    return l;
  }

  /** The protection as printed: flagged ones marked. */
  static String cell(Protection p) {
    return p.flagged() ? FLAG + " " + p.text() : p.text();
  }

  /**
   * The full table: one line per (field, context) with the context's kind, CPUs, access counts,
   * the locks it held at every access and its routines; then why each field got its protection.
   */
  public String render() {
    TextTable t = new TextTable("field", "declared", "protection", "context", "kind", "CPUs",
        "reads>", "plain writes>", "atomic RMWs>", "locks held", "routines (innermost)");
    for (Row r : rows) {
      boolean first = true;
      if (r.use().contexts().isEmpty()) {
        t.row(r.field(), declared(r.use()), cell(r.protection()), "-", "", "", "", "", "", "", "");
      }
      for (FieldUse.ContextUse u : r.use().contexts().values()) {
        StringJoiner cpus = new StringJoiner(",");
        u.cpus().forEach(c -> cpus.add(Integer.toString(c)));
        String locks =
            u.commonLocks() == 0 ? "-" : Protection.lockNames(u.commonLocks(), lockNames);
        t.row(first ? r.field() : "", first ? declared(r.use()) : "",
            first ? cell(r.protection()) : "", u.label(), u.kind().text(), cpus,
            u.reads(), u.plainWrites(), u.atomicRmws(), locks, String.join(", ", u.routines()));
        first = false;
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(arch).append(": ").append(description).append('\n');
    b.append(t.render(""));
    List<String> fl = flagged();
    b.append(FLAG).append(" flagged (two or more writer contexts, a plain write, no common lock): ")
        .append(fl.isEmpty() ? "none" : String.join(", ", fl)).append('\n');
    b.append("why:\n");
    for (Row r : rows) {
      b.append(String.format(Locale.US, "  %-20s %s%n", r.field(), r.protection().why()));
    }
    return b.toString();
  }

  private static String declared(FieldUse f) {
    return f.atomicType() ? "atomic_t" : "int";
  }

  /**
   * The delta table: one row per field (every field any table lists), one column per
   * architecture with its protection, flagged ones marked; a line after it lists the flags.
   */
  public static String renderDelta(List<SharedStateTable> tables) {
    Set<String> fields = new LinkedHashSet<>();
    for (SharedStateTable s : tables) {
      for (Row r : s.rows) fields.add(r.field());
    }
    String[] headers = new String[tables.size() + 1];
    headers[0] = "field";
    for (int i = 0; i < tables.size(); i++) headers[i + 1] = tables.get(i).arch;
    TextTable t = new TextTable(headers);
    for (String f : fields) {
      Object[] cells = new Object[tables.size() + 1];
      cells[0] = f;
      for (int i = 0; i < tables.size(); i++) {
        SharedStateTable s = tables.get(i);
        cells[i + 1] = s.rows.stream().filter(r -> r.field().equals(f)).findFirst()
            .map(r -> cell(r.protection())).orElse("-");
      }
      t.row(cells);
    }
    StringBuilder b = new StringBuilder(t.render(""));
    StringJoiner flags = new StringJoiner("; ");
    for (SharedStateTable s : tables) {
      List<String> fl = s.flagged();
      flags.add(s.arch + ": " + (fl.isEmpty() ? "none" : String.join(", ", fl)));
    }
    b.append(FLAG).append(" flagged (two or more writer contexts, a plain write, no common lock): ")
        .append(flags).append('\n');
    return b.toString();
  }
}
