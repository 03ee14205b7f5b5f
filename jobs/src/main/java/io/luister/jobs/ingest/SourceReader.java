package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.FormatOptions;
import io.luister.common.config.SourceConfig;
import io.luister.common.config.SourceFormat;
import io.luister.common.schema.CanonicalField;
import io.luister.common.schema.CanonicalSchemas;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.LuisterInfrastructureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source's files as they are, in the configured format, keeping every record — including the
 * ones the parser cannot read, which come back with their raw text in {@link RawBatch#CORRUPT}.
 *
 * <p>CSV headers are read per file first: files whose headers differ (a column added, renamed or moved
 * between exports) are read as separate batches with their own layout, and every mapped column is looked
 * up by name in each, so a changed export is never silently mis-mapped by position.
 */
public final class SourceReader {
  private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);
  private static final String READ_ORDER = "_read_order";
  private static final String SPLIT = "_split";
  /** monotonically_increasing_id puts the partition index above the lower 33 bits. */
  private static final int SPLIT_BITS = 33;

  private final SparkSession spark;
  private final boolean numberRecords;
  private int emptyFiles;

  public SourceReader(SparkSession spark) {
    this(spark, true);
  }

  /**
   * @param numberRecords whether to add {@link RawBatch#FILE} and {@link RawBatch#RECORD}; numbering costs a
   *     second pass over the files, which the read-and-tokenise floor must not include
   */
  public SourceReader(SparkSession spark, boolean numberRecords) {
    this(spark, numberRecords, 0);
  }

  /**
   * @param sampleRecords when above 0, only the first this many records of each file are read (CSV and UTF-8 JSON
   *     lines on the driver, JSON and Parquet by Spark with a limit per file) and brought to the driver: the preflight
   *     {@code check} reads so in seconds. A JSON source's schema is still inferred from all of its files.
   */
  public SourceReader(SparkSession spark, boolean numberRecords, int sampleRecords) {
    this.spark = spark;
    this.numberRecords = numberRecords;
    this.sampleRecords = sampleRecords;
  }

  private final int sampleRecords;
  /** In sample mode, at most this many files are read. */
  public static final int MAX_SAMPLE_FILES = 20;

  public List<RawBatch> read(SourceConfig source) {
    return read(source, listFiles(source));
  }

  /** Reads the files of an earlier {@link #listFiles} (the preflight counts them first and must not list twice). */
  List<RawBatch> read(SourceConfig source, List<String> listed) {
    List<String> files = new ArrayList<>();
    if (sampleRecords > 0 && listed.size() > MAX_SAMPLE_FILES) {
      // A preflight sample: the first files (in name order) are enough to judge the settings.
      listed = listed.subList(0, MAX_SAMPLE_FILES);
    }
    for (String file : listed) {
      if (FileSniffer.sniff(source, file, spark.sparkContext().hadoopConfiguration())) {
        files.add(file);
      } else {
        emptyFiles++;
      }
    }
    if (files.isEmpty()) {
      throw new LuisterDataException("source '" + source.name() + "': no files with data match " + source.path()
          + (emptyFiles > 0 ? " (" + emptyFiles + " matching file(s) are empty, 0 bytes)" : ""));
    }
    return switch (source.format()) {
      case CSV -> readCsv(source, files);
      case JSON, JSONL -> List.of(readJson(source, files));
      case PARQUET -> readParquet(source, files);
    };
  }

  /** The data files a source's path names (a file, a folder, or a glob), skipping hidden files and empty ones. */
  List<String> listFiles(SourceConfig source) {
    List<String> files = new ArrayList<>();
    emptyFiles = 0;
    try {
      Path pattern = new Path(source.path());
      FileSystem fs = pattern.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] matches = fs.globStatus(pattern);
      if (matches == null) {
        return files;
      }
      for (FileStatus status : matches) {
        collect(fs, status, files, source);
      }
    } catch (IOException e) {
      // The storage failed to list (a timeout, a refused connection, missing permissions): nothing is known about the
      // export's data yet, so not a data error; a retry may succeed.
      throw new LuisterInfrastructureException("source '" + source.name() + "': cannot list " + source.path() + ": "
          + e.getMessage(), e);
    }
    files.sort(String::compareTo);
    return files;
  }

  private void collect(FileSystem fs, FileStatus status, List<String> files, SourceConfig source) throws IOException {
    String name = status.getPath().getName();
    if (name.startsWith(".") || name.startsWith("_")) {
      return;
    }
    if (status.isDirectory()) {
      for (FileStatus child : fs.listStatus(status.getPath())) {
        collect(fs, child, files, source);
      }
    } else if (status.getLen() == 0) {
      emptyFiles++;
      LOG.warn("source '{}': {} is empty (0 bytes); it holds no records", source.name(), status.getPath());
    } else {
      files.add(status.getPath().toString());
    }
  }

  private List<RawBatch> readCsv(SourceConfig source, List<String> files) {
    FormatOptions o = source.options();
    Map<List<String>, List<String>> filesByHeader = new LinkedHashMap<>();
    for (String file : files) {
      List<String> header = csvHeader(file, o);
      if (header.stream().allMatch(String::isEmpty)) {
        // A file of blank or whitespace-only lines has no layout; taken as one, it would refuse the whole source.
        LOG.warn("source '{}': {} has no {} line; it holds no records", source.name(), file, o.header() ? "header" : "data");
        continue;
      }
      if (!o.header()) {
        // Without a header the layout is the number of fields of the first record: _c0, _c1, ...
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          names.add("_c" + i);
        }
        header = names;
      }
      filesByHeader.computeIfAbsent(header, h -> new ArrayList<>()).add(file);
    }
    if (filesByHeader.size() > 1) {
      LOG.warn("source '{}': the files have {} different headers; each layout is mapped by column name: {}",
          source.name(), filesByHeader.size(), filesByHeader.keySet());
    }
    if (filesByHeader.isEmpty()) {
      throw new LuisterDataException("source '" + source.name() + "': every file matching " + source.path()
          + " is empty or blank (" + describeFiles(files) + "): there is nothing to ingest. Check the export.");
    }
    filesByHeader.forEach((header, group) -> checkHeader(source, header, group));
    if (o.header()) {
      filesByHeader.forEach((header, group) -> checkHeaderLooksLikeOne(source, header, group.get(0)));
    }
    List<RawBatch> batches = new ArrayList<>();
    filesByHeader.forEach((header, group) -> batches.add(csvBatch(source, group, header)));
    return batches;
  }

  /**
   * The records of files that share one layout, read by {@link CsvFileReader} (one Spark task per file, the lines
   * of each file accounted for), numbered within their file as they are read, then spread over the cores when there
   * are fewer files than cores.
   */
  private RawBatch csvBatch(SourceConfig source, List<String> files, List<String> header) {
    List<String> columns = uniqueNames(header);
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    schema = schema.add(RawBatch.CORRUPT, DataTypes.StringType, true)
        .add(RawBatch.PROBLEM, DataTypes.StringType, true)
        .add(RawBatch.FILE, DataTypes.StringType, false)
        .add(RawBatch.RECORD, DataTypes.LongType, false);
    CsvFileReader perFile = new CsvFileReader(source.options(), columns.size(), spark.sparkContext().hadoopConfiguration(),
        sampleRecords);
    Dataset<Row> frame;
    if (sampleRecords > 0) {
      List<Row> sample = new ArrayList<>();
      for (String file : files) {
        try {
          perFile.call(file).forEachRemaining(sample::add);
        } catch (java.io.IOException e) {
          throw new LuisterDataException("source '" + source.name() + "': cannot read " + file + ": " + e.getMessage(), e);
        }
      }
      frame = spark.createDataFrame(sample, schema);
    } else {
      org.apache.spark.api.java.JavaRDD<Row> rows = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
          .parallelize(files, files.size())
          .flatMap(perFile);
      int cores = spark.sparkContext().defaultParallelism();
      if (files.size() < cores) {
        // Parsing is one task per file, but the mapping after it (masking, pseudonyms, reasons) would stay on as
        // many cores as there are files until deduplication's shuffle: one core for a one-file source. The records
        // are numbered by the reader already, and nothing after it depends on their order.
        rows = rows.repartition(cores);
      }
      frame = spark.createDataFrame(rows, schema);
    }
    if (!numberRecords) {
      frame = frame.drop(RawBatch.FILE, RawBatch.RECORD);
    }
    return new RawBatch(frame, resolveMapping(source, frame.schema(), files), files);
  }

  /** The header (or, without one, the first record) of a CSV file, after options.skip_lines, BOM removed. */
  List<String> csvHeader(String file, FormatOptions o) {
    return CsvFileReader.header(file, o, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Two layouts that are never a changed export but a wrong setting, refused with what to set: NUL bytes in
   * the header (a UTF-16 file read as UTF-8), and one single column that contains another delimiter.
   */
  private static void checkHeader(SourceConfig source, List<String> header, List<String> files) {
    String where = "source '" + source.name() + "': " + describeFiles(files);
    if (String.join("", header).indexOf('\0') >= 0) {
      throw new LuisterDataException(where + ": the header line contains NUL bytes, so the file is not "
          + source.options().encoding() + " text; if it is UTF-16, set options.encoding: UTF-16");
    }
    if (header.size() == 1 && source.mapping().size() > 1) {
      for (String d : List.of(",", ";", "\t", "|")) {
        if (!d.equals(source.options().delimiter()) && header.get(0).contains(d)) {
          throw new LuisterDataException(where + ": the header line is one column '" + shorten(header.get(0))
              + "' that contains '" + d.replace("\t", "\\t") + "'; the file is probably separated by that, not by '"
              + source.options().delimiter() + "': set options.delimiter");
        }
      }
    }
  }

  /**
   * When none of the mapped columns is in a file's header, the header is probably not the first line: a
   * preamble above it (a title, an unzip tool's notes) or no header at all. Looks at the first lines for the one
   * that holds the mapped names and says which {@code options.skip_lines} to set, or that the first line holds
   * values, not names.
   */
  private void checkHeaderLooksLikeOne(SourceConfig source, List<String> header, String file) {
    List<String> wanted = new ArrayList<>(source.mapping().values());
    if (wanted.isEmpty() || wanted.stream().anyMatch(header::contains)) {
      return;
    }
    FormatOptions o = source.options();
    String where = "source '" + source.name() + "': " + file + ": ";
    try (java.io.Reader in = CsvFileReader.open(file, o.encoding(), spark.sparkContext().hadoopConfiguration())) {
      CsvRecords records = new CsvRecords(in, CsvFileReader.format(o));
      records.skipLines(o.skipLines());
      for (int line = 0; line < 50; line++) {
        // Each line on its own: a preamble of one column must not make the header a record of the wrong width.
        records.expectFields(-1);
        CsvRecords.Record r = records.next();
        if (r == null) {
          break;
        }
        if (r.fields() != null && wanted.stream().filter(w -> java.util.Arrays.asList(stripped(r.fields())).contains(w))
            .count() * 2 >= wanted.size() && line > 0) {
          long skip = o.skipLines() + r.firstLine() - 1;
          throw new LuisterDataException(where + "the first line " + shorten(String.join(o.delimiter(), header))
              + " is not the header; the mapped column names are on line " + r.firstLine() + ": set options.skip_lines: "
              + skip + " (the lines above the header are dropped)");
        }
      }
    } catch (java.io.IOException e) {
      return;
    }
    boolean valuesLike = header.stream().filter(h -> h.matches("[-+0-9.,:/ TZ]+|.*@.*|.{60,}")).count() * 2 >= header.size();
    if (valuesLike) {
      throw new LuisterDataException(where + "the first line " + shorten(String.join(o.delimiter(), header))
          + " looks like a record, not a header (values, not column names), and no mapped column ("
          + wanted + ") is in it: if the file has no header, set options.header: false and map the columns as _c0, _c1, ...;"
          + " if there are lines above the header, set options.skip_lines");
    }
  }

  private static String[] stripped(String[] fields) {
    String[] out = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = fields[i] == null ? "" : fields[i].strip();
    }
    return out;
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** Empty or repeated header names would make columns unaddressable: name them by position instead. */
  private static List<String> uniqueNames(List<String> header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String n = header.get(i).isEmpty() ? "_c" + i : header.get(i);
      names.add(names.contains(n) ? n + "_" + (i + 1) : n);
    }
    return names;
  }

  private RawBatch readJson(SourceConfig source, List<String> files) {
    FormatOptions o = source.options();
    if (source.format() == SourceFormat.JSONL && !o.multiline()
        && java.nio.charset.Charset.forName(o.encoding()).equals(java.nio.charset.StandardCharsets.UTF_8)) {
      return readJsonLines(source, files);
    }
    java.util.function.Supplier<org.apache.spark.sql.DataFrameReader> json = () -> spark.read()
        .option("multiLine", o.multiline() || source.format() == SourceFormat.JSON)
        .option("encoding", o.encoding())
        .option("primitivesAsString", true)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", RawBatch.CORRUPT);
    Dataset<Row> rows = json.get().json(files.toArray(String[]::new));
    if (List.of(rows.columns()).stream().allMatch(RawBatch.CORRUPT::equals)) {
      throw new LuisterDataException("source '" + source.name() + "': not one record in " + describeFiles(files)
          + " is a JSON object (the files are blank or every record is broken); check the export and options.multiline");
    }
    boolean parserHasCorruptColumn = List.of(rows.columns()).contains(RawBatch.CORRUPT);
    StructType inferred = rows.schema();
    java.util.function.Function<Dataset<Row>, Dataset<Row>> withCorrupt = frame -> parserHasCorruptColumn ? frame
        : frame.withColumn(RawBatch.CORRUPT, lit(null).cast("string"));
    rows = withCorrupt.apply(rows);
    Dataset<Row> read = sampleRecords > 0
        ? sampled(files, file -> withCorrupt.apply(json.get().schema(inferred).json(file)), rows.schema())
        : numbered(rows);
    return new RawBatch(read, resolveMapping(source, rows.schema(), files), files);
  }

  /**
   * The preflight's sample of a format Spark reads (JSON, Parquet): the first {@code sampleRecords} records of each
   * file, brought to the driver (bounded: at most {@link #MAX_SAMPLE_FILES} files) and numbered there by their
   * position, so the sample neither holds a whole source nor needs the numbering's pass over every file.
   *
   * @param readFile one file's records, with the columns of {@code schema}
   */
  private Dataset<Row> sampled(List<String> files, java.util.function.Function<String, Dataset<Row>> readFile,
      StructType schema) {
    List<Row> sample = new ArrayList<>();
    for (String file : files) {
      // limit + collect takes the first partitions in order, so these are the file's first records, in file order.
      List<Row> head = readFile.apply(file).limit(sampleRecords).collectAsList();
      for (int i = 0; i < head.size(); i++) {
        Row record = head.get(i);
        if (!numberRecords) {
          sample.add(record);
          continue;
        }
        Object[] values = new Object[record.size() + 2];
        for (int c = 0; c < record.size(); c++) {
          values[c] = record.get(c);
        }
        values[record.size()] = file;
        values[record.size() + 1] = (long) (i + 1);
        sample.add(org.apache.spark.sql.RowFactory.create(values));
      }
    }
    StructType out = numberRecords
        ? schema.add(RawBatch.FILE, DataTypes.StringType, false).add(RawBatch.RECORD, DataTypes.LongType, false)
        : schema;
    return spark.createDataFrame(sample, out);
  }

  /**
   * JSON lines read line by line, so that every line that is not blank is one record, counted: Spark's JSON
   * reader turned a {@code []} line into no record at all (counted nowhere) and could not read an object with a
   * byte-order mark in front. A line that is not a JSON object (an array, a number, a fragment) is a malformed
   * record; the record number is the line number.
   */
  private RawBatch readJsonLines(SourceConfig source, List<String> files) {
    String line = "_line";
    Dataset<Row> asRead;
    Dataset<Row> lines;
    if (sampleRecords > 0) {
      List<Row> sample = new ArrayList<>();
      for (String file : files) {
        try (java.io.BufferedReader in = new java.io.BufferedReader(
            CsvFileReader.open(file, source.options().encoding(), spark.sparkContext().hadoopConfiguration()))) {
          String text;
          for (long n = 1; n <= sampleRecords && (text = in.readLine()) != null; n++) {
            sample.add(org.apache.spark.sql.RowFactory.create(text, file, n));
          }
        } catch (java.io.IOException e) {
          throw new LuisterDataException("source '" + source.name() + "': cannot read " + file + ": " + e.getMessage(), e);
        }
      }
      lines = spark.createDataFrame(sample, new StructType().add(line, DataTypes.StringType)
          .add(RawBatch.FILE, DataTypes.StringType).add(RawBatch.RECORD, DataTypes.LongType));
      asRead = lines;
    } else {
      asRead = spark.read().text(files.toArray(String[]::new)).withColumnRenamed("value", line);
      lines = numbered(asRead);
    }
    Column withoutBom = regexp_replace(col(line), "^\uFEFF", "");
    Column notBlank = col(line).rlike("\\S");
    Column isObject = col(line).rlike("^\\s*\\{");
    lines = lines.withColumn(line, withoutBom).filter(notBlank);
    // Inferred from the text as read, not from the numbered lines: the inference job would run the numbering's
    // aggregation over every file as well.
    Dataset<String> objects = asRead.withColumn(line, withoutBom).filter(notBlank.and(isObject)).select(col(line))
        .as(org.apache.spark.sql.Encoders.STRING());
    StructType inferred = spark.read().option("primitivesAsString", true).option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", RawBatch.CORRUPT).json(objects).schema();
    if (java.util.Arrays.stream(inferred.fieldNames()).allMatch(RawBatch.CORRUPT::equals)) {
      throw new LuisterDataException("source '" + source.name() + "': not one record in " + describeFiles(files)
          + " is a JSON object (the files are blank or every record is broken); check the export and options.multiline");
    }
    if (!java.util.Arrays.asList(inferred.fieldNames()).contains(RawBatch.CORRUPT)) {
      inferred = inferred.add(RawBatch.CORRUPT, DataTypes.StringType, true);
    }
    Column parsed = from_json(col(line), inferred,
        Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", RawBatch.CORRUPT));
    List<Column> out = new ArrayList<>();
    for (String f : inferred.fieldNames()) {
      if (f.equals(RawBatch.CORRUPT)) {
        // A line that is not an object is kept whole; a broken object keeps the text the parser gives back.
        out.add(when(not(isObject), col(line)).otherwise(coalesce(col("_json").getField(f),
            when(col("_json").isNull(), col(line)))).as(f));
      } else {
        out.add(when(isObject, col("_json").getField(f)).as(f));
      }
    }
    out.add(when(not(isObject), lit("the line is not a JSON object (a JSON lines file holds one object per line;"
        + " this one is an array, a plain value or a fragment)")).as(RawBatch.PROBLEM));
    if (numberRecords) {
      out.add(col(RawBatch.FILE));
      out.add(col(RawBatch.RECORD));
    }
    Dataset<Row> rows = lines.withColumn("_json", parsed).select(out.toArray(Column[]::new));
    return new RawBatch(rows, resolveMapping(source, rows.schema(), files), files);
  }

  /**
   * Parquet files are grouped by their own schema, as CSV files are by header: read together, every file
   * would be read with the first file's types, and a column that changed type between exports fails deep
   * inside Spark. Each group is mapped by its own types and parsed into the canonical ones.
   */
  private List<RawBatch> readParquet(SourceConfig source, List<String> files) {
    Map<StructType, List<String>> filesBySchema = new LinkedHashMap<>();
    for (String file : files) {
      filesBySchema.computeIfAbsent(spark.read().parquet(file).schema(), s -> new ArrayList<>()).add(file);
    }
    if (filesBySchema.size() > 1) {
      LOG.warn("source '{}': the Parquet files have {} different schemas; each is mapped by column name and parsed: {}",
          source.name(), filesBySchema.size(), filesBySchema.keySet().stream().map(StructType::simpleString).toList());
    }
    List<RawBatch> batches = new ArrayList<>();
    filesBySchema.forEach((schema, group) -> {
      Dataset<Row> rows = spark.read().schema(schema).parquet(group.toArray(String[]::new))
          .withColumn(RawBatch.CORRUPT, lit(null).cast("string"));
      Dataset<Row> read = sampleRecords > 0
          ? sampled(group, file -> spark.read().schema(schema).parquet(file).withColumn(RawBatch.CORRUPT,
              lit(null).cast("string")), rows.schema())
          : numbered(rows);
      batches.add(new RawBatch(read, resolveMapping(source, rows.schema(), group), group));
    });
    return batches;
  }

  /**
   * Adds the file and the 1-based record number within it, without moving the records: a window over the file
   * would shuffle every record and put a whole file into one task (one core for a one-file source).
   *
   * <p>Records keep their file order within a split, and a file's splits are read in offset order, so
   * monotonically_increasing_id (the split's index in its upper bits, the position in the split below) orders a
   * file's records. A second, aggregating pass over the same files counts each file's records per split; a
   * record's number is the count of its file's records in earlier splits plus its position in its own. That pass
   * reads the same columns as the main one, so the parser sees the same records, and its result is one small
   * row per split, which is broadcast.
   */
  private Dataset<Row> numbered(Dataset<Row> rows) {
    if (!numberRecords) {
      return rows;
    }
    Dataset<Row> ordered = rows
        .withColumn(RawBatch.FILE, col("_metadata.file_path"))
        .withColumn(READ_ORDER, monotonically_increasing_id())
        .withColumn(SPLIT, shiftright(col(READ_ORDER), SPLIT_BITS));
    Column[] everyColumn = java.util.Arrays.stream(rows.columns()).map(c -> col(quote(c))).toArray(Column[]::new);
    Dataset<Row> splits = ordered
        .groupBy(col(RawBatch.FILE), col(SPLIT))
        // xxhash64 over every column keeps them all in the scan, as in the main pass: a pruned CSV scan could
        // parse a broken line into a different number of records.
        .agg(count(lit(1)).as("_records"), min(col(READ_ORDER)).as("_first"), max(xxhash64(everyColumn)).as("_unused"))
        .withColumn("_before", coalesce(sum(col("_records")).over(Window.partitionBy(RawBatch.FILE).orderBy(SPLIT)
            .rowsBetween(Window.unboundedPreceding(), -1)), lit(0L)))
        .select(col(RawBatch.FILE), col(SPLIT), col("_before"), col("_first"));
    return ordered.join(broadcast(splits), new String[] {RawBatch.FILE, SPLIT})
        .withColumn(RawBatch.RECORD, col("_before").plus(col(READ_ORDER)).minus(col("_first")).plus(1L))
        .drop(READ_ORDER, SPLIT, "_before", "_first");
  }

  /**
   * Finds each mapped field's column in a layout: an exact column name first (CSV headers may contain
   * dots), then a nested path ({@code user.handle}). A mapped column that is absent is an error naming the
   * files, the column and the columns that are there.
   */
  static Map<String, String> resolveMapping(SourceConfig source, StructType schema, List<String> files) {
    Map<String, String> resolved = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (CanonicalField field : CanonicalSchemas.fieldsOf(source.type())) {
      String wanted = source.mapping().get(field.name());
      if (wanted == null) {
        continue;
      }
      Optional<String> path = findColumn(schema, wanted);
      if (path.isPresent()) {
        resolved.put(field.name(), path.get());
      } else if (source.format().isJson() && !field.required()) {
        // A JSON schema is inferred from the records: an optional field no record has is simply absent.
        LOG.warn("source '{}': no record in {} has '{}' (mapping.{}); the field stays empty", source.name(),
            describeFiles(files), wanted, field.name());
      } else {
        missing.add("mapping." + field.name() + " names '" + wanted + "'" + closest(wanted, schema));
      }
    }
    if (!missing.isEmpty()) {
      List<String> present = new ArrayList<>();
      for (StructField f : schema.fields()) {
        if (!f.name().startsWith("_")) {
          present.add(f.name());
        }
      }
      throw new LuisterDataException("source '" + source.name() + "': " + String.join("; ", missing)
          + ", but that column is not in " + describeFiles(files) + ". Columns there: " + present
          + ". If the export changed, update the source's mapping in the config.");
    }
    return resolved;
  }

  static Optional<String> findColumn(StructType schema, String wanted) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(wanted)) {
        return Optional.of(quote(f.name()));
      }
    }
    String[] parts = wanted.split("\\.");
    StructType current = schema;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      StructField found = null;
      for (StructField f : current.fields()) {
        if (f.name().equals(parts[i])) {
          found = f;
        }
      }
      if (found == null) {
        return Optional.empty();
      }
      path.append(i == 0 ? "" : ".").append(quote(found.name()));
      if (i < parts.length - 1) {
        if (!(found.dataType() instanceof StructType st)) {
          return Optional.empty();
        }
        current = st;
      }
    }
    return Optional.of(path.toString());
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String closest(String wanted, StructType schema) {
    LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (StructField f : schema.fields()) {
      int dist = d.apply(wanted.toLowerCase(), f.name().toLowerCase());
      if (dist < bestD) {
        bestD = dist;
        best = f.name();
      }
    }
    return best != null && bestD <= Math.max(2, wanted.length() / 3) ? " (did you mean '" + best + "'?)" : "";
  }

  private static String describeFiles(List<String> files) {
    return files.size() == 1 ? files.get(0) : files.size() + " files (" + files.get(0) + ", ...)";
  }
}
