package io.luister.jobs.analyses;

import static io.luister.jobs.analyses.AnalysisColumns.ALL;
import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.jobs.unify.FeedbackUnion;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The channel mix of our brand per category: how a topic shows up in FAQ views, site searches (and searches
 * that found nothing), contacts, survey responses and social mentions, side by side, with each channel's
 * share of its own volume so channels of very different sizes compare.
 */
public final class ChannelMix {
  public static final String TABLE = "channel_mix";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("category", DataTypes.StringType, "Unified category; * = all categories.")
      .add("faq_views", DataTypes.LongType, "Page views of the category's pages.")
      .add("site_searches", DataTypes.LongType, "Site searches for the category's terms.")
      .add("searches_without_results", DataTypes.LongType, "Of those, searches the site found nothing for (null when the export has no result counts).")
      .add("contacts", DataTypes.LongType, "Contact-centre contacts about the category.")
      .add("survey_mentions", DataTypes.LongType, "Survey responses about the category (comment, or topic when the comment is empty).")
      .add("social_mentions", DataTypes.LongType, "Customer social posts about our brand in the category.")
      .add("faq_views_share", DataTypes.DoubleType, "faq_views / all FAQ views of the period.")
      .add("site_searches_share", DataTypes.DoubleType, "site_searches / all site searches.")
      .add("no_result_rate", DataTypes.DoubleType, "searches_without_results / site_searches.")
      .add("contacts_share", DataTypes.DoubleType, "contacts / all contacts.")
      .add("survey_share", DataTypes.DoubleType, "survey_mentions / all survey responses.")
      .add("social_share", DataTypes.DoubleType, "social_mentions / all customer social posts about our brand.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private ChannelMix() {}

  /** {@code feedback}: silver rows of the analysis period. */
  public static Dataset<Row> compute(Dataset<Row> feedback, String ourBrand, String runId) {
    Dataset<Row> ours = AnalysisColumns.customerVoice(feedback).filter(col("brand").equalTo(ourBrand))
        .withColumn("category", coalesce(col("category"), lit("unclassified")));
    Dataset<Row> byCategory = sums(ours.groupBy(col("period"), col("category")));
    Dataset<Row> all = sums(ours.groupBy(col("period"), lit(ALL).as("category")));
    Dataset<Row> both = byCategory.unionByName(all);
    Dataset<Row> totals = all.drop("category").select(col("period"), col("faq_views").as("t_faq"),
        col("site_searches").as("t_search"), col("contacts").as("t_contacts"), col("survey_mentions").as("t_survey"),
        col("social_mentions").as("t_social"));
    Dataset<Row> out = both.join(totals, "period")
        .withColumn("faq_views_share", AnalysisColumns.safeShare(col("faq_views"), col("t_faq")))
        .withColumn("site_searches_share", AnalysisColumns.safeShare(col("site_searches"), col("t_search")))
        .withColumn("no_result_rate", AnalysisColumns.safeShare(col("searches_without_results"), col("site_searches")))
        .withColumn("contacts_share", AnalysisColumns.safeShare(col("contacts"), col("t_contacts")))
        .withColumn("survey_share", AnalysisColumns.safeShare(col("survey_mentions"), col("t_survey")))
        .withColumn("social_share", AnalysisColumns.safeShare(col("social_mentions"), col("t_social")))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }

  private static Dataset<Row> sums(org.apache.spark.sql.RelationalGroupedDataset grouped) {
    Column search = col("channel").equalTo(FeedbackUnion.SITE_SEARCH);
    return grouped.agg(
        coalesce(sum(when(col("channel").equalTo(FeedbackUnion.FAQ_VIEWS), col("weight"))), lit(0L)).as("faq_views"),
        coalesce(sum(when(search, col("weight"))), lit(0L)).as("site_searches"),
        // Null (not 0) when no search row carries a result count: the export does not say.
        when(max(when(search, col("search_results").isNotNull())), coalesce(
            sum(when(search.and(col("search_results").equalTo(0)), col("weight"))), lit(0L)))
            .as("searches_without_results"),
        count(when(col("channel").equalTo(FeedbackUnion.CONTACT_CENTRE), lit(1))).as("contacts"),
        count(when(col("channel").equalTo(FeedbackUnion.SURVEY), lit(1))).as("survey_mentions"),
        count(when(col("channel").equalTo(FeedbackUnion.SOCIAL), lit(1))).as("social_mentions"));
  }
}
