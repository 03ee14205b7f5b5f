package io.luister.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.TestPrograms;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.report.ReportModel;
import io.luister.jobs.report.ReportStage;
import io.luister.jobs.themes.ThemeStage;
import io.luister.jobs.themes.ThemeTables;
import io.luister.jobs.unify.TextFeatures;
import io.luister.jobs.unify.UnifyStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The themes stage on a period with too little text (ThemeStage.MIN_ITEMS): no model, no rows for the period (an
 * earlier run's rows of it removed, other periods kept), the reason in ops.runs, and the report and backfill reading it.
 */
class ThemesNotMeasuredTest {
  static final SparkSession spark = TestSpark.session();

  static final String[] COMPLAINTS = {
      "my mortgage servicer never answered my letters about the escrow account",
      "the bank reported a late payment to the credit bureau although I paid on time",
      "debt collector keeps calling about a debt that is not mine",
      "they closed my checking account without notice and kept the balance",
      "the credit report still shows an account that was paid off years ago",
      "I was charged overdraft fees on deposits that had already cleared",
      "the loan modification was denied without any explanation at all",
      "identity theft opened a credit card in my name and they refuse to remove it"};

  @Test
  void tooFewItemsWriteNoThemesRecordWhyAndTheReportSaysSo() throws Exception {
    Path config = TestPrograms.write("themes-not-measured", """
        program: themes_not_measured
        brand: {name: Acme, aliases: [acme]}
        """ + TestPrograms.SOCIAL_SOURCE);
    Path dir = config.getParent();
    ProgramOptions options = new ProgramOptions();
    options.config = config;
    options.warehouse = dir.resolve("wh").toString();
    Warehouse warehouse = new Warehouse(options.warehouse);
    try (RunContext ctx = new RunContext(options, 1)) {
      Dataset<Row> silver = silver("2025-Q3", TextFeatures.forProgram(ctx.config));
      warehouse.replacePartitions(silver, Layer.SILVER, "feedback", "period");
      // An earlier run left themes for 2025-Q3 (and 2025-Q2, which must stay).
      StructType themes = ThemeTables.THEMES_SCHEMA;
      List<Row> earlier = new ArrayList<>();
      for (String period : List.of("2025-Q2", "2025-Q3")) {
        Object[] values = new Object[themes.size()];
        values[themes.fieldIndex("period")] = period;
        values[themes.fieldIndex("theme_id")] = "t_old";
        earlier.add(RowFactory.create(values));
      }
      warehouse.replacePartitions(spark.createDataFrame(earlier, themes), Layer.GOLD, ThemeTables.THEMES, "period");

      ThemesCommand.themes(ctx, "2025-Q3");

      for (String table : List.of(ThemeTables.THEMES, ThemeTables.MEMBERSHIP, ThemeTables.TRENDS,
          ThemeTables.CATEGORIES, ThemeTables.LINEAGE)) {
        assertEquals(0, warehouse.read(spark, Layer.GOLD, table).filter(col("period").equalTo("2025-Q3")).count(),
            "gold." + table + " has no rows of the period");
      }
      assertEquals(1, warehouse.read(spark, Layer.GOLD, ThemeTables.THEMES).filter(col("period").equalTo("2025-Q2")).count(),
          "other periods are kept");
      assertFalse(Files.exists(Path.of(new ThemeStage(spark, ctx.config, warehouse).modelPath("2025-Q3"))), "no model");
      Row run = warehouse.read(spark, Layer.OPS, RunLog.TABLE).filter(col("stage").equalTo("themes")).first();
      assertEquals("ok", run.getAs("status"));
      assertEquals("themes not measured: 8 items of customer free text with at least "
          + ctx.config.themes().minTokens() + " tokens in 2025-Q3, at least 20 needed (twice the 10 items a theme "
          + "needs to be shown on its own)", run.getAs("message"));
      assertEquals(8L, run.<Long>getAs("rows_read"));

      assertEquals(new ReportModel.ThemesNotMeasured(8, ThemeStage.MIN_ITEMS),
          ReportStage.themesNotMeasured(spark, warehouse, "2025-Q3"));
      assertNull(ReportStage.themesNotMeasured(spark, warehouse, "2025-Q2"));
      assertTrue(Backfill.done(spark, warehouse, "themes", ThemeTables.THEMES).contains("2025-Q3"),
          "a quarter with too little text is done: backfill does not try it on every run");

      ThemesCommand.themes(ctx, "2025-Q3");
      assertEquals(0, warehouse.read(spark, Layer.GOLD, ThemeTables.THEMES).filter(col("period").equalTo("2025-Q3")).count(),
          "a rerun gives the same tables");
    }
  }

  /** Eight complaints of one period plus a too-short one, analysed by the shared text analysis as unify does. */
  static Dataset<Row> silver(String period, TextFeatures text) {
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (String t : COMPLAINTS) {
      rows.add(RowFactory.create(period + "-" + (n++), "social", "social", "Acme", t, true, false, "unclassified", 1L, period));
    }
    rows.add(RowFactory.create(period + "-short", "social", "social", "Acme", "bad", true, false, "unclassified", 1L, period));
    StructType schema = new StructType().add("id", "string").add("source", "string").add("channel", "string")
        .add("brand", "string").add("text", "string").add("free_text", "boolean").add("own_account", "boolean")
        .add("category", "string").add("weight", "long").add("period", "string");
    return UnifyStage.analyse(spark.createDataFrame(rows, schema).withColumn("feedback_id", col("id")), text)
        .drop("_normalized");
  }
}
