package io.luister.jobs.privacy;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Finds raw personal values (handles, customer ids, e-mail addresses, phone numbers, IBANs) that should never
 * reach a table: every string column of a table is cut into address-like tokens, and the tokens are joined
 * with the known raw values, so the scan costs one pass over the table whatever the number of values.
 *
 * <p>How a value matches: a whole column value equal to it (a raw id or handle stored as a field, with or
 * without the '@'); or a token of the text equal to it (an e-mail, an id or an '@handle' inside a text; a bare
 * handle inside prose is not a match, since it is an ordinary word); phone numbers compare on their digits,
 * with spaces, dots, dashes and brackets between digits ignored.
 */
public final class PrivacyScan {
  private PrivacyScan() {}

  public static final StructType VALUES_SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false).add("value", DataTypes.StringType, false);

  private static final StructType TEXT_SCHEMA = new StructType().add("text", DataTypes.StringType);
  private static final StructType CELLS_SCHEMA = new StructType().add("table", DataTypes.StringType)
      .add("column", DataTypes.StringType).add("_row", DataTypes.LongType).add("text", DataTypes.StringType);

  public static final String PHONE = "phone";
  public static final String HANDLE = "handle";

  /** The values in the form the scan compares: lower case, trimmed; phones as digits (with a leading +). */
  static Dataset<Row> normalisedValues(Dataset<Row> values) {
    Column value = lower(trim(col("value")));
    Column normalised = when(col("kind").equalTo(PHONE), phoneDigits(value)).otherwise(value);
    Dataset<Row> direct = values.select(col("kind"), normalised.as("token"), lit(false).as("whole_only"));
    // A handle also leaks when a column holds it without its '@' (but that word alone in prose is no leak).
    Dataset<Row> bare = values.filter(col("kind").equalTo(HANDLE).and(value.startsWith("@")))
        .select(col("kind"), expr("substring(lower(trim(value)), 2)").as("token"), lit(true).as("whole_only"));
    return direct.unionByName(bare).filter(length(col("token")).geq(3)).distinct();
  }

  private static Column phoneDigits(Column text) {
    return regexp_replace(text, "(?<=[0-9+])[\\s().-]+(?=[0-9])", "");
  }

  /** The string columns of a schema (arrays of strings joined), as (column, text) pairs. */
  static List<Column> textColumns(StructType schema) {
    List<Column> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column text = null;
      if (f.dataType().equals(DataTypes.StringType)) {
        text = col(quote(f.name()));
      } else if (f.dataType() instanceof ArrayType a && a.elementType().equals(DataTypes.StringType)) {
        text = array_join(col(quote(f.name())), " ");
      }
      if (text != null) {
        out.add(struct(lit(f.name()).as("column"), text.as("text")));
      }
    }
    return out;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * Hits of the values in one table: (table, column, kind, rows) per column and kind of value found; empty
   * when the table is clean.
   */
  public static Dataset<Row> scan(SparkSession spark, Dataset<Row> table, String tableName, Dataset<Row> values) {
    return hits(cells(spark, table, tableName), values);
  }

  /**
   * The text cells of a table as (table, column, _row, text), lower case. The cells of many tables and files
   * can be unioned and searched by one {@link #hits} join: one job rather than one per table.
   */
  public static Dataset<Row> cells(SparkSession spark, Dataset<Row> table, String tableName) {
    List<Column> columns = textColumns(table.schema());
    if (columns.isEmpty()) {
      return spark.createDataFrame(List.of(), CELLS_SCHEMA);
    }
    return table
        .withColumn("_row", monotonically_increasing_id())
        .select(col("_row"), explode(array(columns.toArray(Column[]::new))).as("cell"))
        .select(lit(tableName).as("table"), col("cell.column").as("column"), col("_row"),
            lower(col("cell.text")).as("text"))
        .filter(col("text").isNotNull());
  }

  /** Hits of the values in the cells: (table, column, kind, rows), one row per table, column and kind found. */
  public static Dataset<Row> hits(Dataset<Row> cells, Dataset<Row> values) {
    Column addressLike = expr("regexp_extract_all(text, '[\\\\p{L}\\\\p{N}@._+-]{3,}', 0)");
    Column phoneLike = expr("regexp_extract_all(regexp_replace(text, '(?<=[0-9+])[\\\\s().-]+(?=[0-9])', ''), "
        + "'\\\\+?[0-9]{8,}', 0)");
    // The first path segment of a URL names an account on most platforms (x.com/name/status/..., instagram.com/name,
    // tiktok.com/@name): there a bare handle is a leak, as it is when it is a whole cell.
    Column urlAccount = expr("regexp_extract_all(text, 'https?://[^/\\\\s]+/@?([\\\\p{L}\\\\p{N}._-]{3,})', 1)");
    // One pass over the cells: the whole cell, URL accounts (both compared whole) and the address- or phone-like
    // words in it.
    Column candidates = concat(array(struct(lit(true).as("whole"), trim(col("text")).as("token"))),
        transform(urlAccount, t -> struct(lit(true).as("whole"), t.as("token"))),
        transform(array_union(addressLike, phoneLike), t -> struct(lit(false).as("whole"), t.as("token"))));
    Dataset<Row> tokens = cells
        .select(col("table"), col("column"), col("_row"), explode(candidates).as("candidate"))
        .select(col("table"), col("column"), col("_row"), col("candidate.whole").as("whole"),
            regexp_replace(col("candidate.token"), "[._-]+$", "").as("token"));
    Dataset<Row> known = broadcast(normalisedValues(values));
    return tokens.join(known, "token")
        .filter(col("whole").or(not(col("whole_only"))))
        .groupBy(col("table"), col("column"), col("kind"))
        .agg(countDistinct(col("_row")).as("rows"))
        .select(col("table"), col("column"), col("kind"), col("rows"))
        .orderBy("table", "column", "kind");
  }

  /**
   * A Delta table's transaction log as rows of one text column: every commit file line by line, and every
   * checkpoint's rows as JSON (their per-file statistics carry column values).
   */
  public static Dataset<Row> deltaLogText(SparkSession spark, String tablePath) {
    String log = tablePath + "/_delta_log";
    Dataset<Row> text = spark.createDataFrame(List.of(), TEXT_SCHEMA);
    try {
      org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(log);
      org.apache.hadoop.fs.FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> commits = new ArrayList<>();
      List<String> checkpoints = new ArrayList<>();
      org.apache.hadoop.fs.FileStatus[] files = fs.exists(folder) ? fs.listStatus(folder) : new org.apache.hadoop.fs.FileStatus[0];
      for (org.apache.hadoop.fs.FileStatus f : files) {
        String name = f.getPath().getName();
        if (f.isFile() && name.endsWith(".json")) {
          commits.add(f.getPath().toString());
        } else if (f.isFile() && name.contains(".checkpoint") && name.endsWith(".parquet")) {
          checkpoints.add(f.getPath().toString());
        }
      }
      if (!commits.isEmpty()) {
        text = text.unionByName(spark.read().text(commits.toArray(String[]::new)).toDF("text"));
      }
      if (!checkpoints.isEmpty()) {
        text = text.unionByName(spark.read().parquet(checkpoints.toArray(String[]::new))
            .select(to_json(struct(col("*"))).as("text")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
    return text;
  }

  /**
   * An output file as rows of one text column, so {@link #scan} reads it like a table: parquet as its columns,
   * xlsx as the text of its sheets (see {@link #xlsxText}), pdf as the text of its pages, anything
   * else (csv, json, html, txt) line by line as UTF-8.
   */
  public static Dataset<Row> fileText(SparkSession spark, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return spark.read().parquet(file.toString());
    }
    if (name.endsWith(".xlsx")) {
      return spark.createDataFrame(xlsxText(file), TEXT_SCHEMA);
    }
    if (name.endsWith(".pdf")) {
      return spark.createDataFrame(pdfText(file), TEXT_SCHEMA);
    }
    return spark.read().text(file.toString()).withColumnRenamed("value", "text");
  }

  /**
   * The text of a workbook as fastexcel reads it: a row per sheet name and a row per sheet row, its cells' texts
   * (shared strings resolved, entities decoded) joined by tabs, as a CSV line is one row of text.
   */
  static List<Row> xlsxText(Path file) {
    List<Row> rows = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        rows.add(RowFactory.create(sheet.getName()));
        try (Stream<org.dhatim.fastexcel.reader.Row> sheetRows = sheet.openStream()) {
          sheetRows.forEach(row -> rows.add(RowFactory.create(row.stream().filter(Objects::nonNull)
              .map(cell -> cell.getText()).collect(Collectors.joining("\t")))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the workbook " + file, e);
    }
    return rows;
  }

  /** The text of a PDF (a report), a row per page, as PDFBox extracts it. */
  static List<Row> pdfText(Path file) {
    List<Row> rows = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        rows.add(RowFactory.create(stripper.getText(pdf)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the PDF " + file, e);
    }
    return rows;
  }

  public static StructType hitsSchema() {
    return new StructType().add("table", DataTypes.StringType).add("column", DataTypes.StringType)
        .add("kind", DataTypes.StringType).add("rows", DataTypes.LongType);
  }

  /**
   * Reads "kind<TAB>value" lines (blank lines and # comments skipped).
   *
   * @param file the values file the lines come from, named in the error about a line without a tab
   */
  public static List<Row> parseValues(String file, List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        // The file is the user's list of values to look for, given with --values: theirs to fix (exit 2).
        throw ConfigException.option("--values " + file + ", line " + number
            + ": expected 'kind<TAB>value', got a line without a tab");
      }
      rows.add(RowFactory.create(line.substring(0, tab).trim().toLowerCase(Locale.ROOT),
          line.substring(tab + 1)));
    }
    return rows;
  }
}
