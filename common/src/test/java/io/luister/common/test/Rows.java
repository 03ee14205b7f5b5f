package io.luister.common.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row-set assertions for tests: a table's rows compared as a sorted list of lines, so the order Spark happens to
 * return them in never matters, and a failure names what was compared and shows every row.
 */
public final class Rows {
  private Rows() {}

  /** A row as one line: its fields joined by '|', null as "null", nested values as Spark's Row prints them. */
  public static String line(Row row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      line.append(i == 0 ? "" : "|").append(row.isNullAt(i) ? "null" : String.valueOf(row.get(i)));
    }
    return line.toString();
  }

  /** Every row of {@code rows} as a {@link #line}, sorted. */
  public static List<String> sortedLines(Dataset<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      lines.add(line(row));
    }
    lines.sort(null);
    return lines;
  }

  /**
   * Asserts that {@code actual} holds exactly the rows {@code expected} lists (as {@link #line}s, in any order; the
   * same row twice must be listed twice). {@code context} says what the rows are, for the failure message.
   */
  public static void assertRows(String context, Dataset<Row> actual, List<String> expected) {
    List<String> sorted = new ArrayList<>(expected);
    sorted.sort(null);
    assertEquals(String.join("\n", sorted), String.join("\n", sortedLines(actual)),
        context + ": rows differ (sorted, one a line, fields joined by '|')");
  }
}
