package io.luister.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** Publishes a hand-made warehouse into a real PostgreSQL server and compares every row. */
class PublishTest {
  static final StructType MENTIONS = new StructType()
      .add("period", DataTypes.StringType, false, "The quarter, yyyy-Qn.")
      .add("category", DataTypes.StringType, true, "Unified category id.")
      .add("text", DataTypes.StringType, true, "Masked text of the item.")
      .add("tags", DataTypes.createArrayType(DataTypes.StringType), true, "Tokens.")
      .add("score", DataTypes.DoubleType, true, "A score.")
      .add("n", DataTypes.LongType, true, "A count.")
      .add("at", DataTypes.TimestampType, true, "When.")
      .add("meta", new StructType().add("channel", DataTypes.StringType).add("weight", DataTypes.DoubleType), true,
          "A nested value.");
  static final StructType REFERENCE = new StructType()
      .add("code", DataTypes.StringType, false, "A code.")
      .add("label", DataTypes.StringType, true, "Its label.");
  static final String[] HOSTILE = {"say \"hi\"; bye", "two\nlines\r\nand more", "Zonnewijs ☀ café — 😀",
      "=HYPERLINK(\"http://x\")", "", "\\.", "comma, and 'quote'", "-2"};

  static LocalPostgres pg;
  static SparkSession spark;
  static Warehouse warehouse;

