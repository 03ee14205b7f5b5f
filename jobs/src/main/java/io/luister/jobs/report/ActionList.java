package io.luister.jobs.report;

import static org.apache.spark.sql.functions.*;

import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.jobs.GoldSchema;
import io.luister.jobs.analyses.CriticalAuthors;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.silences.SilenceFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The period's findings that someone can act on, with who owns them, in one ordered list: silences, rising
 * complaints (alerts), critical authors and unanswered questions and complaints, each joined with the owner and
 * influence its category has in the taxonomy. Ordered by score = influence weight x severity x novelty weight.
 * Built only from gold tables the pipeline has already written (counts, ids and labels: never a text or an author),
 * so it holds no personal data. Method and weights: docs/ANALYSES.md, "Action list".
 */
public final class ActionList {
  public static final String TABLE = "action_list";
  public static final String SILENCE = "silence";
  public static final String ALERT = "alert";
  public static final String CRITICS = "critics";
  public static final String UNANSWERED = "unanswered";
  public static final String NEW = "new";
  public static final String PERSISTING = "persisting";

  /**
   * Weight of each influence value: what the company can change comes first; what it cannot still appears (someone
   * has to explain it), but below. A category the taxonomy says nothing about sits between partly and no: its
   * influence is not known, and the report says so rather than guessing.
   */
  static final Map<String, Double> INFLUENCE_WEIGHTS = Map.of("yes", 1.0, "partly", 0.6,
      Category.UNKNOWN_INFLUENCE, 0.5, "no", 0.2);
  /** A finding not seen in the previous period is news; one that persists is still open, but was known. */
  static final Map<String, Double> NOVELTY_WEIGHTS = Map.of(NEW, 1.0, PERSISTING, 0.7);
  /** Items at which a finding counts as fully large: the volume factor is log10(1 + n) / 2, capped at 1. */
  static final int FULL_VOLUME_ITEMS = 99;

  public static final StructType SCHEMA = GoldSchema.of()
      .add("period", DataTypes.StringType, "The analysis quarter.")
      .add("rank", DataTypes.IntegerType, "1 is acted on first: highest score, then severity, then type and subject.")
      .add("finding_type", DataTypes.StringType,
          "silence (gold.silences), alert (a rise not read as praise about our brand, gold.alerts), critics (critical "
              + "authors active in the period, gold.critical_authors) or unanswered (questions and complaints our "
              + "accounts did not answer, gold.webcare).")
      .add("subject_type", DataTypes.StringType, "category, theme or expectation.")
      .add("subject", DataTypes.StringType, "The category id, theme id or expectation name the finding is about.")
      .add("category", DataTypes.StringType,
          "The taxonomy category that decides the owner: the subject itself, a theme's top category, an expectation's "
              + "category; null when there is none.")
      .add("theme", DataTypes.StringType, "The theme id for a theme alert, else null.")
      .add("label", DataTypes.StringType, "The theme's label or the expectation's label; null for a category (the taxonomy labels it).")
      .add("brand", DataTypes.StringType, "The brand the finding concerns.")
      .add("channel", DataTypes.StringType, "The channel of the finding (critics and unanswered: social; * = channels together).")
      .add("observed", DataTypes.DoubleType,
          "silence and alert: items observed; critics: critical authors; unanswered: posts not answered.")
      .add("expected", DataTypes.DoubleType,
          "silence and alert: items expected; critics: their posts with a polarity; unanswered: questions and complaints.")
      .add("evidence", DataTypes.StringType, "The numbers behind the finding in one English sentence (counts, never texts or authors).")
      .add("owner", DataTypes.StringType, "Who acts on the category (taxonomy 'owner', inherited from the parent); null when the taxonomy names no one.")
      .add("influence", DataTypes.StringType, "yes, partly or no (taxonomy 'influence', inherited from the parent); unknown when the taxonomy does not say.")
      .add("intensity", DataTypes.DoubleType, "0..1: how far off the finding is (see docs/ANALYSES.md per finding type).")
      .add("volume", DataTypes.DoubleType, "0..1: how many items it concerns, min(1, log10(1 + n) / 2).")
      .add("severity", DataTypes.DoubleType, "intensity x volume (0..1).")
      .add("novelty", DataTypes.StringType, "new (not a finding of the same type and subject in the previous period) or persisting.")
      .add("score", DataTypes.DoubleType,
          "influence weight (yes 1, partly 0.6, unknown 0.5, no 0.2) x severity x novelty weight (new 1, persisting 0.7).")
      .add("run_id", DataTypes.StringType, "The run that wrote the row.")
      .build();

