package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The report's headline figures equal what a direct query of the same gold tables gives: the tables are written to
 * a Delta warehouse, read back by {@link GoldTables#read}, and each figure is compared with its SQL.
 */
class ReportReconcileTest {
  @Test
  void headlineFiguresReconcileWithDirectQueries() {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(TestSpark.tempDir("report-wh").toString());
    GoldTables sample = ReportModelsTest.sample();
    write(warehouse, "reputation", sample.reputation());
    write(warehouse, "share_of_voice", sample.shareOfVoice());
    write(warehouse, "silences", sample.silences());
    write(warehouse, "webcare", sample.webcare());
    write(warehouse, "themes", sample.themes());
    // channel_mix, alerts and data_health are left out: a warehouse without them still gives a report.

    ReportModel m = ReportModels.build(GoldTables.read(spark, warehouse, ReportModelsTest.P), ReportModelsTest.P,
        "Acme", List.of("Rival"));

    String p = "period = '" + ReportModelsTest.P + "'";
    assertEquals(one(warehouse, "reputation", "sum(items)", p + " AND subject_type = 'category' AND subject = '*' "
        + "AND brand = 'Acme' AND channel = '*'"), m.headline().items(), 1e-9, "total items");
    assertEquals(one(warehouse, "reputation", "max(nps)", p + " AND subject_type = 'category' AND subject = '*' "
        + "AND brand = 'Acme' AND channel = '*'"), m.headline().nps(), 1e-9, "NPS");
    assertEquals(one(warehouse, "share_of_voice", "max(share_of_voice)", p + " AND channel = 'social' AND "
        + "platform = '*' AND category = '*' AND hour_of_week IS NULL AND brand = 'Acme'"), m.headline().shareOfVoice(),
        1e-9, "share of voice on social");
    assertEquals(one(warehouse, "silences", "count(*)", p + " AND status = 'silence'"), m.headline().silences(), 1e-9,
        "silence count");
    assertEquals(one(warehouse, "webcare", "sum(answered) / sum(items)", p + " AND brand = 'Acme' AND platform = '*' "
        + "AND category = '*' AND kind = 'question'"), m.headline().questionResponseRate(), 1e-9, "response rate");
    assertEquals(one(warehouse, "themes", "count(*)", p), m.themes().size(), 1e-9, "themes (fewer than the top N)");
    assertEquals(List.of("gold.channel_mix", "gold.alerts", "gold.data_health"), m.missingTables());
    assertTrue(m.categories().isEmpty() && m.alerts().isEmpty() && m.health().isEmpty());
  }

  private static void write(Warehouse warehouse, String table, Dataset<Row> frame) {
    warehouse.replacePartitions(frame, Layer.GOLD, table, "period");
  }

  private static double one(Warehouse warehouse, String table, String expression, String where) {
    Row r = TestSpark.session().sql("SELECT CAST(" + expression + " AS DOUBLE) FROM delta.`"
        + warehouse.path(Layer.GOLD, table) + "` WHERE " + where).first();
    return r.getDouble(0);
  }
}
