package io.luister.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.Rows;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class ExportTest {
  static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType, false, "The quarter.")
      .add("text", DataTypes.StringType, true, "Masked text.")
      .add("score", DataTypes.DoubleType, true, "A score.")
      .add("n", DataTypes.LongType, true, "A count.")
      .add("tags", DataTypes.createArrayType(DataTypes.StringType), true, "Tokens.");
  static final List<String> TEXTS = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1 for webcare",
      "-2 in text", "@SUM(A1:A9)", "say \"hi\", then\nleave", "Zonnewijs ☀ café", "plain");

  static SparkSession spark;
  static Dataset<Row> q3;
  static Warehouse warehouse;

  @BeforeAll
  static void warehouse() {
    spark = TestSpark.session();
    warehouse = new Warehouse(TestSpark.tempDir("export-wh").toString());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      rows.add(RowFactory.create("2026-Q3", TEXTS.get(i), -1.5 * i, (long) -i,
          CollectionConverters.asScala(List.of("t" + i, "=x")).toSeq()));
    }
    rows.add(RowFactory.create("2026-Q2", "older", 1.0, 1L, null));
    warehouse.replacePartitions(spark.createDataFrame(rows, SCHEMA), Layer.GOLD, "mentions", "period");
    q3 = ServeFrames.slice(warehouse.read(spark, Layer.GOLD, "mentions"), "2026-Q3");
  }

  @Test
  void csvRoundTripsWithFormulasNeutralisedAndNumbersUntouched() throws Exception {
    Path out = TestSpark.tempDir("export").resolve("sub/mentions.csv");
    assertEquals(TEXTS.size(), TableExport.export(q3, TableExport.Format.csv, out, "mentions"));
    String raw = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(raw.startsWith("period,text,score,n,tags\r\n"), raw);
    assertTrue(raw.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), raw);
    assertTrue(raw.contains(",-3.0,-2,"), "numbers are never prefixed: " + raw);

    Dataset<Row> back = spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
        .option("inferSchema", false).csv(out.toString()).select("text", "score", "n", "tags");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      expected.add(CsvCells.neutralise(TEXTS.get(i)) + "|" + (-1.5 * i) + "|" + (-i) + "|[\"t" + i + "\",\"=x\"]");
    }
    Rows.assertRows("the csv read back by Spark", back, expected);
    assertTrue(expected.contains("'-2 in text|-3.0|-2|[\"t2\",\"=x\"]"), expected.toString());
  }

  @Test
  void xlsxOpensWithTypedNumbersAndNeutralisedText() throws Exception {
    Path out = TestSpark.tempDir("export").resolve("mentions.xlsx");
    assertEquals(TEXTS.size(), TableExport.export(q3, TableExport.Format.xlsx, out, "mentions"));
    try (ReadableWorkbook workbook = new ReadableWorkbook(new File(out.toString()))) {
      List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
      assertEquals(TEXTS.size() + 1, rows.size());
      assertEquals("text", rows.get(0).getCellAsString(1).orElseThrow());
      TreeSet<String> texts = new TreeSet<>();
      for (org.dhatim.fastexcel.reader.Row row : rows.subList(1, rows.size())) {
        texts.add(row.getCellAsString(1).orElseThrow());
        Cell score = row.getCell(2);
        assertEquals(CellType.NUMBER, score.getType(), "scores are numbers, never text");
        assertTrue(((BigDecimal) score.getValue()).signum() <= 0);
      }
      TreeSet<String> expected = new TreeSet<>();
      TEXTS.forEach(t -> expected.add(CsvCells.neutralise(t)));
      assertEquals(expected, texts);
    }
  }

  @Test
  void parquetIsOneFileSparkReadsWithTheSameRows() throws Exception {
    Path out = TestSpark.tempDir("export").resolve("mentions.parquet");
    assertEquals(TEXTS.size(), TableExport.export(q3, TableExport.Format.parquet, out, "mentions"));
    assertTrue(Files.isRegularFile(out));
    Dataset<Row> back = spark.read().parquet(out.toString());
    assertEquals(SCHEMA.fieldNames().length, back.schema().fieldNames().length);
    Rows.assertRows("the parquet file read back: the same rows, untouched", back, Rows.sortedLines(q3));
    try (var files = Files.list(out.getParent())) {
      assertEquals(List.of("mentions.parquet"), files.map(p -> p.getFileName().toString()).toList(), "no leftovers");
    }
  }

  @Test
  void theCommandExportsOnePeriodAndRefusesUnknownTablesListingTheKnownOnes() throws Exception {
    String config = CliRunner.config();
    Path out = TestSpark.tempDir("export").resolve("q2.csv");
    CliRunner.Result ok = CliRunner.run("export", "--config", config, "--warehouse", warehouse.root(),
        "--table", "gold.mentions", "--period", "2026-Q2", "--out", out.toString());
    assertEquals(0, ok.code(), ok.printed());
    assertEquals("period,text,score,n,tags\r\n2026-Q2,older,1.0,1,\r\n", Files.readString(out));
    CliRunner.Result unknown = CliRunner.run("export", "--config", config, "--warehouse", warehouse.root(),
        "--table", "gold.nope", "--format", "xlsx");
    assertEquals(io.luister.jobs.cli.Luister.EXIT_CONFIG, unknown.code());
    assertTrue(unknown.printed().contains("no table 'gold.nope'") && unknown.printed().contains("gold.mentions"),
        unknown.printed());
    assertEquals(io.luister.jobs.cli.Luister.EXIT_CONFIG, CliRunner.run("export", "--config", config, "--warehouse",
        warehouse.root(), "--table", "gold.mentions", "--format", "ods").code());
  }

  @Test
  void aWholeLayerGoesToOneFileATableInTheOutFolder() throws Exception {
    warehouse.replacePartitions(q3.select("period", "text"), Layer.GOLD, "texts", "period");
    Path folder = TestSpark.tempDir("export-layer").resolve("exports");
    CliRunner.Result ok = CliRunner.run("export", "--config", CliRunner.config(), "--warehouse", warehouse.root(),
        "--table", "gold.*", "--period", "2026-Q2", "--out", folder.toString());
    assertEquals(0, ok.code(), ok.printed());
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of("mentions-2026-Q2.csv", "texts-2026-Q2.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("period,text\r\n", Files.readString(folder.resolve("texts-2026-Q2.csv")), "no Q2 rows, a header");
  }

  @Test
  void anEmptyPeriodIsRefusedAndAnExistingFolderAsOutGetsTheFileUnderItsOwnName() throws Exception {
    String config = CliRunner.config();
    Path dir = TestSpark.tempDir("export-out");
    CliRunner.Result none = CliRunner.run("export", "--config", config, "--warehouse", warehouse.root(),
        "--table", "gold.mentions", "--period", "2025-Q1", "--out", dir.resolve("none.csv").toString());
    assertEquals(io.luister.jobs.cli.Luister.EXIT_DATA, none.code(), "a quarter without rows: " + none.printed());
    assertFalse(Files.exists(dir.resolve("none.csv")), "nothing written for a quarter without rows");
    assertEquals(io.luister.jobs.cli.Luister.EXIT_CONFIG, CliRunner.run("export", "--config", config, "--warehouse",
        warehouse.root(), "--table", "gold.mentions", "--period", "2026Q2").code(), "a badly formed period");

    Path folder = Files.createDirectories(dir.resolve("existing"));
    CliRunner.Result ok = CliRunner.run("export", "--config", config, "--warehouse", warehouse.root(),
        "--table", "gold.mentions", "--period", "2026-Q2", "--out", folder.toString());
    assertEquals(0, ok.code(), ok.printed());
    assertEquals("period,text,score,n,tags\r\n2026-Q2,older,1.0,1,\r\n",
        Files.readString(folder.resolve("mentions-2026-Q2.csv")), "the file in the folder, under its own name");
    assertEquals(io.luister.jobs.cli.Luister.EXIT_CONFIG, CliRunner.run("export", "--config", config, "--warehouse",
        warehouse.root(), "--table", "gold.*", "--out", folder.resolve("mentions-2026-Q2.csv").toString()).code(),
        "several tables into a file");
  }
}
