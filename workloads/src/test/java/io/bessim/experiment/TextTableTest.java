package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bessim.experiment.TextTable.Column;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class TextTableTest {
  private record Row(String name, double mbps) {}

  private static final List<Column<Row>> COLUMNS = List.of(
      Column.left("arch", Row::name),
      Column.of(Metric.DELIVERED_MBPS, r -> String.format(Locale.US, "%.3f", r.mbps())));

  private static final List<Row> ROWS = List.of(new Row("baseline", 1.362), new Row("v3", 12.5));

  @Test
  void plainPadsEachColumnToItsWidestCellTwoSpacesApart() {
    assertEquals(String.join("\n",
        "arch      delivered MB/s",
        "baseline           1.362",
        "v3                12.500",
        ""), TextTable.plain(COLUMNS, ROWS));
  }

  @Test
  void markdownPutsTheAlignmentInTheRuleRow() {
    assertEquals(String.join("\n",
        "| arch     | delivered MB/s |",
        "| :------- | -------------: |",
        "| baseline |          1.362 |",
        "| v3       |         12.500 |",
        ""), TextTable.markdown(COLUMNS, ROWS));
  }

  @Test
  void aLastLeftColumnLeavesNoTrailingBlanksAndShortColumnsKeepThreeDashes() {
    List<Column<String>> cols = List.of(Column.right("n", s -> s), Column.left("x", s -> s));

    assertEquals(" n  x\n 1  1\n22  22\n", TextTable.plain(cols, List.of("1", "22")));
    assertEquals("|    n | x    |\n| ---: | :--- |\n|    1 | 1    |\n",
        TextTable.markdown(cols, List.of("1")));
  }
}
