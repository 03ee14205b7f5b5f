package io.luister.jobs.report;

import static org.apache.spark.sql.functions.*;

import io.luister.jobs.report.ReportModel.AlertRow;
import io.luister.jobs.report.ReportModel.CategoryRow;
import io.luister.jobs.report.ReportModel.HealthRow;
import io.luister.jobs.report.ReportModel.Headline;
import io.luister.jobs.report.ReportModel.SentimentRow;
import io.luister.jobs.report.ReportModel.SilenceCounts;
import io.luister.jobs.report.ReportModel.SilenceRow;
import io.luister.jobs.report.ReportModel.ThemeRow;
import io.luister.jobs.report.ReportModel.VoiceRow;
import io.luister.jobs.report.ReportModel.WebcareRow;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.silences.DataHealth;
import io.luister.jobs.silences.SilenceStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gold tables of a period → {@link ReportModel}. Spark filters and orders; only bounded results reach the driver:
 * top-N lists, one row per brand x channel, one row per category of the taxonomy, one per period of the trend.
 * Every figure is copied from a gold table, never recomputed, so the report reconciles with the tables.
 */
public final class ReportModels {
  /** The longest lists the report shows (themes, silences, alerts); the counts above them are exact. */
  public static final int TOP = 10;
  /** Quarters of the sentiment trend: the period and up to this many before it present in gold.reputation. */
  public static final int TREND_PERIODS = 5;
  static final String ALL = "*";

  private ReportModels() {}

  public static ReportModel build(GoldTables gold, String period, String brand, List<String> competitors) {
    Dataset<Row> reputation = gold.reputation().filter(col("subject_type").equalTo("category")
        .and(col("subject").equalTo(ALL)));
    List<SentimentRow> trend = sentimentTrend(reputation, period);
    List<SentimentRow> byChannel = reputation.filter(col("period").equalTo(period).and(col("brand").equalTo(brand))
        .and(col("channel").notEqual(ALL))).orderBy(col("items").desc()).collectAsList().stream()
        .map(ReportModels::sentiment).toList();
    List<VoiceRow> voice = voice(gold.shareOfVoice(), period, brand, competitors);
    List<WebcareRow> webcare = gold.webcare().filter(col("period").equalTo(period).and(col("platform").equalTo(ALL))
        .and(col("category").equalTo(ALL))).orderBy(col("kind").desc(), col("brand")).collectAsList().stream()
        // The webcare stage writes answered, the response rate and the reply times as null when not measurable.
        .map(r -> new WebcareRow(r.getAs("brand"), r.getAs("kind"), lng(r, "items"),
            r.isNullAt(r.fieldIndex("answered")) ? null : lng(r, "answered"), dbl(r, "response_rate"),
            dbl(r, "median_minutes_to_first_reply"), dbl(r, "p90_minutes_to_first_reply"),
            !Webcare.NOT_MEASURABLE.equals(str(r, "status")), str(r, "reason")))
        .sorted(java.util.Comparator.comparing((WebcareRow w) -> !w.brand().equals(brand))).toList();
    Dataset<Row> silenceRows = gold.silences().filter(col("period").equalTo(period));
    SilenceCounts counts = silenceCounts(silenceRows);
    List<SilenceRow> silences = silences(silenceRows);
    List<HealthRow> health = gold.dataHealth().filter(col("period").equalTo(period))
        .orderBy(col("status").desc(), col("channel"), col("check")).collectAsList().stream()
        .map(r -> new HealthRow(r.getAs("channel"), r.getAs("check"), num(r, "observed"), num(r, "expected"),
            r.getAs("status"), r.getAs("explanation_en"), r.getAs("explanation_nl"))).toList();

    SentimentRow ours = trend.stream().filter(s -> s.period().equals(period) && s.brand().equals(brand))
        .findFirst().orElse(null);
    Optional<VoiceRow> socialVoice = voice.stream().filter(v -> v.channel().equals("social")
            && v.platform().equals(ALL) && v.brand().equals(brand))
        .findFirst();
    Headline headline = new Headline(ours == null ? 0 : ours.items(), ours == null ? null : ours.nps(),
        ours == null ? 0 : ours.respondents(), ours == null ? null : ours.negativeShare(),
        socialVoice.map(VoiceRow::share).orElse(null), responseRate(webcare, brand, "question"),
        responseRate(webcare, brand, "complaint"), counts.silence(),
        !gold.missing().contains("gold." + SilenceStage.TABLE),
        health.stream().filter(h -> !DataHealth.OK.equals(h.status())).count());

    java.util.Map<String, String> themeLabels = themeLabels(gold.themes());
    Dataset<Row> periodThemes = gold.themes().filter(col("period").equalTo(period));
    return new ReportModel(period, brand, List.copyOf(competitors), headline, categories(gold.channelMix(), period),
        themes(periodThemes), silences, counts, trend, byChannel, voice,
        alerts(gold.alerts(), period, brand, true, themeLabels), alerts(gold.alerts(), period, brand, false, themeLabels),
        candidateThemes(periodThemes), webcare, health, gold.missing(), null, List.of(), false);
  }

