package io.luister.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.serve.CliRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class EraseTest {
  private static final Pseudonymizer KEYS = new Pseudonymizer(CliRunner.TEST_KEY);
  private static final String JAN = KEYS.author("@Jan_Jansen");
  private static final String PIET = KEYS.author("@piet");
  private static final String CUSTOMER = KEYS.customer("C-42");
  private static final String OTHER_CUSTOMER = KEYS.customer("C-7");

  @Test
  void rowsOfMatchesAuthorsCustomersAndTheirItemsButNeverNulls() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> rows = frame(spark, "feedback_id STRING, author STRING, customer_id STRING",
        row("s:1", JAN, null), row("s:2", PIET, null), row("c:1", null, CUSTOMER), row("c:2", null, null),
        row("x:9", null, OTHER_CUSTOMER));
    Erasure.Person person = new Erasure.Person(Set.of(JAN), Set.of(CUSTOMER), Set.of("x:9"));
    Column theirs = Erasure.rowsOf(rows.schema(), person).orElseThrow();
    assertEquals(Set.of("s:1", "c:1", "x:9"), ids(rows.filter(theirs)));
    assertEquals(Set.of("s:2", "c:2"), ids(rows.filter(org.apache.spark.sql.functions.not(theirs))));
    assertEquals(Optional.empty(), Erasure.rowsOf(frame(spark, "brand STRING, mentions BIGINT").schema(), person));
  }

  @Test
  void eraseRemovesThePersonFromEveryTableAndVacuumMakesItPhysical() throws java.io.IOException {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(TestSpark.tempDir("erase").resolve("wh").toString());
    write(warehouse, Layer.BRONZE, "social", frame(spark, "id STRING, author STRING, text STRING, period STRING",
        row("1", JAN, "storing weer", "2026-Q3"), row("2", PIET, "Hoi Jan, @jan_jansen heeft gelijk", "2026-Q3"),
        row("3", null, "anoniem", "2026-Q3")));
    write(warehouse, Layer.OPS, "quarantine", frame(spark, "source STRING, raw_record STRING, reason STRING, period STRING",
        row("social", "{\"author\":\"" + JAN + "\",\"text\":\"dubbel\"}", "duplicate", "2026-Q3"),
        row("social", "{\"author\":\"" + PIET + "\"}", "duplicate", "2026-Q3"),
        row("contacts", "{}", "customer_id: '" + CUSTOMER + "' contains bytes that are not valid", "2026-Q3")));
    write(warehouse, Layer.BRONZE, "contacts", frame(spark, "id STRING, customer_id STRING, period STRING",
        row("1", CUSTOMER, "2026-Q3"), row("2", OTHER_CUSTOMER, "2026-Q3")));
    write(warehouse, Layer.SILVER, "feedback", frame(spark, "feedback_id STRING, author STRING, customer_id STRING, period STRING",
        row("social:1", JAN, null, "2026-Q3"), row("social:2", PIET, null, "2026-Q3"), row("social:3", null, null, "2026-Q3"),
        row("contacts:1", null, CUSTOMER, "2026-Q3"), row("contacts:2", null, OTHER_CUSTOMER, "2026-Q3")));
    write(warehouse, Layer.SILVER, "sentiment", frame(spark, "feedback_id STRING, sentiment STRING, period STRING",
        row("social:1", "negative", "2026-Q3"), row("social:2", "positive", "2026-Q3"), row("contacts:1", "neutral", "2026-Q3")));
    write(warehouse, Layer.GOLD, "theme_membership", frame(spark, "feedback_id STRING, theme_id STRING, period STRING",
        row("social:1", "t1", "2026-Q3"), row("social:3", "t1", "2026-Q3")));
    write(warehouse, Layer.GOLD, "critical_authors", frame(spark, "author STRING, author_class STRING, period STRING",
        row(JAN, "persistent_critic", "2026-Q3"), row(PIET, "promoter", "2026-Q3")));
    write(warehouse, Layer.GOLD, "customer_journeys", frame(spark, "customer STRING, contacts BIGINT, period STRING",
        row(CUSTOMER, 3L, "2026-Q3"), row(OTHER_CUSTOMER, 1L, "2026-Q3")));
    write(warehouse, Layer.GOLD, "share_of_voice", frame(spark, "brand STRING, mentions BIGINT, period STRING",
        row("Acme", 3L, "2026-Q3")));

    CliRunner.Result result = CliRunner.run("erase", "--config", CliRunner.config(), "--warehouse", warehouse.root(),
        "--author", "@Jan_Jansen", "--customer", "C-42", "--name", "Jan", "--vacuum");
    assertEquals(0, result.code(), result.printed());
    assertFalse(result.printed().contains("Jan_Jansen") || result.printed().contains("C-42"), result.printed());
    assertTrue(result.printed().contains("erase: 11 rows removed, 1 texts naming them masked"), result.printed());

    assertEquals(Set.of("2", "3"), ids(warehouse.read(spark, Layer.BRONZE, "social"), "id"));
    assertEquals(Set.of("2"), ids(warehouse.read(spark, Layer.BRONZE, "contacts"), "id"));
    assertEquals(Set.of("[name], [name] heeft gelijk".replaceFirst("^", "Hoi ")),
        ids(warehouse.read(spark, Layer.BRONZE, "social").filter("id = '2'"), "text"), "others' texts naming them");
    assertEquals(1, warehouse.read(spark, Layer.OPS, "quarantine").count(), "their quarantined records are gone");
    // The erasure's own commits hold no pseudonym, handle or name: rows were deleted through a join.
    int erasureCommits = 0;
    for (java.nio.file.Path log : deltaLogFiles(warehouse)) {
      String commit = log.toString().endsWith(".json") ? java.nio.file.Files.readString(log) : "";
      if (commit.contains("\"operation\":\"MERGE\"")) {
        erasureCommits++;
        for (String secret : List.of(JAN, CUSTOMER, "Jan_Jansen", "C-42", "(?:")) {
          assertFalse(commit.contains(secret), log + " holds " + secret + ": " + commit);
        }
      }
    }
    // --vacuum checkpoints each changed table's log and deletes the commits before: the last erase commit of each
    // of the 8 changed tables is what remains to check.
    assertTrue(erasureCommits >= 8, "the last erase commit of each changed table: " + erasureCommits);
    assertEquals(Set.of("social:2", "social:3", "contacts:2"), ids(warehouse.read(spark, Layer.SILVER, "feedback")));
    assertEquals(Set.of("social:2"), ids(warehouse.read(spark, Layer.SILVER, "sentiment")));
    assertEquals(Set.of("social:3"), ids(warehouse.read(spark, Layer.GOLD, "theme_membership")));
    assertEquals(Set.of(PIET), ids(warehouse.read(spark, Layer.GOLD, "critical_authors"), "author"));
    assertEquals(Set.of(OTHER_CUSTOMER), ids(warehouse.read(spark, Layer.GOLD, "customer_journeys"), "customer"));
    assertEquals(1, warehouse.read(spark, Layer.GOLD, "share_of_voice").count());
    // Nor does any file of the Delta logs: the first commits' add actions had the pseudonyms as column statistics.
    for (java.nio.file.Path log : deltaLogFiles(warehouse)) {
      String content = log.toString().endsWith(".parquet")
          ? String.join("\n", spark.read().parquet(log.toString()).toJSON().collectAsList())
          : java.nio.file.Files.readString(log);
      // Delta keeps a string statistic's first 32 characters: a pseudonym's prefix is as identifying.
      for (String secret : List.of(JAN.substring(0, 24), CUSTOMER.substring(0, 24))) {
        assertFalse(content.contains(secret), log + " still holds a pseudonym (prefix) of the erased person");
      }
    }
    // Physically gone: no data file of the table, current or old, still holds the person's rows.
    Dataset<Row> files = spark.read().option("recursiveFileLookup", "true").parquet(warehouse.path(Layer.BRONZE, "social"));
    assertEquals(0, files.filter(col("author").equalTo(JAN)).count());
    assertEquals(1, warehouse.read(spark, Layer.OPS, "runs").filter("stage = 'erase' AND rows_read > 0").select("source")
        .distinct().filter("source = 'bronze.social'").count());

    CliRunner.Result again = CliRunner.run("erase", "--config", CliRunner.config(), "--warehouse", warehouse.root(),
        "--author", "@Jan_Jansen", "--customer", "C-42");
    assertEquals(0, again.code(), again.printed());
    assertTrue(again.printed().contains("erase: 0 rows removed"), again.printed());
  }

  /** Every file of every table's Delta log (commits, checksums, checkpoints), not Hadoop's hidden .crc files. */
  private static List<java.nio.file.Path> deltaLogFiles(Warehouse warehouse) throws java.io.IOException {
    List<java.nio.file.Path> files = new java.util.ArrayList<>();
    for (Layer layer : Layer.values()) {
      java.nio.file.Path root = java.nio.file.Path.of(warehouse.root(), layer.folder());
      if (java.nio.file.Files.isDirectory(root)) {
        try (var walk = java.nio.file.Files.walk(root)) {
          walk.filter(f -> f.toString().contains("_delta_log") && java.nio.file.Files.isRegularFile(f)
              && !f.getFileName().toString().startsWith(".")).forEach(files::add);
        }
      }
    }
    return files;
  }

  private static void write(Warehouse warehouse, Layer layer, String table, Dataset<Row> rows) {
    warehouse.replacePartitions(rows, layer, table, "period");
  }

  private static Dataset<Row> frame(SparkSession spark, String ddl, Row... rows) {
    StructType schema = StructType.fromDDL(ddl);
    return spark.createDataFrame(Arrays.asList(rows), schema);
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static Set<String> ids(Dataset<Row> rows) {
    return ids(rows, "feedback_id");
  }

  private static Set<String> ids(Dataset<Row> rows, String column) {
    List<String> values = rows.select(col(column).cast(DataTypes.StringType)).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    return Set.copyOf(values);
  }
}