  @BeforeAll
  static void start() throws Exception {
    pg = LocalPostgres.start();
    spark = TestSpark.session();
    warehouse = new Warehouse(TestSpark.tempDir("publish-wh").toString());
    writeMentions("2026-Q2", "q2");
    writeMentions("2026-Q3", "q3");
    writeReference("ok");
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  static void writeMentions(String period, String variant) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < HOSTILE.length; i++) {
      rows.add(RowFactory.create(period, i % 2 == 0 ? "billing" : null, HOSTILE[i] + (i == 4 ? "" : " " + variant),
          i == 3 ? null : CollectionConverters.asScala(List.of("a\"b", "c,d", variant)).toSeq(), i - 2.5, (long) -i,
          Timestamp.valueOf("2026-07-01 10:00:00"), RowFactory.create("social \"x\"", 0.5)));
    }
    warehouse.replaceWhere(spark.createDataFrame(rows, MENTIONS), Layer.GOLD, "mentions",
        "period = '" + period + "'", "period");
  }

  static void writeReference(String variant) {
    List<Row> rows = List.of(RowFactory.create("a", "label " + variant), RowFactory.create("b", "other"));
    spark.createDataFrame(rows, REFERENCE).write().format("delta").mode("overwrite")
        .save(warehouse.path(Layer.GOLD, "zz_reference"));
  }

  static List<PostgresPublisher.Published> publish(String period) throws SQLException {
    try (Connection c = pg.connect()) {
      return new PostgresPublisher("luister").publish(c, period, "test-run",
          GoldPublication.tables(spark, warehouse, period), p -> {});
    }
  }

  /** Delta rows of a period as comparable strings: text exact, tags as a list, numbers as numbers. */
  static TreeSet<String> deltaMentions(String period) {
    TreeSet<String> out = new TreeSet<>();
    Iterable<Row> rows = () -> warehouse.read(spark, Layer.GOLD, "mentions").filter("period = '" + period + "'").toLocalIterator();
    for (Row r : rows) {
      List<String> tags = r.isNullAt(3) ? null : CollectionConverters.asJava(r.<String>getSeq(3));
      out.add(String.join("|", r.getString(0), String.valueOf(r.getString(1)), r.getString(2), String.valueOf(tags),
          String.valueOf(r.getDouble(4)), String.valueOf(r.getLong(5)), r.getTimestamp(6).toInstant().toString()));
    }
    return out;
  }

  static TreeSet<String> pgMentions(String period) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement("SELECT period, category, text, "
        + "CASE WHEN tags IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(tags)) END, score, n, at "
        + "FROM luister.mentions WHERE period = ?")) {
      s.setString(1, period);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Array tags = rs.getArray(4);
          out.add(String.join("|", rs.getString(1), String.valueOf(rs.getString(2)), rs.getString(3),
              String.valueOf(tags == null ? null : Arrays.asList((String[]) tags.getArray())),
              String.valueOf(rs.getDouble(5)), String.valueOf(rs.getLong(6)), rs.getTimestamp(7).toInstant().toString()));
        }
      }
    }
    return out;
  }

  static long count(String sql) throws SQLException {
    try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void publishesPeriodsIdempotentlyAndRollsBackAFailedPublication() throws Exception {
    List<PostgresPublisher.Published> first = publish("2026-Q3");
    assertEquals(List.of("mentions=" + HOSTILE.length, "zz_reference=2"),
        first.stream().map(p -> p.table() + "=" + p.rows()).toList());
    assertEquals(deltaMentions("2026-Q3"), pgMentions("2026-Q3"), "every Q3 row, text exact");
    assertEquals(HOSTILE.length, count("SELECT count(*) FROM luister.mentions"));
    assertEquals(List.of("label ok", "other"), strings("SELECT label FROM luister.zz_reference ORDER BY code"));

    // The data dictionary travels as column comments; BI filters get indexes.
    assertEquals("Masked text of the item.", strings("SELECT col_description('luister.mentions'::regclass, "
        + "(SELECT attnum FROM pg_attribute WHERE attrelid = 'luister.mentions'::regclass AND attname = 'text'))").get(0));
    assertTrue(strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'luister' AND tablename = 'mentions'")
        .containsAll(List.of("mentions_period_idx", "mentions_category_idx")));
    assertEquals(List.of("jsonb", "jsonb"), strings("SELECT data_type FROM information_schema.columns WHERE "
        + "table_schema = 'luister' AND table_name = 'mentions' AND column_name IN ('tags', 'meta')"));
    assertEquals(HOSTILE.length, count("SELECT count(*) FROM luister.mentions WHERE meta->>'channel' = 'social \"x\"' "
        + "AND (meta->>'weight')::float8 = 0.5"), "structs arrive as JSON objects");

    // Again: the same rows, not twice as many.
    publish("2026-Q3");
    assertEquals(deltaMentions("2026-Q3"), pgMentions("2026-Q3"));
    assertEquals(HOSTILE.length, count("SELECT count(*) FROM luister.mentions"));
    assertEquals(2, count("SELECT count(*) FROM luister.zz_reference"));

    // A second period sits beside the first.
    publish("2026-Q2");
    assertEquals(deltaMentions("2026-Q2"), pgMentions("2026-Q2"));
    assertEquals(deltaMentions("2026-Q3"), pgMentions("2026-Q3"));
    assertEquals(2L * HOSTILE.length, count("SELECT count(*) FROM luister.mentions"));
    long publications = count("SELECT count(*) FROM luister.luister_publications");
    assertEquals(6, publications);

    // A failure in the last table's load (a constraint someone added in PostgreSQL) after the first table was
    // already replaced inside the transaction: everything rolls back, the previous publication stays.
    TreeSet<String> before = pgMentions("2026-Q3");
    writeMentions("2026-Q3", "changed");
    writeReference("forbidden");
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE luister.zz_reference ADD CONSTRAINT no_forbidden CHECK (label <> 'label forbidden')");
    }
    SQLException failure = assertThrows(SQLException.class, () -> publish("2026-Q3"));
    assertTrue(failure.getMessage().contains("no_forbidden"), failure.getMessage());
    assertEquals(before, pgMentions("2026-Q3"), "the failed publication left Q3 as it was");
    assertEquals(deltaMentions("2026-Q2"), pgMentions("2026-Q2"));
    assertEquals(List.of("label ok", "other"), strings("SELECT label FROM luister.zz_reference ORDER BY code"));
    assertEquals(publications, count("SELECT count(*) FROM luister.luister_publications"));
  }

  @Test
  void theViewsArePublishedOverTheRealGoldTablesAndAnswerAsInSpark() throws Exception {
    Warehouse gold = SqlViewsTest.goldWarehouse(spark, "publish-views-wh");
    for (String period : List.of("2026-Q2", "2026-Q3", "2026-Q3")) {
      try (Connection c = pg.connect()) {
        new PostgresPublisher("views").publish(c, period, "test-run", GoldPublication.tables(spark, gold, period), p -> {});
      }
    }
    assertEquals(SqlViews.NAMES.stream().sorted().toList(), strings("SELECT table_name FROM information_schema.views "
        + "WHERE table_schema = 'views' ORDER BY table_name"));
    assertEquals(List.of("severe", "mild"), strings("SELECT subject FROM views.latest_silences"),
        "the latest period's silences, most severe first, as in Spark (SqlViewsTest)");
    assertTrue(strings("SELECT obj_description('views.latest_silences'::regclass)").get(0)
        .startsWith("What do customers notably not talk about"));
  }

  @Test
  void privacyScanReadsThePublicationAndFindsAValueThatOnlyPostgresqlHolds() throws Exception {
    try (Connection c = pg.connect()) {
      new PostgresPublisher("scanned").publish(c, "2026-Q3", "test-run", GoldPublication.tables(spark, warehouse, "2026-Q3"),
          p -> {});
    }
    java.nio.file.Path values = TestSpark.tempDir("pg-scan").resolve("values.tsv");
    java.nio.file.Files.writeString(values, "email\tjan.jansen@example.org\n");
    String[] scan = {"privacy-scan", "--config", CliRunner.config(), "--warehouse", warehouse.root(), "--values",
        values.toString(), "--jdbc", pg.jdbcUrl(), "--user", "postgres", "--schema", "scanned"};
    CliRunner.Result clean = CliRunner.run(scan);
    assertEquals(0, clean.code(), clean.printed());
    assertTrue(clean.printed().contains("and 3 PostgreSQL tables scanned"), clean.printed());  // with luister_publications

    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO scanned.mentions (period, text) VALUES ('2026-Q3', 'mail me: Jan.Jansen@example.org')");
    }
    CliRunner.Result leak = CliRunner.run(scan);
    assertEquals(io.luister.jobs.cli.Luister.EXIT_DATA, leak.code(), leak.printed());
    assertTrue(leak.printed().matches("(?s).*postgresql:scanned\\.mentions\\s*\\|\\s*text\\s*\\|\\s*email\\s*\\|\\s*1.*"),
        leak.printed());
    assertTrue(!leak.printed().toLowerCase(java.util.Locale.ROOT).contains("jan.jansen"), "the value is never printed");
  }

  @Test
  void theCommandPublishesLogsRowsPerTableToOpsRunsAndNeverPrintsThePassword() throws Exception {
    String config = CliRunner.config();
    CliRunner.Result result = CliRunner.run("publish", "--config", config, "--warehouse", warehouse.root(),
        "--period", "2026-Q2", "--schema", "bi cli", "--jdbc", pg.jdbcUrl() + "?password=topsecret", "--user", "postgres");
    assertEquals(0, result.code(), result.printed());
    assertTrue(result.printed().contains("password=***") && !result.printed().contains("topsecret"), result.printed());
    assertTrue(result.printed().matches("(?s).*mentions\\s+" + HOSTILE.length + " rows.*"), result.printed());
    assertEquals(HOSTILE.length, count("SELECT count(*) FROM \"bi cli\".mentions WHERE period = '2026-Q2'"));
    List<Row> runs = warehouse.read(spark, Layer.OPS, "runs").filter("stage = 'publish' AND period = '2026-Q2'")
        .orderBy("source").collectAsList();
    assertEquals(List.of("mentions", "zz_reference"), runs.stream().map(r -> r.<String>getAs("source")).toList());
    assertEquals((long) HOSTILE.length, runs.get(0).<Long>getAs("rows_accepted"));
  }

  @Test
  void aPublicationThatCannotConnectExitsAsAnInfrastructureErrorAndIsLoggedAsFailed() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    CliRunner.Result result = CliRunner.run("publish", "--config", CliRunner.config(), "--warehouse", warehouse.root(),
        "--period", "2026-Q1", "--jdbc", "jdbc:postgresql://127.0.0.1:" + closedPort + "/x?password=topsecret&connectTimeout=2");
    assertEquals(io.luister.jobs.cli.Luister.EXIT_INFRA, result.code(), result.printed());
    assertTrue(!result.printed().contains("topsecret") && result.printed().contains("nothing changed there"), result.printed());
    List<Row> failed = warehouse.read(spark, Layer.OPS, "runs").filter("stage = 'publish' AND period = '2026-Q1'").collectAsList();
    assertEquals(List.of("failed"), failed.stream().map(r -> r.<String>getAs("status")).toList());
    assertTrue(!failed.get(0).<String>getAs("message").contains("topsecret"));
  }
}