  /** The first {@link #TOP} actions of a gold.action_list frame of the period, in rank order. */
  public static List<ReportModel.ActionRow> actions(Dataset<Row> actionList) {
    return actionList.orderBy(col("rank")).limit(TOP).collectAsList().stream()
        .map(r -> new ReportModel.ActionRow(r.<Integer>getAs("rank"), str(r, "finding_type"), str(r, "subject_type"),
            str(r, "subject"), str(r, "category"), str(r, "label"), str(r, "brand"), str(r, "channel"),
            dbl(r, "observed"), dbl(r, "expected"), str(r, "owner"), str(r, "influence"), str(r, "novelty"),
            r.<Double>getAs("severity"), r.<Double>getAs("score")))
        .toList();
  }

  /** Our brand and the competitors, all channels, over the period and the quarters before it in the table. */
  static List<SentimentRow> sentimentTrend(Dataset<Row> reputation, String period) {
    List<String> periods = reputation.filter(col("period").leq(period)).select("period").distinct()
        .orderBy(col("period").desc()).limit(TREND_PERIODS).collectAsList().stream().map(r -> r.getString(0)).toList();
    return reputation.filter(col("channel").equalTo(ALL).and(col("period").isInCollection(periods)))
        .orderBy(col("period"), col("items").desc()).collectAsList().stream().map(ReportModels::sentiment).toList();
  }

