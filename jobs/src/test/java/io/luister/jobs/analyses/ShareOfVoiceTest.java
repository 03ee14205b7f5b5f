package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTest {
  static final String ALL = AnalysisColumns.ALL;

  static Row cell(Dataset<Row> sov, String channel, String platform, String category, Integer hour, String brand) {
    Dataset<Row> f = sov.filter(col("channel").equalTo(channel).and(col("platform").equalTo(platform))
        .and(col("category").equalTo(category)).and(col("brand").equalTo(brand))
        .and(hour == null ? col("hour_of_week").isNull() : col("hour_of_week").equalTo(hour)));
    List<Row> rows = f.collectAsList();
    assertEquals(1, rows.size(), "one row per cell and brand");
    return rows.get(0);
  }

  @Test
  void countsCustomerMentionsPerBrandWithReachCappedAndOwnPostsLeftOut() {
    SilverRows s = new SilverRows();
    LocalDateTime monday10 = LocalDateTime.of(2026, 8, 10, 10, 15);
    s.item().reach(100).at(monday10).add();
    s.item().reach(100).at(monday10).add();
    s.item().reach(1_000_000).at(monday10).add(); // a celebrity
    s.item().brand("Rival").reach(100).at(monday10).add();
    s.item().brand("Rival").category("solar").platform("facebook").reach(50).add();
    s.item().own("Acme").text("we are on it").add(); // our own account: not a mention
    s.item().channel("faq_views").platform(null).weight(500).add(); // web statistics: never share of voice
    Dataset<Row> feedback = s.feedback();

    Dataset<Row> sov = ShareOfVoice.compute(feedback, "UTC", 200, "r1");

    Row acme = cell(sov, "social", "twitter", "billing", null, "Acme");
    assertEquals(3L, acme.getLong(acme.fieldIndex("mentions")));
    assertEquals(4L, acme.getLong(acme.fieldIndex("mentions_all_brands")));
    assertEquals(0.75, acme.getDouble(acme.fieldIndex("share_of_voice")), 1e-9);
    // Reach weights 1 + min(followers, 200): 101 + 101 + 201 against Rival's 101.
    assertEquals(403.0 / 504.0, acme.getDouble(acme.fieldIndex("reach_share_of_voice")), 1e-9);
    // Monday 10h = hour 10 of the week.
    Row hour = cell(sov, "social", "twitter", ALL, 10, "Acme");
    assertEquals(3L, hour.getLong(hour.fieldIndex("mentions")));
    Row total = cell(sov, ALL, ALL, ALL, null, "Rival");
    assertEquals(2L, total.getLong(total.fieldIndex("mentions")));
    assertEquals(0, sov.filter(col("channel").equalTo("faq_views")).count());
    // Shares within a cell add up to one.
    double sum = sov.filter(col("channel").equalTo(ALL).and(col("platform").equalTo(ALL)).and(col("category").equalTo(ALL))
            .and(col("hour_of_week").isNull())).collectAsList().stream()
        .mapToDouble(r -> r.getDouble(r.fieldIndex("share_of_voice"))).sum();
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void aCellReconcilesWithSilverFeedbackCounts() {
    SilverRows s = new SilverRows();
    String[] platforms = {"twitter", "facebook", "forum"};
    String[] brands = {"Acme", "Rival", "Other"};
    String[] categories = {"billing", "solar", "outage"};
    for (int i = 0; i < 60; i++) {
      s.item().platform(platforms[i % 3]).brand(brands[(i / 3) % 3]).category(categories[(i / 7) % 3]).reach(i * 10L)
          .at(LocalDateTime.of(2026, 7, 1 + i % 28, i % 24, 0)).add();
    }
    Dataset<Row> feedback = s.feedback();
    Dataset<Row> sov = ShareOfVoice.compute(feedback, "UTC", ShareOfVoice.reachCaps(feedback, 0.9).get("2026-Q3"), "r1");
    long recomputed = feedback.filter(col("channel").equalTo("social").and(col("platform").equalTo("facebook"))
        .and(col("category").equalTo("solar")).and(col("brand").equalTo("Rival"))
        .and(col("own_account").equalTo(false))).count();
    long all = feedback.filter(col("platform").equalTo("facebook").and(col("category").equalTo("solar"))).count();
    Row r = cell(sov, "social", "facebook", "solar", null, "Rival");
    assertEquals(recomputed, r.getLong(r.fieldIndex("mentions")));
    assertEquals(all, r.getLong(r.fieldIndex("mentions_all_brands")));
    assertTrue(r.getDouble(r.fieldIndex("reach_cap")) < 600, "the 90th percentile caps the largest reaches");
  }

  @Test
  void eachPeriodGetsTheReachCapOfItsOwnPosts() {
    SilverRows s = new SilverRows();
    for (int i = 0; i < 20; i++) {
      s.item().reach(i * 10L).at(LocalDateTime.of(2026, 5, 1 + i, 12, 0)).add();      // 2026-Q2: reaches 0..190
      s.item().reach(i * 1000L).at(LocalDateTime.of(2026, 8, 1 + i, 12, 0)).add();    // 2026-Q3: reaches 0..19,000
    }
    Dataset<Row> feedback = s.feedback();
    java.util.Map<String, Double> caps = ShareOfVoice.reachCaps(feedback, 0.9);
    assertEquals(java.util.Set.of("2026-Q2", "2026-Q3"), caps.keySet());
    for (String period : caps.keySet()) {
      assertEquals(ShareOfVoice.reachCaps(feedback.filter(col("period").equalTo(period)), 0.9).get(period),
          caps.get(period), 0.0, period + ": the same cap as when the period is analysed on its own");
    }
    assertTrue(caps.get("2026-Q2") < 200 && caps.get("2026-Q3") > 10_000, caps.toString());
  }
}
