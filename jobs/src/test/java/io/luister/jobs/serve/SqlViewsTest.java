package io.luister.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.docs.DataDictionary;
import io.luister.jobs.silences.SilenceStage;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Every view compiles against the real gold schemas, and answers its question. */
class SqlViewsTest {
  /** A warehouse with every insight table (empty) and silences of two periods. */
  static Warehouse goldWarehouse(SparkSession spark, String name) {
    Warehouse warehouse = new Warehouse(TestSpark.tempDir(name).toString());
    for (DataDictionary.Table t : DataDictionary.TABLES) {
      if (t.layer().equals("gold") && !t.name().equals(SilenceStage.TABLE)) {
        warehouse.replaceWhere(spark.createDataFrame(List.of(), t.schema()), Layer.GOLD, t.name(), "period = 'x'", "period");
      }
    }
    List<Row> silences = new ArrayList<>();
    silences.add(silence(SilenceStage.SILENCES, "2026-Q2", "old", "silence", 9.0));
    silences.add(silence(SilenceStage.SILENCES, "2026-Q3", "mild", "silence", 1.5));
    silences.add(silence(SilenceStage.SILENCES, "2026-Q3", "severe", "silence", 4.0));
    silences.add(silence(SilenceStage.SILENCES, "2026-Q3", "unsure", "insufficient_evidence", 8.0));
    warehouse.replacePartitions(spark.createDataFrame(silences, SilenceStage.SILENCES), Layer.GOLD, SilenceStage.TABLE, "period");
    return warehouse;
  }

  private static Row silence(StructType schema, String period, String subject, String status, double severity) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      StructField f = schema.fields()[i];
      values[i] = switch (f.name()) {
        case "period" -> period;
        case "subject" -> subject;
        case "status" -> status;
        case "severity" -> severity;
        case "detector" -> "expected_absent";
        default -> null;
      };
    }
    return RowFactory.create(values);
  }

  @Test
  void everyViewIsCreatedOverTheGoldTablesAndTheSilencesViewShowsThisQuartersMostSevereFirst() {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = goldWarehouse(spark, "views-wh");
    warehouse.registerTables(spark);
    List<String> created = SqlViews.register(spark);
    assertEquals(SqlViews.NAMES.stream().map(n -> "gold." + n).toList(), created);
    for (String view : created) {
      spark.sql("SELECT * FROM " + view).count();  // compiles and runs
    }
    List<String> subjects = spark.sql("SELECT subject FROM gold.latest_silences").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("severe", "mild"), subjects, "the latest period's silences only, most severe first");
    assertTrue(spark.sql("DESCRIBE TABLE EXTENDED gold.latest_silences").filter("col_name = 'Comment'")
        .first().getString(1).startsWith("What do customers notably not talk about"));
  }

  @Test
  void aViewWhoseTableIsMissingIsLeftOutAndEveryViewFileStartsWithItsQuestion() {
    assertEquals(List.of("latest_themes"), SqlViews.over(List.of("themes", "silences_not")).stream()
        .map(SqlViews.View::name).toList());
    for (SqlViews.View v : SqlViews.all()) {
      assertTrue(v.question().endsWith(".") && v.sql().startsWith("SELECT"), v.name());
      assertTrue(!v.tables().isEmpty(), v.name());
    }
    assertEquals("SELECT * FROM \"bi\".\"silences\" WHERE period = (SELECT max(period) FROM \"bi\".\"silences\")",
        new SqlViews.View("v", "q.", "SELECT * FROM gold.silences WHERE period = (SELECT max(period) FROM gold.silences)")
            .postgres("bi").get(1).replace("CREATE VIEW \"bi\".\"v\" AS ", ""));
  }
}