  /**
   * Share of voice per brand where brands are compared: channels with more than one brand (contact centre and survey
   * only concern our own brand, and the all-channels row mixes them in), over all platforms and per platform.
   */
  static List<VoiceRow> voice(Dataset<Row> sov, String period, String brand, List<String> competitors) {
    List<VoiceRow> rows = sov.filter(col("period").equalTo(period).and(col("category").equalTo(ALL))
            .and(col("hour_of_week").isNull()).and(col("channel").notEqual(ALL)))
        .collectAsList().stream()
        .map(r -> new VoiceRow(r.getAs("channel"), r.getAs("platform"), r.getAs("brand"), lng(r, "mentions"),
            lng(r, "mentions_all_brands"), dbl(r, "share_of_voice"), dbl(r, "reach_share_of_voice")))
        .toList();
    java.util.Set<String> compared = new java.util.HashSet<>();
    rows.stream().collect(java.util.stream.Collectors.groupingBy(VoiceRow::channel,
            java.util.stream.Collectors.mapping(VoiceRow::brand, java.util.stream.Collectors.toSet())))
        .forEach((channel, brands) -> {
          if (brands.size() > 1) {
            compared.add(channel);
          }
        });
    List<String> brands = new ArrayList<>();
    brands.add(brand);
    brands.addAll(competitors);
    // A fixed layout every quarter: channel, all platforms first, then platforms by name; brands in config order.
    // Per-platform rows only where a channel has more than one platform: a single platform (often "unknown", an
    // export without a platform field) repeats the all-platforms rows word for word.
    java.util.Map<String, Long> platformsPerChannel = rows.stream().filter(v -> !v.platform().equals(ALL))
        .collect(java.util.stream.Collectors.groupingBy(VoiceRow::channel,
            java.util.stream.Collectors.mapping(VoiceRow::platform,
                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toSet(), x -> (long) x.size()))));
    return rows.stream().filter(v -> compared.contains(v.channel()))
        .filter(v -> v.platform().equals(ALL) || platformsPerChannel.getOrDefault(v.channel(), 0L) > 1)
        .sorted(java.util.Comparator
            .comparing(VoiceRow::channel)
            .thenComparing(v -> v.platform().equals(ALL) ? "" : v.platform())
            .thenComparing(v -> brands.indexOf(v.brand()) < 0 ? Integer.MAX_VALUE : brands.indexOf(v.brand())))
        .toList();
  }

  static List<CategoryRow> categories(Dataset<Row> mix, String period) {
    return mix.filter(col("period").equalTo(period).and(col("category").notEqual(ALL)))
        .orderBy(coalesce(col("contacts"), lit(0L)).plus(coalesce(col("social_mentions"), lit(0L)))
            .plus(coalesce(col("survey_mentions"), lit(0L))).desc(), col("category"))
        .collectAsList().stream()
        .map(r -> new CategoryRow(r.getAs("category"), dbl(r, "faq_views_share"), dbl(r, "site_searches_share"),
            dbl(r, "contacts_share"), dbl(r, "survey_share"), dbl(r, "social_share"), lng(r, "contacts")))
        .toList();
  }

  /**
   * Our themes (docs/THEMES.md, "Per brand"): themes are found on every brand's texts, so each row's size and share
   * become our brand's items in it and their share of all our themed items; themes without our items and the
   * "various" rest of small themes are left out of the list. Rows written before gold.themes had these columns
   * (null own_brand_items, see {@link GoldTables#read}) count wholly as ours.
   */
  static List<ThemeRow> themes(Dataset<Row> themes) {
    Dataset<Row> ours = themes.withColumn("_own", coalesce(col("own_brand_items"), col("size")))
        .withColumn("_ours_total", sum("_own").over(org.apache.spark.sql.expressions.Window.partitionBy("period")))
        .withColumn("size", col("_own"))
        .withColumn("share", when(col("_ours_total").gt(0), col("_own").divide(col("_ours_total"))))
        .filter(col("_own").gt(0).and(not(coalesce(col("various"), lit(false)))))
        // Quote one of our own items; rows written before own_brand_examples existed count wholly as ours (above).
        .withColumn("examples", when(col("own_brand_items").isNull(), col("examples")).otherwise(col("own_brand_examples")));
    return themeRows(ours.orderBy(col("size").desc(), col("theme_id")).limit(TOP));
  }

  static List<ThemeRow> candidateThemes(Dataset<Row> themes) {
    return themeRows(themes.filter(col("taxonomy_candidate")).orderBy(col("size").desc(), col("theme_id")).limit(TOP));
  }

  private static List<ThemeRow> themeRows(Dataset<Row> themes) {
    // The examples are masked by the themes stage (as silver text is); the report shows the first one.
    return themes.select(col("theme_id"), col("label"), col("size"), col("share"), col("top_category"),
            element_at(col("examples"), 1).as("example"))
        .collectAsList().stream()
        .map(r -> new ThemeRow(r.getAs("theme_id"), r.getAs("label"), lng(r, "size"), num(r, "share"),
            r.getAs("top_category"), r.getAs("example")))
        .toList();
  }

  /** Theme id → label of the themes in the table (one period, so bounded by the number of themes). */
  static java.util.Map<String, String> themeLabels(Dataset<Row> themes) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    themes.select("theme_id", "label").collectAsList()
        .forEach(r -> { if (!r.isNullAt(0) && !r.isNullAt(1)) out.putIfAbsent(r.getString(0), r.getString(1)); });
    return out;
  }

  /**
   * The most severe rises of the period about our brand ({@code ours}) or about the competitors: a competitor's burst
   * (of complaints or of praise) is never presented as ours.
   *
   * @param themeLabels a theme alert shows its theme's label (its id when the period's themes do not have it)
   */
  static List<AlertRow> alerts(Dataset<Row> alerts, String period, String brand, boolean ours,
      java.util.Map<String, String> themeLabels) {
    org.apache.spark.sql.Column about = col("brand").equalTo(brand);
    // gold.alerts has a row per week; a rise that lasts four weeks would fill four of the report's rows with one
    // story. One row per episode: its most severe week, with the episode's length beside it.
    org.apache.spark.sql.expressions.WindowSpec episode = org.apache.spark.sql.expressions.Window
        .partitionBy(col("brand"), col("channel"), col("subject_type"), col("subject"),
            coalesce(col("episode_start"), col("week")))
        .orderBy(col("severity").desc_nulls_last(), col("iso_week"));
    return alerts.filter(col("period").equalTo(period).and(col("direction").equalTo("up"))
            .and(ours ? about : not(about)))
        .withColumn("_in_episode", row_number().over(episode)).filter(col("_in_episode").equalTo(1))
        .orderBy(col("severity").desc_nulls_last(), col("iso_week"), col("brand"), col("channel"), col("subject"))
        .limit(TOP).collectAsList().stream()
        .map(r -> new AlertRow(r.getAs("iso_week"), r.getAs("brand"), r.getAs("channel"), r.getAs("subject_type"),
            "theme".equals(r.getAs("subject_type"))
                ? themeLabels.getOrDefault(r.<String>getAs("subject"), r.getAs("subject")) : r.getAs("subject"),
            num(r, "observed"), num(r, "expected"), dbl(r, "ratio"),
            r.isNullAt(r.fieldIndex("episode_weeks")) ? 1 : r.<Integer>getAs("episode_weeks"), r.getAs("explanation_en"),
            str(r, "polarity") == null ? "unknown" : str(r, "polarity"), ours))
        .toList();
  }

  /**
   * Test results are bounded by categories x channels x comparisons, so all silences of a period fit the driver.
   * One row per finding (gold.silences' finding_id, in finding_rank order): its most severe test, the other
   * comparisons named, and its first explanation followed by why it matters.
   */
  static List<SilenceRow> silences(Dataset<Row> silences) {
    java.util.Map<String, List<SilenceRow>> groups = new java.util.LinkedHashMap<>();
    java.util.Map<String, String[]> why = new java.util.HashMap<>();
    for (Row r : silences.filter(col("status").equalTo("silence"))
        .orderBy(col("finding_rank").asc_nulls_last(), col("severity").desc_nulls_last(), col("subject"),
            col("compared_with")).collectAsList()) {
      SilenceRow s = silence(r);
      String id = r.getAs("finding_id");
      String key = id != null ? id : String.join("|", s.detector(), s.subject(), s.channel(), String.valueOf(s.brand()));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      why.putIfAbsent(key, new String[] {r.getAs("finding_why_en"), r.getAs("finding_why_nl")});
    }
    return groups.entrySet().stream().limit(TOP).map(e -> {
      List<SilenceRow> g = e.getValue();
      SilenceRow first = g.get(0);
      String[] w = why.get(e.getKey());
      return new SilenceRow(first.detector(), first.subject(), first.labelEn(), first.labelNl(), first.channel(),
          first.brand(), first.comparedWith(), first.observedCount(), first.expectedCount(), first.observedShare(),
          first.expectedShare(), first.ratio(), first.qValue(), withWhy(first.explanationEn(), w[0]),
          withWhy(first.explanationNl(), w[1]), g.stream().skip(1).map(SilenceRow::comparedWith)
              .filter(c -> !c.equals(first.comparedWith())).distinct().toList());
    }).toList();
  }

  private static String withWhy(String explanation, String why) {
    return why == null || why.isBlank() ? explanation : explanation + " " + why;
  }

  /** Counted per finding (one per subject) when the rows carry a finding_id, else per test. */
  static SilenceCounts silenceCounts(Dataset<Row> silences) {
    long silence = 0;
    long insufficient = 0;
    long health = 0;
    org.apache.spark.sql.Column finding = coalesce(col("finding_id"), concat_ws("|", col("detector"), col("subject"), col("channel"),
        col("compared_with")));
    for (Row r : silences.groupBy("status").agg(countDistinct(finding)).collectAsList()) {
      String status = r.getString(0);
      long n = r.getLong(1);
      if ("silence".equals(status)) {
        silence = n;
      } else if ("data_health".equals(status)) {
        health = n;
      } else {
        insufficient += n;
      }
    }
    return new SilenceCounts(silence, insufficient, health);
  }

  private static SilenceRow silence(Row r) {
    return new SilenceRow(r.getAs("detector"), r.getAs("subject"), r.getAs("label_en"), r.getAs("label_nl"),
        r.getAs("channel"), r.getAs("brand"), r.getAs("compared_with"), num(r, "observed_count"),
        num(r, "expected_count"), dbl(r, "observed_share"), dbl(r, "expected_share"), dbl(r, "ratio"),
        dbl(r, "q_value"), r.getAs("explanation_en"), r.getAs("explanation_nl"), List.of());
  }

  private static SentimentRow sentiment(Row r) {
    return new SentimentRow(r.getAs("period"), r.getAs("brand"), r.getAs("channel"), num(r, "items"),
        dbl(r, "negative_share"), dbl(r, "mean_sentiment_score"), dbl(r, "nps"), num(r, "respondents"), dbl(r, "csat"),
        dbl(r, "score_based_share"));
  }

  private static Double responseRate(List<WebcareRow> webcare, String brand, String kind) {
    return webcare.stream().filter(w -> w.brand().equals(brand) && w.kind().equals(kind)).findFirst()
        .map(WebcareRow::responseRate).orElse(null);
  }

  static Double dbl(Row r, String field) {
    int i = r.fieldIndex(field);
    if (r.isNullAt(i)) {
      return null;
    }
    double v = ((Number) r.get(i)).doubleValue();
    return Double.isNaN(v) ? null : v;
  }

  /** A column as text, or null. */
  static String str(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? null : r.get(i).toString();
  }

  static double num(Row r, String field) {
    Double v = dbl(r, field);
    return v == null ? 0 : v;
  }

  static long lng(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
  }
}
