package io.luister.jobs.cli;

import com.univocity.parsers.csv.CsvWriter;
import io.luister.jobs.serve.CsvCells;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/** Prints a query result, at most a given number of rows, as an aligned table, CSV or JSON lines. */
final class TablePrinter {
  private static final int MAX_CELL = 60;

  private TablePrinter() {}

  enum Format { table, csv, json }

  /**
   * Prints at most {@code limit} rows on standard output: CSV and JSON lines stream partition by partition, the
   * aligned table (which needs every cell for its widths) is collected.
   */
  static void print(Dataset<Row> result, Format format, int limit) {
    print(result, format, limit, Console::out);
  }

  /** The same, each line of the result to {@code sink}; notes (row count, truncation) go to standard error. */
  static void print(Dataset<Row> result, Format format, int limit, Consumer<String> sink) {
    StructField[] fields = result.schema().fields();
    // CSV and JSON lines are streamed, so an export of millions of rows (sql -o file --limit N) costs the driver one
    // partition at a time.
    if (format == Format.json) {
      streamLines(result.limit(limit + 1).toJSON().toLocalIterator(), line -> line, limit, sink);
      return;
    }
    if (format == Format.csv) {
      CsvWriter csv = CsvCells.writer(null, result.schema(), CsvCells.Flavour.SQL_OUTPUT);
      sink.accept(csvLine(csv, names(fields), null));
      streamLines(result.limit(limit + 1).toLocalIterator(), row -> csvLine(csv, cells(row, fields, ""), fields), limit, sink);
      return;
    }
    List<Row> rows = result.limit(limit + 1).collectAsList();
    boolean truncated = rows.size() > limit;
    rows = rows.subList(0, Math.min(limit, rows.size()));
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows) {
      cells.add(cells(row, fields, "NULL"));
    }
    printTable(names(fields), cells, sink);
    Console.info(rows.size() + (rows.size() == 1 ? " row" : " rows"));
    noteTruncation(truncated, limit);
  }

  private static String[] cells(Row row, StructField[] fields, String nullText) {
    String[] line = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      line[i] = row.isNullAt(i) ? nullText : String.valueOf(row.get(i));
    }
    return line;
  }

  /** Prints up to {@code limit} items, each formatted as the driver receives it. */
  private static <T> void streamLines(Iterator<T> items, Function<T, String> line, int limit, Consumer<String> sink) {
    int written = 0;
    while (items.hasNext() && written < limit) {
      sink.accept(line.apply(items.next()));
      written++;
    }
    noteTruncation(items.hasNext(), limit);
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
   * One line of {@code csv} (a {@link CsvCells.Flavour#SQL_OUTPUT} writer). Text cells that a spreadsheet would run
   * as a formula get a leading apostrophe, so an exported customer text cannot execute: the same rules as
   * {@code export} ({@link CsvCells}). Unlike export, an empty cell (null or the empty string) is written unquoted,
   * as this command always has. {@code fields} null: the header, every cell text.
   */
  static String csvLine(CsvWriter csv, String[] values, StructField[] fields) {
    String[] cells = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      String v = values[i] == null ? "" : values[i];
      cells[i] = fields == null || fields[i].dataType() instanceof StringType ? CsvCells.neutralise(v) : v;
    }
    return csv.writeRowToString((Object[]) cells);
  }

  private static void noteTruncation(boolean truncated, int limit) {
    if (truncated) {
      Console.info("(only the first " + limit + " rows are shown; raise --limit to see more)");
    }
  }
}
