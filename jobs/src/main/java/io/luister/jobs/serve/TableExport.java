package io.luister.jobs.serve;

import com.univocity.parsers.csv.CsvWriter;
import io.luister.common.config.ConfigException;
import io.luister.jobs.LuisterDataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One table (or one period of it) as one file for analysts: CSV, xlsx or Parquet. CSV and xlsx are
 * streamed from Spark row by row; every format is written beside the target and moved into place only
 * when complete, so a failed export never leaves a truncated file under the requested name.
 */
public final class TableExport {
  public enum Format {
    csv, xlsx, parquet;

    public static Format parse(String s) {
      try {
        return valueOf(s.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ConfigException.option("--format must be csv, xlsx or parquet (got '" + s + "')");
      }
    }
  }

  /** Excel's sheet limit, header row included. */
  public static final int XLSX_MAX_ROWS = 1_048_576;
  /** Excel refuses longer cell texts. */
  public static final int XLSX_MAX_CELL_CHARS = 32_767;
  /** Rows fastexcel buffers before writing them out: memory stays flat on tall tables. */
  static final int XLSX_FLUSH_ROWS = 10_000;

  private TableExport() {}

  /** Writes {@code table} to {@code out} in {@code format}; returns the number of data rows written. */
  public static long export(Dataset<Row> table, Format format, Path out, String sheetName) {
    Path target = out.toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      Files.createDirectories(target.getParent());
      long rows;
      if (format == Format.parquet) {
        rows = parquet(table, partial);
      } else {
        Dataset<Row> served = ServeFrames.forServing(table);
        try (OutputStream stream = Files.newOutputStream(partial)) {
          rows = format == Format.csv
              ? csv(served.toLocalIterator(), table.schema(), stream)
              : xlsx(served.toLocalIterator(), table.schema(), stream, sheetName);
        }
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /** UTF-8, a header line, RFC 4180 quoting and CRLF line ends, text cells neutralised (see CsvCells). */
  public static long csv(Iterator<Row> rows, StructType schema, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    CsvWriter csv = CsvCells.writer(writer, schema, CsvCells.Flavour.SPREADSHEET);
    csv.writeRow((Object[]) CsvCells.header(schema));
    long count = 0;
    while (rows.hasNext()) {
      csv.writeRow((Object[]) CsvCells.cells(rows.next(), schema, CsvCells.Flavour.SPREADSHEET));
      count++;
    }
    csv.flush();
    return count;
  }

  /**
   * One worksheet: numbers, booleans and dates as typed cells, text neutralised like CSV. Refuses tables
   * taller than a sheet rather than silently dropping rows.
   */
  public static long xlsx(Iterator<Row> rows, StructType schema, OutputStream out, String sheetName) throws IOException {
    Workbook workbook = new Workbook(out, "Luister", "0.1");
    Worksheet sheet = workbook.newWorksheet(sheetTitle(sheetName));
    DataType[] types = new DataType[schema.fields().length];
    for (int c = 0; c < types.length; c++) {
      types[c] = schema.fields()[c].dataType();
      sheet.value(0, c, schema.fields()[c].name());
    }
    int r = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      r++;
      if (r >= XLSX_MAX_ROWS) {
        throw new LuisterDataException("the table has more rows than an xlsx sheet holds (" + (XLSX_MAX_ROWS - 1)
            + "): export it as csv or parquet, or one period at a time");
      }
      for (int c = 0; c < types.length; c++) {
        if (!row.isNullAt(c)) {
          cell(sheet, r, c, types[c], row.get(c));
        }
      }
      if (r % XLSX_FLUSH_ROWS == 0) {
        sheet.flush();
      }
    }
    sheet.freezePane(0, 1);
    workbook.finish();
    return r;
  }

  private static void cell(Worksheet sheet, int r, int c, DataType type, Object value) {
    if (type instanceof NumericType && value instanceof Number n) {
      if (n instanceof Double d && (d.isNaN() || d.isInfinite()) || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
        sheet.value(r, c, n.toString()); // Excel has no NaN or infinity
      } else {
        sheet.value(r, c, n);
      }
    } else if (type instanceof BooleanType && value instanceof Boolean b) {
      sheet.value(r, c, b);
    } else if (type instanceof DateType && (value instanceof Date || value instanceof LocalDate)) {
      sheet.value(r, c, value instanceof Date d ? d.toLocalDate() : (LocalDate) value);
      sheet.style(r, c).format("yyyy-mm-dd").set();
    } else if (type instanceof TimestampType && value instanceof Timestamp t) {
      // Excel has no time zones: instants are written in UTC, as the column header says nothing else.
      sheet.value(r, c, LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC));
      sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
    } else if (type instanceof TimestampNTZType && value instanceof LocalDateTime t) {
      sheet.value(r, c, t);
      sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
    } else {
      String text = CsvCells.neutraliseStart(CsvCells.format(value));
      sheet.value(r, c, text.length() > XLSX_MAX_CELL_CHARS ? text.substring(0, XLSX_MAX_CELL_CHARS) : text);
    }
  }

  /** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
  static String sheetTitle(String name) {
    String clean = name.replaceAll("[:\\\\/?*\\[\\]]", "_");
    return clean.length() > 31 ? clean.substring(0, 31) : clean;
  }

  /**
   * Spark writes a folder; one partition gives one part file, which becomes the requested file. Rows are
   * counted from the folder before the move (a Parquet count reads only the footers).
   */
  static long parquet(Dataset<Row> table, Path file) throws IOException {
    Path folder = file.resolveSibling(file.getFileName().toString().replaceFirst("^\\.", "") + ".d");
    try {
      table.coalesce(1).write().mode("overwrite").parquet(folder.toUri().toString());
      long rows = table.sparkSession().read().parquet(folder.toUri().toString()).count();
      try (Stream<Path> files = Files.list(folder)) {
        List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
            && p.getFileName().toString().endsWith(".parquet")).toList();
        if (parts.size() != 1) {
          throw new IllegalStateException("expected one Parquet part file in " + folder + ", found " + parts.size());
        }
        Files.move(parts.get(0), file, StandardCopyOption.REPLACE_EXISTING);
      }
      return rows;
    } finally {
      deleteQuietly(folder);
    }
  }

  private static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary file is not worth failing an export that succeeded.
    }
  }
}
