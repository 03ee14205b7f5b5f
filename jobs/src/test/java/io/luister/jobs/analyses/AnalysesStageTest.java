package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.luister.common.config.ProgramConfig;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.TestPrograms;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stage's wiring: several periods in one pass write what one pass per period wrote. */
class AnalysesStageTest {
  static final List<String> TABLES = List.of(ShareOfVoice.TABLE, Reputation.TABLE, CriticalAuthors.TABLE,
      Webcare.TABLE, EmergingIssues.TABLE, ChannelMix.TABLE, CustomerJourneys.TABLE, CustomerJourneys.SUMMARY_TABLE);

  static ProgramConfig program;
  static SilverRows silver;

  @BeforeAll
  static void setUp() throws IOException {
    program = TestPrograms.loadWithSocialSource("analyses-stage", """
        program: analyses_test
        brand: {name: Acme, aliases: [acme], accounts: ["@acme"]}
        competitors: [{name: Rival, aliases: [rival]}]
        timezone: UTC
        baseline_periods: 2
        """);
    silver = new SilverRows();
    String[] sentiments = {"negative", "negative", "neutral", "positive", "negative"};
    String[] categories = {"billing", "outage", "app"};
    // Four quarters of posts, contacts and survey answers; a quarter's last weeks are busier, so alerts can fire.
    for (int day = 0; day < 360; day++) {
      LocalDateTime at = LocalDateTime.of(2025, 10, 1, 9, 0).plusDays(day);
      int busy = at.getMonthValue() % 3 == 0 && at.getDayOfMonth() > 14 ? 4 : 1;
      for (int i = 0; i < busy; i++) {
        String post = silver.item().brand(i % 2 == 0 ? "Acme" : "Rival").author("au_" + (day % 7))
            .reach(10L * (day % 50)).category(categories[(day + i) % 3]).sentiment(sentiments[(day + i) % 5])
            .text(day % 4 == 0 ? "why is my bill so high?" : "the outage again").at(at.plusHours(i)).add();
        if (day % 3 == 0) {
          silver.item().own("Acme").author("au_acme").replyTo(post).at(at.plusHours(i + 2)).add();
        }
      }
      // An outage in one week of each of the two analysed quarters: far above the weeks before, so it alerts.
      if (at.toLocalDate().equals(java.time.LocalDate.of(2026, 5, 13)) || at.toLocalDate().equals(java.time.LocalDate.of(2026, 8, 12))) {
        for (int i = 0; i < 60; i++) {
          silver.item().brand("Acme").author("au_outage" + i).category("outage").sentiment("negative")
              .text("no power again").at(at.plusMinutes(i)).add();
        }
      }
      silver.item().channel("contact_centre").platform("phone").customer("cu_" + (day % 40))
          .category(categories[day % 3]).at(at).add();
      silver.item().channel("survey").platform("web").customer("cu_" + (day % 40)).score(day % 11, "nps")
          .text(day % 5 == 0 ? null : "fine").sentiment(sentiments[day % 5]).at(at.plusHours(3)).add();
    }
  }

  private static Warehouse warehouse(String name) {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(TestSpark.tempDir(name).resolve("wh").toString());
    warehouse.replacePartitions(silver.feedback(), Layer.SILVER, "feedback", "period");
    warehouse.replacePartitions(silver.sentiment(), Layer.SILVER, "sentiment", "period");
    return warehouse;
  }

  private static List<String> rows(Warehouse warehouse, String table) {
    Dataset<Row> rows = warehouse.read(TestSpark.session(), Layer.GOLD, table);
    return rows.drop("run_id").collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void periodsAnalysedInOnePassGetTheRowsOfOnePassEach() {
    SparkSession spark = TestSpark.session();
    Warehouse together = warehouse("analyses-together");
    Map<String, AnalysesStage.Result> results = new AnalysesStage(spark, program, together, 2)
        .run(List.of("2026-Q2", "2026-Q3"), program.baselinePeriods(), "r1");
    Warehouse apart = warehouse("analyses-apart");
    new AnalysesStage(spark, program, apart, 2).run(List.of("2026-Q2"), program.baselinePeriods(), "r1");
    new AnalysesStage(spark, program, apart, 2).run(List.of("2026-Q3"), program.baselinePeriods(), "r1");

    for (String table : TABLES) {
      List<String> expected = rows(apart, table);
      assertFalse(expected.isEmpty(), table + " has rows, so the comparison says something");
      assertEquals(expected, rows(together, table), table);
    }
    assertEquals(List.of("2026-Q2", "2026-Q3"), List.copyOf(results.keySet()));
    for (String period : results.keySet()) {
      for (Map.Entry<String, Long> written : results.get(period).rowsWritten().entrySet()) {
        assertEquals(together.read(spark, Layer.GOLD, written.getKey()).filter(col("period").equalTo(period)).count(),
            written.getValue(), period + " " + written.getKey());
      }
    }
  }
}
