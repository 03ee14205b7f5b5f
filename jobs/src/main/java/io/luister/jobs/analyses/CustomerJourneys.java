package io.luister.jobs.analyses;

import static io.luister.jobs.analyses.AnalysisColumns.ALL;
import static org.apache.spark.sql.functions.*;

import io.luister.jobs.GoldSchema;
import io.luister.jobs.unify.FeedbackUnion;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Customer journeys where customer ids exist (contacts and surveys): per customer pseudonym, the contacts by
 * category and the survey score, and the time between them; and aggregates: the NPS of customers who contacted
 * about a category against those who did not, and silent detractors (a detractor score with no comment).
 */
public final class CustomerJourneys {
  public static final String TABLE = "customer_journeys";
  public static final String SUMMARY_TABLE = "journey_summary";

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("customer", DataTypes.StringType, "The customer's keyed pseudonym (cu_...); never the id.")
      .add("contacts", DataTypes.LongType, "Contacts in the period.")
      .add("contacts_by_category", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
          "Category -> number of contacts about it.")
      .add("first_contact_at", DataTypes.TimestampType, "First contact in the period (UTC).")
      .add("last_contact_at", DataTypes.TimestampType, "Last contact in the period (UTC).")
      .add("survey_responses", DataTypes.LongType, "Survey responses in the period.")
      .add("survey_at", DataTypes.TimestampType, "The latest response (UTC).")
      .add("survey_score", DataTypes.DoubleType, "The latest response's score.")
      .add("score_scale", DataTypes.StringType, "Its scale (nps, csat, ...).")
      .add("nps_class", DataTypes.StringType, "promoter, passive or detractor (NPS scale only).")
      .add("survey_category", DataTypes.StringType, "The latest response's category.")
      .add("silent", DataTypes.BooleanType, "The latest response has a score but no comment.")
      .add("contacts_before_survey", DataTypes.LongType, "Contacts before the latest response.")
      .add("days_last_contact_to_survey", DataTypes.DoubleType, "Days from the last contact before the response to the response.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  public static final StructType SUMMARY_SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("segment", DataTypes.StringType,
          "all_respondents (category *), contacted_any (category *) or contacted_about (per contact category).")
      .add("category", DataTypes.StringType, "The contact category of the segment; * = any.")
      .add("respondents", DataTypes.LongType, "NPS respondents in the segment (latest response per customer).")
      .add("nps", DataTypes.DoubleType, "NPS of the segment (-100..100).")
      .add("comparison_respondents", DataTypes.LongType, "NPS respondents outside the segment (did not contact about it).")
      .add("comparison_nps", DataTypes.DoubleType, "NPS of those respondents.")
      .add("nps_difference", DataTypes.DoubleType, "nps - comparison_nps.")
      .add("detractors", DataTypes.LongType, "Detractors in the segment.")
      .add("silent_detractors", DataTypes.LongType, "Detractors in the segment who left no comment.")
      .add("silent_detractor_share", DataTypes.DoubleType, "silent_detractors / respondents.")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  private CustomerJourneys() {}

  /** {@code feedback}: silver rows of the analysis period. */
  public static Dataset<Row> journeys(Dataset<Row> feedback, String runId) {
    Dataset<Row> withId = feedback.filter(col("customer_id").isNotNull());
    Dataset<Row> contacts = withId.filter(col("channel").equalTo(FeedbackUnion.CONTACT_CENTRE))
        .select(col("period"), col("customer_id"), col("published_at"),
            coalesce(col("category"), lit("unclassified")).as("category"));
    // Sorted by category: collect_list keeps the order rows arrive from the shuffle, which differs between runs,
    // and the map's entry order is what a reader of the table sees.
    Dataset<Row> byCategory = contacts.groupBy("period", "customer_id", "category").agg(count(lit(1)).as("n"))
        .groupBy("period", "customer_id")
        .agg(map_from_entries(array_sort(collect_list(struct(col("category"), col("n"))))).as("contacts_by_category"));
    Dataset<Row> contactSummary = contacts.groupBy("period", "customer_id").agg(count(lit(1)).as("contacts"),
            min("published_at").as("first_contact_at"), max("published_at").as("last_contact_at"))
        .join(byCategory, new String[] {"period", "customer_id"});
    Dataset<Row> surveys = withId.filter(col("channel").equalTo(FeedbackUnion.SURVEY))
        .withColumn("n_resp", count(lit(1)).over(Window.partitionBy("period", "customer_id")))
        .withColumn("r", row_number().over(Window.partitionBy("period", "customer_id")
            .orderBy(col("published_at").desc(), col("feedback_id"))))
        .filter(col("r").equalTo(1))
        .select(col("period"), col("customer_id"), col("n_resp").as("survey_responses"),
            col("published_at").as("survey_at"), col("score").as("survey_score"), col("score_scale"),
            AnalysisColumns.npsClass().as("nps_class"),
            coalesce(col("category"), lit("unclassified")).as("survey_category"),
            col("score").isNotNull().and(coalesce(col("free_text"), lit(false)).equalTo(false)
                .or(trim(coalesce(col("text"), lit(""))).equalTo(""))).as("silent"));
    // Contacts before the latest response, and the last of them.
    Dataset<Row> before = contacts.join(surveys.select("period", "customer_id", "survey_at"),
            new String[] {"period", "customer_id"})
        .filter(col("published_at").leq(col("survey_at")))
        .groupBy("period", "customer_id")
        .agg(count(lit(1)).as("contacts_before_survey"), max("published_at").as("last_before"));
    Dataset<Row> out = contactSummary.join(surveys, new String[] {"period", "customer_id"}, "full_outer")
        .join(before, new String[] {"period", "customer_id"}, "left")
        .withColumn("customer", col("customer_id"))
        .withColumn("contacts", coalesce(col("contacts"), lit(0L)))
        .withColumn("survey_responses", coalesce(col("survey_responses"), lit(0L)))
        .withColumn("contacts_before_survey", when(col("survey_at").isNotNull(),
            coalesce(col("contacts_before_survey"), lit(0L))))
        .withColumn("days_last_contact_to_survey", when(col("last_before").isNotNull(),
            (unix_timestamp(col("survey_at")).minus(unix_timestamp(col("last_before")))).divide(86400.0)))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }

