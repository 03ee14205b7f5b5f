package io.luister.jobs.cli;

import io.luister.jobs.serve.CsvCells;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/** Prints a bounded query result as an aligned table, CSV or JSON lines. */
final class TablePrinter {
  private static final int MAX_CELL = 60;

  private TablePrinter() {}

  enum Format { table, csv, json }

  /** Collects at most {@code limit} rows (never the whole result) and prints them on standard output. */
  static void print(Dataset<Row> result, Format format, int limit) {
    print(result, format, limit, Console::out);
  }

  /** The same, each line of the result to {@code sink}; notes (row count, truncation) go to standard error. */
  static void print(Dataset<Row> result, Format format, int limit, Consumer<String> sink) {
    if (format == Format.json) {
      List<String> lines = result.limit(limit + 1).toJSON().collectAsList();
      lines.stream().limit(limit).forEach(sink);
      noteTruncation(lines.size() > limit, limit);
      return;
    }
    List<Row> rows = result.limit(limit + 1).collectAsList();
    boolean truncated = rows.size() > limit;
    rows = rows.subList(0, Math.min(limit, rows.size()));
    StructField[] fields = result.schema().fields();
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows) {
      String[] line = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        line[i] = row.isNullAt(i) ? (format == Format.csv ? "" : "NULL") : String.valueOf(row.get(i));
      }
      cells.add(line);
    }
    if (format == Format.csv) {
      sink.accept(csvLine(names(fields), null));
      for (String[] line : cells) {
        sink.accept(csvLine(line, fields));
      }
    } else {
      printTable(names(fields), cells, sink);
      Console.info(rows.size() + (rows.size() == 1 ? " row" : " rows"));
    }
    noteTruncation(truncated, limit);
  }

  private static String[] names(StructField[] fields) {
    String[] names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = fields[i].name();
    }
    return names;
  }

  private static void printTable(String[] header, List<String[]> cells, Consumer<String> sink) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] line : cells) {
        line[i] = shorten(Console.inert(line[i]).replaceAll("[\\r\\n\\t]+", " "));
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    sink.accept(row(header, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    sink.accept(rule.toString());
    for (String[] line : cells) {
      sink.accept(row(line, widths));
    }
  }

  private static String row(String[] values, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", values[i]));
    }
    return sb.toString().stripTrailing();
  }

  private static String shorten(String s) {
    return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 3) + "...";
  }

  /**
   * RFC 4180 quoting. Text cells that a spreadsheet would run as a formula get a leading apostrophe, so an
   * exported customer text cannot execute: the same rule as {@code export} ({@link CsvCells}).
   */
  static String csvLine(String[] values, StructField[] fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      String v = values[i] == null ? "" : values[i];
      if (fields == null || fields[i].dataType() instanceof StringType) {
        v = CsvCells.neutralise(v);
      }
      if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
        v = "\"" + v.replace("\"", "\"\"") + "\"";
      }
      sb.append(i == 0 ? "" : ",").append(v);
    }
    return sb.toString();
  }

  private static void noteTruncation(boolean truncated, int limit) {
    if (truncated) {
      Console.info("(only the first " + limit + " rows are shown; raise --limit to see more)");
    }
  }
}