  /** The owner and influence of every category, parents' inherited: the lookup the list is joined with. */
  public static final StructType OWNERS = new StructType()
      .add("category", DataTypes.StringType).add("owner", DataTypes.StringType).add("influence", DataTypes.StringType);

  /**
   * The gold rows the list is built from, each of the period and the previous one (the previous one tells new from
   * persisting); an absent table is an empty frame of its schema.
   *
   * @param themes gold.themes (theme id → label and top category)
   */
  public record Inputs(Dataset<Row> silences, Dataset<Row> alerts, Dataset<Row> criticalAuthors, Dataset<Row> webcare,
      Dataset<Row> themes) {}

  private ActionList() {}

  /** The owners frame of a taxonomy ({@link #OWNERS}), sub-categories inheriting their parent's. */
  public static Dataset<Row> owners(SparkSession spark, Taxonomy taxonomy) {
    List<Row> rows = new ArrayList<>();
    for (String id : taxonomy.ids()) {
      rows.add(RowFactory.create(id, taxonomy.owner(id), taxonomy.influence(id)));
    }
    return spark.createDataFrame(rows, OWNERS);
  }

  /**
   * @param owners category → owner, influence ({@link #owners})
   * @param expectationCategories expectation name → its category (expectations that name one)
   * @param brand our brand: alerts, critics and webcare of competitors are theirs to act on, not ours
   */
  public static Dataset<Row> compute(Inputs in, Dataset<Row> owners, Map<String, String> expectationCategories,
      String period, String previousPeriod, String brand, String runId) {
    Dataset<Row> findings = silences(in.silences(), expectationCategories)
        .unionByName(alerts(in.alerts(), in.themes(), brand))
        .unionByName(critics(in.criticalAuthors(), brand))
        .unionByName(unanswered(in.webcare(), brand));
    Dataset<Row> current = findings.filter(col("period").equalTo(period));
    Dataset<Row> before = findings.filter(col("period").equalTo(previousPeriod))
        .select(col("finding_type"), col("subject_type"), col("subject"), col("brand")).distinct()
        .withColumn("seen_before", lit(true));
    Column volume = least(lit(1.0), log10(lit(1.0).plus(greatest(col("n"), lit(0.0)))).divide(2.0));
    Column influence = coalesce(col("influence"), lit(Category.UNKNOWN_INFLUENCE));
    Dataset<Row> out = current
        .join(before, new String[] {"finding_type", "subject_type", "subject", "brand"}, "left")
        // Silences carry their own novelty (gold.silences follows a silence over every earlier period).
        .withColumn("novelty", coalesce(col("silence_novelty"),
            when(col("seen_before"), lit(PERSISTING)).otherwise(lit(NEW))))
        .join(owners, new String[] {"category"}, "left")
        .withColumn("influence", influence)
        .withColumn("intensity", least(lit(1.0), greatest(lit(0.0), col("intensity"))))
        .withColumn("volume", volume)
        .withColumn("severity", col("intensity").multiply(col("volume")))
        .withColumn("score", weight(INFLUENCE_WEIGHTS, col("influence")).multiply(col("severity"))
            .multiply(weight(NOVELTY_WEIGHTS, col("novelty"))))
        .withColumn("rank", row_number().over(Window.partitionBy("period").orderBy(col("score").desc(),
            col("severity").desc(), col("finding_type"), col("subject_type"), col("subject"), col("brand"),
            col("channel"))))
        .withColumn("run_id", lit(runId));
    return GoldSchema.conform(out, SCHEMA);
  }