  /** Aggregates of {@link #journeys} output. */
  public static Dataset<Row> summary(Dataset<Row> journeys, String runId) {
    Dataset<Row> respondents = journeys.filter(col("nps_class").isNotNull());
    Column promoter = when(col("nps_class").equalTo("promoter"), 1L).otherwise(0L);
    Column detractor = when(col("nps_class").equalTo("detractor"), 1L).otherwise(0L);
    Column silentDetractor = when(col("nps_class").equalTo("detractor").and(col("silent")), 1L).otherwise(0L);
    // One row per respondent x contact category (respondents without contacts keep one row with a null category).
    Dataset<Row> exploded = respondents.select(col("period"), col("customer"), col("nps_class"), col("silent"),
        explode_outer(map_keys(col("contacts_by_category"))).as("contact_category"));
    Dataset<Row> overall = respondents.groupBy("period").agg(count(lit(1)).as("n"), sum(promoter).as("p"),
        sum(detractor).as("d"), sum(silentDetractor).as("sd"));
    Dataset<Row> perCategory = exploded.filter(col("contact_category").isNotNull())
        .groupBy("period", "contact_category").agg(count(lit(1)).as("n_in"), sum(promoter).as("p_in"),
            sum(detractor).as("d_in"), sum(silentDetractor).as("sd_in"));
    Dataset<Row> contactedAny = respondents.filter(col("contacts").gt(0)).groupBy("period")
        .agg(count(lit(1)).as("n_in"), sum(promoter).as("p_in"), sum(detractor).as("d_in"),
            sum(silentDetractor).as("sd_in"))
        .withColumn("contact_category", lit(ALL));
    Dataset<Row> segments = perCategory.withColumn("segment", lit("contacted_about"))
        .unionByName(contactedAny.withColumn("segment", lit("contacted_any")))
        .join(overall, "period")
        .withColumn("comparison_respondents", col("n").minus(col("n_in")))
        .withColumn("comparison_nps", AnalysisColumns.nps(col("p").minus(col("p_in")), col("d").minus(col("d_in")),
            col("n").minus(col("n_in"))))
        .select(col("period"), col("segment"), col("contact_category").as("category"), col("n_in").as("respondents"),
            AnalysisColumns.nps(col("p_in"), col("d_in"), col("n_in")).as("nps"), col("comparison_respondents"),
            col("comparison_nps"), col("d_in").as("detractors"), col("sd_in").as("silent_detractors"));
    Dataset<Row> all = overall.select(col("period"), lit("all_respondents").as("segment"), lit(ALL).as("category"),
        col("n").as("respondents"), AnalysisColumns.nps(col("p"), col("d"), col("n")).as("nps"),
        lit(null).cast("long").as("comparison_respondents"), lit(null).cast("double").as("comparison_nps"),
        col("d").as("detractors"), col("sd").as("silent_detractors"));
    Dataset<Row> out = segments.unionByName(all)
        .withColumn("nps_difference", col("nps").minus(col("comparison_nps")))
        .withColumn("silent_detractor_share", AnalysisColumns.safeShare(col("silent_detractors"), col("respondents")))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SUMMARY_SCHEMA);
  }
}
