package io.luister.jobs.analyses;

import io.luister.common.test.TestSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Hand-made silver.feedback (and silver.sentiment) rows for the analyses' tests; time zone UTC. */
final class SilverRows {
  static final StructType FEEDBACK = new StructType()
      .add("feedback_id", DataTypes.StringType).add("period", DataTypes.StringType).add("channel", DataTypes.StringType)
      .add("platform", DataTypes.StringType).add("brand", DataTypes.StringType)
      .add("published_at", DataTypes.TimestampType).add("day", DataTypes.DateType).add("week", DataTypes.DateType)
      .add("text", DataTypes.StringType).add("free_text", DataTypes.BooleanType).add("author", DataTypes.StringType)
      .add("own_account", DataTypes.BooleanType).add("author_brand", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType).add("in_reply_to", DataTypes.StringType)
      .add("reach", DataTypes.LongType).add("weight", DataTypes.LongType).add("score", DataTypes.DoubleType)
      .add("score_scale", DataTypes.StringType).add("score_min", DataTypes.DoubleType)
      .add("score_max", DataTypes.DoubleType).add("search_results", DataTypes.LongType)
      .add("category", DataTypes.StringType);
  static final StructType SENTIMENT = new StructType()
      .add("period", DataTypes.StringType).add("feedback_id", DataTypes.StringType)
      .add("sentiment", DataTypes.StringType).add("sentiment_score", DataTypes.DoubleType)
      .add("sentiment_method", DataTypes.StringType).add("sentiment_confidence", DataTypes.DoubleType);

  private final List<Row> rows = new ArrayList<>();
  private final List<Row> sentiments = new ArrayList<>();
  private int next = 1;

  /** A row builder with the defaults of a customer's social post. */
  final class Item {
    String id = "social:" + next++;
    String channel = "social";
    String platform = "twitter";
    String brand = "Acme";
    LocalDateTime at = LocalDateTime.of(2026, 8, 12, 10, 0);
    String text = "something";
    String author;
    boolean own;
    String authorBrand;
    String customer;
    String replyTo;
    Long reach;
    long weight = 1;
    Double score;
    String scale;
    Double scaleMin;
    Double scaleMax;
    Long results;
    String category = "billing";
    String sentiment;

    Item id(String v) { id = v; return this; }
    Item channel(String v) { channel = v; return this; }
    Item platform(String v) { platform = v; return this; }
    Item brand(String v) { brand = v; return this; }
    Item at(LocalDateTime v) { at = v; return this; }
    Item text(String v) { text = v; return this; }
    Item author(String v) { author = v; return this; }
    Item own(String brandOfAccount) { own = true; authorBrand = brandOfAccount; return this; }
    Item customer(String v) { customer = v; return this; }
    Item replyTo(String v) { replyTo = v; return this; }
    Item reach(long v) { reach = v; return this; }
    Item weight(long v) { weight = v; return this; }
    Item score(double v, String s) {
      score = v;
      scale = s;
      scaleMin = s.equals("nps") ? 0.0 : 1.0;
      scaleMax = s.equals("nps") ? 10.0 : 5.0;
      return this;
    }
    /** A score on a custom range, as a source with score_scale {min, max} gives it. */
    Item score(double v, double min, double max) { score = v; scale = "custom"; scaleMin = min; scaleMax = max; return this; }
    Item results(long v) { results = v; return this; }
    Item category(String v) { category = v; return this; }
    Item sentiment(String v) { sentiment = v; return this; }

    String add() {
      int q = (at.getMonthValue() - 1) / 3 + 1;
      String period = at.getYear() + "-Q" + q;
      rows.add(RowFactory.create(id, period, channel, platform, brand, Timestamp.valueOf(at),
          Date.valueOf(at.toLocalDate()), Date.valueOf(at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),
          text, text != null, author, own, authorBrand, customer, replyTo, reach, weight, score, scale, scaleMin, scaleMax,
          results,
          category));
      if (sentiment != null) {
        double s = switch (sentiment) { case "negative" -> -0.8; case "positive" -> 0.8; default -> 0.0; };
        sentiments.add(RowFactory.create(period, id, sentiment, s, "test", 1.0));
      }
      return id;
    }
  }

  Item item() {
    return new Item();
  }

  Dataset<Row> feedback() {
    return TestSpark.session().createDataFrame(rows, FEEDBACK);
  }

  Dataset<Row> sentiment() {
    return TestSpark.session().createDataFrame(sentiments, SENTIMENT);
  }
}
