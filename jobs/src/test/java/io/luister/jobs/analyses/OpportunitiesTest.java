package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class OpportunitiesTest {
  private static final StructType FEEDBACK = new StructType().add("feedback_id", DataTypes.StringType)
      .add("period", DataTypes.StringType).add("week", DataTypes.DateType).add("published_at", DataTypes.TimestampType)
      .add("brand", DataTypes.StringType).add("channel", DataTypes.StringType).add("source", DataTypes.StringType)
      .add("platform", DataTypes.StringType).add("author", DataTypes.StringType).add("customer_id", DataTypes.StringType)
      .add("own_account", DataTypes.BooleanType).add("text", DataTypes.StringType).add("reach", DataTypes.LongType);
  private static final StructType SENTIMENT = new StructType().add("period", DataTypes.StringType)
      .add("feedback_id", DataTypes.StringType).add("sentiment", DataTypes.StringType)
      .add("intent", DataTypes.StringType).add("intent_target", DataTypes.StringType);

  private final List<Row> feedback = new ArrayList<>();
  private final List<Row> sentiment = new ArrayList<>();

  private void item(String id, String brand, String channel, String author, boolean own, String week, String intent,
      String target) {
    boolean social = channel.equals("social");
    feedback.add(RowFactory.create(id, "2026-Q3", Date.valueOf(week), Timestamp.valueOf(week + " 10:00:00"), brand,
        channel, social ? "tweets" : "crm", social ? "x" : null, social ? author : null, social ? null : author, own,
        "text of " + id, social ? 100L : null));
    sentiment.add(RowFactory.create("2026-Q3", id, "neutral", intent, target));
  }

  private Dataset<Row> items() {
    return Opportunities.items(TestSpark.session().createDataFrame(feedback, FEEDBACK),
        TestSpark.session().createDataFrame(sentiment, SENTIMENT), "run-1");
  }

  @Test
  void aSwitchToCountsForItsTargetAndAsALossForTheBrandItLeaves() {
    item("s:1", "Stroomlijn", "social", "au_1", false, "2026-08-10", "switch_to", "Zonnewijs");
    item("s:2", "Zonnewijs", "social", "au_2", false, "2026-08-10", "switch_to", "Zonnewijs");
    item("s:3", "Zonnewijs", "social", "au_3", false, "2026-08-10", "switch_to", null);
    item("s:4", null, "social", "au_4", false, "2026-08-10", "switch_to", null);
    List<Row> rows = items().orderBy("feedback_id", "brand").collectAsList();
    List<String> got = rows.stream().map(r -> r.getAs("feedback_id") + " " + r.getAs("brand") + " " + r.getAs("intent")
        + " " + r.getAs("brand_rule")).toList();
    assertEquals(List.of(
        "s:1 Stroomlijn switch_away left_for_named_brand",
        "s:1 Zonnewijs switch_to named_target",
        "s:2 Zonnewijs switch_to named_target",
        "s:3 Zonnewijs switch_away left_for_unconfigured_brand"), got);
  }

  @Test
  void itemsCarryTheMaskedTextAndPseudonymAndLeaveOutNoneOwnAccountsAndWebStatistics() {
    item("s:1", "Zonnewijs", "social", "au_1", false, "2026-08-10", "purchase", null);
    item("s:2", "Zonnewijs", "social", "au_2", false, "2026-08-10", "none", null);
    item("s:3", "Zonnewijs", "social", "au_brand", true, "2026-08-10", "purchase", null);
    item("c:1", "Zonnewijs", "contact_centre", "cu_9", false, "2026-08-17", "switch_away", null);
    item("w:1", "Zonnewijs", "web_search", null, false, "2026-08-17", "switch_away", null);
    Dataset<Row> items = items();
    assertEquals(Opportunities.ITEMS_SCHEMA.simpleString(), items.schema().simpleString());
    List<Row> rows = items.orderBy("feedback_id").collectAsList();
    assertEquals(List.of("c:1", "s:1"), rows.stream().map(r -> r.<String>getAs("feedback_id")).toList());
    assertEquals("cu_9", rows.get(0).getAs("author"));
    assertEquals("au_1", rows.get(1).getAs("author"));
    assertEquals("text of s:1", rows.get(1).getAs("text"));
    assertEquals("item_brand", rows.get(1).getAs("brand_rule"));
  }

  @Test
  void countsPerWeekBrandChannelSourceAndIntentAddUpToTheItems() {
    item("s:1", "Zonnewijs", "social", "au_1", false, "2026-08-10", "purchase", null);
    item("s:2", "Zonnewijs", "social", "au_1", false, "2026-08-10", "purchase", null);
    item("s:3", "Zonnewijs", "social", "au_2", false, "2026-08-10", "purchase", null);
    item("s:4", "GreenGrid", "social", "au_2", false, "2026-08-17", "recommendation_request", null);
    item("s:5", "GreenGrid", "social", "au_3", false, "2026-08-17", "switch_to", "Zonnewijs");
    Dataset<Row> items = items();
    Dataset<Row> counts = Opportunities.counts(items, "run-1");
    assertEquals(Opportunities.SCHEMA.simpleString(), counts.schema().simpleString());
    List<String> got = counts.orderBy("week", "brand", "intent").collectAsList().stream()
        .map(r -> r.getAs("week") + " " + r.getAs("brand") + " " + r.getAs("intent") + " " + r.getAs("items") + " "
            + r.getAs("authors")).toList();
    assertEquals(List.of(
        "2026-08-10 Zonnewijs purchase 3 2",
        "2026-08-17 GreenGrid recommendation_request 1 1",
        "2026-08-17 GreenGrid switch_away 1 1",
        "2026-08-17 Zonnewijs switch_to 1 1"), got);
    assertEquals(items.count(), counts.agg(org.apache.spark.sql.functions.sum("items")).first().getLong(0));
    assertEquals(1, counts.filter(col("channel").equalTo("social").and(col("source").equalTo("tweets")))
        .select("channel").distinct().count());
  }
}