  /** Silences: one per finding (a subject's tests), its most severe test; intensity = the share of what is missing. */
  static Dataset<Row> silences(Dataset<Row> silences, Map<String, String> expectationCategories) {
    Dataset<Row> tests = silences.filter(col("status").equalTo(SilenceFindings.SILENCE))
        .withColumn("finding", coalesce(col("finding_id"), concat_ws("/", col("period"), col("subject"))))
        .withColumn("r", row_number().over(Window.partitionBy("period", "finding")
            .orderBy(col("severity").desc_nulls_last(), col("channel"), col("detector"), col("brand"))))
        .filter(col("r").equalTo(1));
    Column expectationCategory = expectationCategories.isEmpty() ? lit(null).cast("string")
        : element_at(map(expectationCategories.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(lit(e.getKey()), lit(e.getValue()))).toArray(Column[]::new)),
            col("subject"));
    Column observed = coalesce(col("observed_count"), lit(0.0));
    Column expected = coalesce(col("expected_count"), lit(0.0));
    return tests.select(
        col("period"), lit(SILENCE).as("finding_type"), col("subject_type"), col("subject"),
        when(col("subject_type").equalTo("category"), col("subject")).otherwise(expectationCategory).as("category"),
        lit(null).cast("string").as("theme"),
        when(col("subject_type").equalTo("category"), lit(null).cast("string")).otherwise(col("label_en")).as("label"),
        col("brand"), col("channel"), observed.as("observed"), expected.as("expected"),
        concat(col("channel"), lit(": "), format_number(observed, 0), lit(" items where "), format_number(expected, 1),
            lit(" were expected, compared with "), coalesce(col("compared_with"), lit("?"))).as("evidence"),
        // ratio = observed share / expected share: 1 - ratio is the share of the expected mentions that is missing.
        when(col("ratio").isNull(), lit(1.0)).otherwise(lit(1.0).minus(least(col("ratio"), lit(1.0)))).as("intensity"),
        expected.minus(observed).as("n"),
        when(col("novelty").equalTo(PERSISTING), lit(PERSISTING)).when(col("novelty").isNotNull(), lit(NEW))
            .as("silence_novelty"));
  }

  /**
   * Alerts about our brand that go up and are not praise: one per subject, its most severe week over the channels;
   * intensity = the share of the week's items above what was expected (1 - expected / observed).
   */
  static Dataset<Row> alerts(Dataset<Row> alerts, Dataset<Row> themes, String brand) {
    Dataset<Row> rising = alerts.filter(col("brand").equalTo(brand).and(col("direction").equalTo("up"))
            .and(coalesce(col("polarity"), lit("unknown")).notEqual("praise")))
        .withColumn("r", row_number().over(Window.partitionBy("period", "subject_type", "subject")
            .orderBy(col("severity").desc_nulls_last(), col("week"), col("channel"))))
        .filter(col("r").equalTo(1));
    Dataset<Row> themeInfo = themes.select(col("period"), col("theme_id").as("subject"),
        col("label").as("theme_label"), col("top_category"));
    Dataset<Row> joined = rising.join(themeInfo, new String[] {"period", "subject"}, "left");
    Column isTheme = col("subject_type").equalTo("theme");
    return joined.select(
        col("period"), lit(ALERT).as("finding_type"), col("subject_type"), col("subject"),
        when(isTheme, col("top_category")).otherwise(col("subject")).as("category"),
        when(isTheme, col("subject")).as("theme"),
        when(isTheme, col("theme_label")).as("label"),
        col("brand"), col("channel"), col("observed"), col("expected"),
        concat(lit("week "), col("iso_week"), lit(", "), col("channel"), lit(": "), format_number(col("observed"), 0),
            lit(" items where "), format_number(col("expected"), 1), lit(" were expected ("),
            coalesce(col("polarity"), lit("unknown")), lit("), "), col("episode_weeks"), lit(" week(s) running"))
            .as("evidence"),
        when(col("observed").gt(0), lit(1.0).minus(col("expected").divide(col("observed")))).otherwise(lit(0.0))
            .as("intensity"),
        col("observed").minus(col("expected")).as("n"),
        lit(null).cast("string").as("silence_novelty"));
  }

  /**
   * Critical authors of our brand active in the period, per category they are mostly negative about; intensity =
   * the share of their posts with a polarity that is negative. Counts only: the authors stay in their table.
   */
  static Dataset<Row> critics(Dataset<Row> authors, String brand) {
    Dataset<Row> active = authors.filter(col("brand").equalTo(brand)
        .and(col("author_class").isin(CriticalAuthors.PERSISTENT, CriticalAuthors.INCIDENT))
        .and(col("posts_in_period").gt(0)));
    Dataset<Row> grouped = active.groupBy(col("period"), col("brand"),
            coalesce(col("main_category"), lit(Taxonomy.UNCLASSIFIED)).as("subject"))
        .agg(count(lit(1)).cast("double").as("critics"),
            sum(when(col("author_class").equalTo(CriticalAuthors.PERSISTENT), 1L).otherwise(0L)).as("persistent"),
            sum(col("negative_posts")).cast("double").as("negative"),
            sum(col("negative_posts").plus(col("positive_posts"))).cast("double").as("opinionated"));
    return grouped.select(
        col("period"), lit(CRITICS).as("finding_type"), lit("category").as("subject_type"), col("subject"),
        col("subject").as("category"), lit(null).cast("string").as("theme"), lit(null).cast("string").as("label"),
        col("brand"), lit("social").as("channel"), col("critics").as("observed"), col("opinionated").as("expected"),
        concat(format_number(col("critics"), 0), lit(" critical authors active this quarter ("), col("persistent"),
            lit(" persistent); "), format_number(col("negative"), 0), lit(" of their "),
            format_number(col("opinionated"), 0), lit(" posts with a polarity are negative")).as("evidence"),
        when(col("opinionated").gt(0), col("negative").divide(col("opinionated"))).otherwise(lit(0.0)).as("intensity"),
        col("negative").as("n"),
        lit(null).cast("string").as("silence_novelty"));
  }

  /**
   * Questions and complaints to our brand on social media its accounts did not answer, per category (both kinds
   * together, all platforms); intensity = the share unanswered. Not measurable rows (no own replies in the
   * exports) are no finding: the exports cannot show them.
   */
  static Dataset<Row> unanswered(Dataset<Row> webcare, String brand) {
    Dataset<Row> grouped = webcare.filter(col("brand").equalTo(brand).and(col("platform").equalTo("*"))
            .and(col("category").notEqual("*")).and(col("status").equalTo(Webcare.MEASURED)))
        .groupBy(col("period"), col("brand"), col("category").as("subject"))
        .agg(sum("unanswered").cast("double").as("unanswered"), sum("items").cast("double").as("items"),
            sum(when(col("kind").equalTo(Webcare.QUESTION), col("unanswered")).otherwise(0L)).as("questions"),
            sum(when(col("kind").equalTo(Webcare.COMPLAINT), col("unanswered")).otherwise(0L)).as("complaints"))
        .filter(col("unanswered").gt(0));
    return grouped.select(
        col("period"), lit(UNANSWERED).as("finding_type"), lit("category").as("subject_type"), col("subject"),
        col("subject").as("category"), lit(null).cast("string").as("theme"), lit(null).cast("string").as("label"),
        col("brand"), lit("social").as("channel"), col("unanswered").as("observed"), col("items").as("expected"),
        concat(format_number(col("unanswered"), 0), lit(" of "), format_number(col("items"), 0),
            lit(" questions and complaints on social media unanswered ("), col("questions"), lit(" questions, "),
            col("complaints"), lit(" complaints)")).as("evidence"),
        col("unanswered").divide(col("items")).as("intensity"),
        col("unanswered").as("n"),
        lit(null).cast("string").as("silence_novelty"));
  }

  private static Column weight(Map<String, Double> weights, Column key) {
    Column out = null;
    for (Map.Entry<String, Double> e : new java.util.TreeMap<>(weights).entrySet()) {
      out = out == null ? when(key.equalTo(e.getKey()), lit(e.getValue()))
          : out.when(key.equalTo(e.getKey()), lit(e.getValue()));
    }
    return out.otherwise(lit(0.0));
  }
}
