package io.luister.jobs.themes;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import io.luister.common.config.ProgramConfig;
import io.luister.common.config.ThemeSettings;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.text.AccentFolding;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.InputTables;
import io.luister.jobs.unify.TextFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The themes stage: silver.feedback of one period → gold.themes, gold.theme_membership, gold.theme_trends,
 * gold.theme_lineage and gold.theme_categories, plus the fitted pipeline under {@code <warehouse>/models/themes/<period>}.
 * Method and measurements: docs/THEMES.md.
 */
public final class ThemeStage {
  public static final String NAME = "themes";
  /** How many readable terms a label and the top-terms list show. */
  static final int LABEL_TERMS = 4;
  static final int TOP_TERMS = 10;
  static final int EXAMPLES = 3;
  /** Representative texts are taken from items of a readable length where possible. */
  static final int EXAMPLE_MIN_CHARS = 30;
  static final int EXAMPLE_MAX_CHARS = 300;

  private final SparkSession spark;
  private final ProgramConfig config;
  private final Warehouse warehouse;

  public ThemeStage(SparkSession spark, ProgramConfig config, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
  }

  /** A discovered theme of the period, described. */
  public record Theme(String themeId, int index, String label, List<String> topTerms, List<ThemeTerms.Term> terms,
      long size, double share, String dominantLanguage, List<String> examples, String topCategory,
      double topCategoryShare, double unclassifiedShare, boolean taxonomyCandidate, long ownBrandItems,
      double ownBrandShare, boolean various, List<String> ownBrandExamples) {}

  /** The label of the rest theme that holds the themes too small to report on their own (ThemeMerge). */
  static String variousLabel(String language) {
    return "nl".equals(language) ? "diversen (kleine thema's)" : "various (small themes)";
  }

  /**
   * Below this many items eligible for fitting (customer free text with at least {@code themes.min_tokens} tokens)
   * no model is fitted and the period's themes are "not measured". Twice {@link ThemeMerge#MIN_THEME_ITEMS}: a theme
   * is shown on its own only with at least that many items, so a corpus needs room for two such themes before
   * dividing it says anything; below it every division is anecdotes (8 complaints gave four "themes" of 2 items
   * labelled "can", "know"). The bound follows from how themes are reported, not from any corpus.
   */
  public static final int MIN_ITEMS = 2 * ThemeMerge.MIN_THEME_ITEMS;
  /** How the ops.runs message of a period without themes begins (the report and backfill look for it). */
  public static final String NOT_MEASURED = "themes not measured";

  /** What the stage found: the themes (largest first), the lineage, the model and the membership of every item. */
  public record Result(List<Theme> themes, List<ThemeLineage.Event> lineage, ThemeModel.Fitted model,
      Dataset<Row> membership, long items, String notMeasured) {
    public Result(List<Theme> themes, List<ThemeLineage.Event> lineage, ThemeModel.Fitted model,
        Dataset<Row> membership, long items) {
      this(themes, lineage, model, membership, items, null);
    }

    /** No model fitted ({@link #MIN_ITEMS}): no themes, and why, for ops.runs and the console. */
    static Result notMeasured(long eligible, String reason) {
      return new Result(List.of(), List.of(), null, null, eligible, reason);
    }

    public boolean measured() {
      return notMeasured == null;
    }
  }

  /** The reason written to ops.runs when a period has too little text for themes. */
  static String notMeasuredReason(long eligible, String period, int minTokens) {
    return String.format(java.util.Locale.ROOT, "%s: %,d item%s of customer free text with at least %d tokens in %s, "
        + "at least %d needed (twice the %d items a theme needs to be shown on its own)", NOT_MEASURED, eligible,
        eligible == 1 ? "" : "s", minTokens, period, MIN_ITEMS, ThemeMerge.MIN_THEME_ITEMS);
  }

  public Result run(String period, List<String> baseline, String runId) {
    Dataset<Row> feedback = InputTables.feedback(spark, warehouse, NAME).filter(col("period").equalTo(period));
    long eligible = ThemeFitSample.eligible(inScope(feedback), config.themes()).count();
    if (eligible < MIN_ITEMS) {
      clear(period);
      return Result.notMeasured(eligible, notMeasuredReason(eligible, period, config.themes().minTokens()));
    }
    List<ThemeLineage.Previous> previous = previousThemes(period, baseline);
    String lastPeriod = baseline.isEmpty() ? null : baseline.get(baseline.size() - 1);
    Result result = discover(feedback, period, previous, lastPeriod, config, TextFeatures.forProgram(config));
    try {
      String modelPath = modelPath(period);
      result.model().pipeline().write().overwrite().save(modelPath);
      String where = "period = '" + period + "'";
      warehouse.replaceWhere(themesFrame(result, period, modelPath, runId), Layer.GOLD, ThemeTables.THEMES, where, "period");
      Dataset<Row> membership = result.membership();
      warehouse.replaceWhere(membership.select(cast(ThemeTables.MEMBERSHIP_SCHEMA)), Layer.GOLD, ThemeTables.MEMBERSHIP, where, "period");
      Dataset<Row> items = inScope(feedback)
          .select(col("feedback_id"), col("source"), col("brand"), col("category"), col("weight").as("item_weight"));
      Dataset<Row> members = warehouse.read(spark, Layer.GOLD, ThemeTables.MEMBERSHIP).filter(col("period").equalTo(period))
          .join(items, "feedback_id");
      Dataset<Row> priorTrends = warehouse.exists(spark, Layer.GOLD, ThemeTables.TRENDS)
          ? warehouse.read(spark, Layer.GOLD, ThemeTables.TRENDS).filter(col("period").isInCollection(baseline)) : null;
      warehouse.replaceWhere(trends(members, priorTrends, runId), Layer.GOLD, ThemeTables.TRENDS, where, "period");
      warehouse.replaceWhere(categories(members, runId), Layer.GOLD, ThemeTables.CATEGORIES, where, "period");
      warehouse.replaceWhere(lineageFrame(result.lineage(), runId), Layer.GOLD, ThemeTables.LINEAGE, where, "period");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the theme model of " + period, e);
    } finally {
      result.membership().unpersist();
    }
    return result;
  }

  /**
   * A period without themes: every themes table loses the period's rows (an earlier run's themes of it would
   * otherwise stay, and a rerun must give the same tables), and the period's saved model is removed. The tables are
   * created empty when absent, so analyse and the report read an empty period rather than a missing table.
   */
  void clear(String period) {
    String where = "period = '" + period + "'";
    Map<String, StructType> schemas = new java.util.LinkedHashMap<>();
    schemas.put(ThemeTables.THEMES, ThemeTables.THEMES_SCHEMA);
    schemas.put(ThemeTables.MEMBERSHIP, ThemeTables.MEMBERSHIP_SCHEMA);
    schemas.put(ThemeTables.TRENDS, ThemeTables.TRENDS_SCHEMA);
    schemas.put(ThemeTables.CATEGORIES, ThemeTables.CATEGORIES_SCHEMA);
    schemas.put(ThemeTables.LINEAGE, ThemeTables.LINEAGE_SCHEMA);
    schemas.forEach((table, schema) -> warehouse.replaceWhere(spark.createDataFrame(List.of(), schema), Layer.GOLD,
        table, where, "period"));
    try {
      org.apache.hadoop.fs.Path model = new org.apache.hadoop.fs.Path(modelPath(period));
      model.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(model, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the old theme model of " + period, e);
    }
  }

  public String modelPath(String period) {
    return warehouse.root() + "/models/themes/" + period;
  }

  /** The items themes are about: free text from customers. Own-account posts and site-search terms are not feedback texts. */
  public static Dataset<Row> inScope(Dataset<Row> feedback) {
    return feedback.filter(col("free_text").and(not(coalesce(col("own_account"), lit(false))))
        .and(col("channel").notEqual("site_search")).and(col("text").isNotNull()));
  }

  /** Brand and competitor names as the words the normaliser makes of them: extra stop words (silver already drops them). */
  static List<String> brandWords(ProgramConfig config) {
    Set<String> words = new TreeSet<>();
    for (BrandConfig b : config.allBrands()) {
      List<String> names = new ArrayList<>(b.aliases());
      names.add(b.name());
      names.addAll(b.normalisedAccounts());
      for (String name : names) {
        for (String w : AccentFolding.fold(name.toLowerCase(java.util.Locale.ROOT)).split("[^\\p{L}\\p{N}]+")) {
          if (w.length() > 1) {
            words.add(w);
          }
        }
      }
    }
    return List.copyOf(words);
  }

  /**
   * Everything but the writing: fit on a sample, score every item, describe the themes, give them stable ids.
   * The returned membership frame is persisted; the caller unpersists it.
   */
  public static Result discover(Dataset<Row> feedback, String period, List<ThemeLineage.Previous> previous,
      String lastPeriod, ProgramConfig config, TextFeatures text) {
    ThemeSettings settings = config.themes();
    Dataset<Row> items = inScope(feedback)
        .select("feedback_id", "source", "brand", "language", "tokens", "text", "category");
    // Words a reader cannot place (names, redaction, mask leftovers, configured stop words) are no feature at all.
    ThemeLabels labels = ThemeLabels.forProgram(config).with(ThemeLabels.detect(items, text));
    Set<String> stopWords = new TreeSet<>(brandWords(config));
    stopWords.addAll(labels.stems());
    ThemeModel.Fitted fitted = ThemeModel.fit(items, List.copyOf(stopWords), settings);
    Dataset<Row> scored = ThemeModel.score(fitted.pipeline(), items, settings).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Integer, String> dominant = ThemeTerms.dominantLanguages(scored);
      Map<Integer, List<ThemeTerms.Term>> terms = ThemeTerms.distinctive(scored, fitted.vocabulary(), dominant);
      Map<Integer, Long> sizes = new HashMap<>();
      Map<Integer, Map<String, Long>> categoryCounts = new HashMap<>();
      Map<Integer, Long> ownItems = new HashMap<>();
      String ours = config.brand().name();
      // Per theme and category, and how many items are about our brand (silver's brand: ours for our own sources,
      // the brand a social post is about; none recognised is not ours): themes are found on every brand's texts so
      // that they share one vocabulary, and the report shows ours.
      scored.filter(col(ThemeModel.THEME_INDEX).isNotNull())
          .groupBy(col(ThemeModel.THEME_INDEX), coalesce(col("category"), lit(Taxonomy.UNCLASSIFIED)).as("category"),
              col("brand").eqNullSafe(lit(ours)).as("_ours"))
          .count().collectAsList().forEach(r -> {
            sizes.merge(r.getInt(0), r.getLong(3), Long::sum);
            categoryCounts.computeIfAbsent(r.getInt(0), i -> new HashMap<>()).merge(r.getString(1), r.getLong(3), Long::sum);
            ownItems.merge(r.getInt(0), r.getBoolean(2) ? r.getLong(3) : 0L, Long::sum);
          });
      long total = scored.count();
      long themed = sizes.values().stream().mapToLong(Long::longValue).sum();
      // Largest first (ties by index): the order new ids are numbered in.
      List<Integer> order = sizes.keySet().stream()
          .sorted(Comparator.comparing((Integer i) -> -sizes.get(i)).thenComparing(i -> i)).toList();
      List<ThemeLineage.Current> current = order.stream()
          .map(i -> new ThemeLineage.Current(i, sizes.get(i), ThemeTerms.weights(terms.getOrDefault(i, List.of()))))
          .toList();
      ThemeLineage.Result lineage = ThemeLineage.match(period, current, previous, lastPeriod,
          settings.matchSimilarity());

      Set<String> stems = new LinkedHashSet<>();
      terms.values().forEach(list -> list.forEach(t -> stems.addAll(List.of(t.stem().split(" ")))));
      Map<String, Map<String, String>> surface = ThemeTerms.surfaceWords(scored, stems, (word, language) -> {
        List<String> s = text.stem(word, language);
        return s.size() == 1 ? s.get(0) : null;
      });
      Map<Integer, List<String>> examples = examples(scored, terms, dominant);
      // The report shows a theme as ours with our items' count, so its quote must be one of ours too: a theme shared
      // with every brand (or with texts about no brand) is otherwise illustrated by somebody else's complaint.
      Map<Integer, List<String>> ownExamples = examples(scored.filter(col("brand").eqNullSafe(lit(ours))), terms, dominant);

      List<Theme> themes = new ArrayList<>();
      for (Integer i : order) {
        List<ThemeTerms.Term> t = terms.getOrDefault(i, List.of());
        String language = dominant.get(i);
        // The terms a reader can place, filtered once for both the top terms and the label.
        List<ThemeTerms.Term> readable = t.stream()
            .filter(x -> !labels.rejectsTerm(x.stem(), ThemeTerms.readable(x.stem(), language, surface), language))
            .toList();
        List<String> top = readable.stream().map(x -> ThemeTerms.readable(x.stem(), language, surface)).distinct()
            .limit(TOP_TERMS).toList();
        boolean various = i == fitted.rest();
        String label = various ? variousLabel(language) : ThemeTerms.label(readable, language, surface, LABEL_TERMS);
        Map<String, Long> cats = categoryCounts.get(i);
        Map.Entry<String, Long> topCategory = cats.entrySet().stream()
            .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
            .orElseThrow();
        double unclassified = cats.getOrDefault(Taxonomy.UNCLASSIFIED, 0L) / (double) sizes.get(i);
        long own = ownItems.getOrDefault(i, 0L);
        themes.add(new Theme(lineage.ids().get(i), i, label, top, t,
            sizes.get(i), sizes.get(i) / (double) themed, language, examples.getOrDefault(i, List.of()),
            topCategory.getKey(), topCategory.getValue() / (double) sizes.get(i), unclassified,
            !various && unclassified >= settings.taxonomyCandidateShare(), own, own / (double) sizes.get(i), various,
            ownExamples.getOrDefault(i, List.of())));
      }
      Dataset<Row> ids = idFrame(scored.sparkSession(), lineage.ids());
      Dataset<Row> membership = scored.join(broadcast(ids), col(ThemeModel.THEME_INDEX).equalTo(col("_index")), "left")
          .select(lit(period).as("period"), col("feedback_id"), col("_theme_id").as("theme_id"),
              col(ThemeModel.THEME_WEIGHT).cast("double").as("weight"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      membership.count();
      return new Result(themes, lineage.events(), fitted, membership, total);
    } finally {
      scored.unpersist();
    }
  }

  static Dataset<Row> idFrame(SparkSession spark, Map<Integer, String> ids) {
    List<Row> rows = new ArrayList<>();
    ids.forEach((i, id) -> rows.add(RowFactory.create(i, id)));
    return spark.createDataFrame(rows, new StructType().add("_index", "int").add("_theme_id", "string"));
  }

  /**
   * Representative texts: items sharing the most of the theme's distinctive terms, in its dominant language and
   * of a readable length first; ties broken by id, so the choice is deterministic.
   */
  static Map<Integer, List<String>> examples(Dataset<Row> scored, Map<Integer, List<ThemeTerms.Term>> terms,
      Map<Integer, String> dominant) {
    List<Row> rows = new ArrayList<>();
    terms.forEach((i, t) -> rows.add(RowFactory.create(i, dominant.get(i),
        t.stream().limit(TOP_TERMS).map(ThemeTerms.Term::stem).toList())));
    Dataset<Row> top = scored.sparkSession().createDataFrame(rows, new StructType().add("_index", "int")
        .add("_language", "string").add("_top", "array<string>"));
    Column readable = length(col("text")).between(EXAMPLE_MIN_CHARS, EXAMPLE_MAX_CHARS);
    Map<Integer, List<String>> out = new HashMap<>();
    scored.join(broadcast(top), col(ThemeModel.THEME_INDEX).equalTo(col("_index")))
        .withColumn("_hits", size(array_intersect(col(ThemeFeatures.TERMS), col("_top"))))
        .withColumn("_r", row_number().over(Window.partitionBy("_index").orderBy(
            col("language").equalTo(col("_language")).desc(), readable.desc(), col("_hits").desc(),
            xxhash64(col("text")), col("text"), col("feedback_id"))))
        .filter(col("_r").leq(EXAMPLES))
        .select("_index", "_r", "text").orderBy("_index", "_r").collectAsList()
        .forEach(r -> out.computeIfAbsent(r.getInt(0), x -> new ArrayList<>()).add(r.getString(2)));
    return out;
  }

  /**
   * Volume and share per theme × source × brand, and the change against the baseline periods' shares.
   *
   * @param members membership rows joined with the items' source, brand and {@code item_weight}
   * @param priorTrends gold.theme_trends of the baseline periods, or null when there are none
   */
  public static Dataset<Row> trends(Dataset<Row> members, Dataset<Row> priorTrends, String runId) {
    Dataset<Row> themed = members.filter(col("theme_id").isNotNull())
        .withColumn("_w", coalesce(col("item_weight"), lit(1L)).cast("double"));
    Dataset<Row> totals = themed.groupBy("period", "source", "brand").agg(sum("_w").as("_total"))
        .withColumnRenamed("period", "_tp").withColumnRenamed("source", "_ts").withColumnRenamed("brand", "_tb");
    Dataset<Row> current = themed.groupBy("period", "theme_id", "source", "brand")
        .agg(count(lit(1)).as("items"), sum("_w").as("volume"));
    current = current.join(totals, col("period").equalTo(col("_tp")).and(col("source").equalTo(col("_ts")))
            .and(col("brand").eqNullSafe(col("_tb"))))
        .withColumn("share", col("volume").divide(col("_total")));
    Column baselineShare = lit(null).cast("double");
    if (priorTrends != null) {
      Dataset<Row> periods = priorTrends.groupBy("source", "brand").agg(countDistinct("period").as("_n"))
          .withColumnRenamed("source", "_ns").withColumnRenamed("brand", "_nb");
      Dataset<Row> sums = priorTrends.groupBy("theme_id", "source", "brand").agg(sum("share").as("_sum"))
          .withColumnRenamed("theme_id", "_bt").withColumnRenamed("source", "_bs").withColumnRenamed("brand", "_bb");
      current = current
          .join(periods, col("source").equalTo(col("_ns")).and(col("brand").eqNullSafe(col("_nb"))), "left")
          .join(sums, col("theme_id").equalTo(col("_bt")).and(col("source").equalTo(col("_bs")))
              .and(col("brand").eqNullSafe(col("_bb"))), "left");
      // A theme absent from a baseline period that had themes for this source and brand had share 0 there.
      baselineShare = when(col("_n").isNotNull(), coalesce(col("_sum"), lit(0.0)).divide(col("_n")));
    }
    return current.withColumn("baseline_share", baselineShare)
        .withColumn("change", col("share").minus(col("baseline_share")))
        .withColumn("ratio", when(col("baseline_share").gt(0), col("share").divide(col("baseline_share"))))
        .withColumn("run_id", lit(runId))
        .select(cast(ThemeTables.TRENDS_SCHEMA))
        .coalesce(1);
  }

  /** The cross-tabulation themes × category × source × brand. */
  public static Dataset<Row> categories(Dataset<Row> members, String runId) {
    Dataset<Row> themed = members.filter(col("theme_id").isNotNull())
        .withColumn("category", coalesce(col("category"), lit(Taxonomy.UNCLASSIFIED)));
    Dataset<Row> totals = themed.groupBy("period", "theme_id").agg(count(lit(1)).as("_theme_items"));
    return themed.groupBy("period", "theme_id", "category", "source", "brand").agg(count(lit(1)).as("items"))
        .join(totals, new String[] {"period", "theme_id"})
        .select(col("period"), col("theme_id"), col("category"), col("source"), col("brand"), col("items"),
            col("items").divide(col("_theme_items")).as("share_of_theme"), lit(runId).as("run_id"))
        .select(cast(ThemeTables.CATEGORIES_SCHEMA))
        .coalesce(1);
  }

  static Column[] cast(StructType schema) {
    return java.util.Arrays.stream(schema.fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name(), f.metadata())).toArray(Column[]::new);
  }

  /** The latest appearance of every theme in the lookback periods, read from gold.themes. */
  List<ThemeLineage.Previous> previousThemes(String period, List<String> baseline) {
    if (baseline.isEmpty() || !warehouse.exists(spark, Layer.GOLD, ThemeTables.THEMES)) {
      return List.of();
    }
    List<ThemeLineage.Previous> out = new ArrayList<>();
    warehouse.read(spark, Layer.GOLD, ThemeTables.THEMES).filter(col("period").isInCollection(baseline))
        .withColumn("_r", row_number().over(Window.partitionBy("theme_id").orderBy(col("period").desc())))
        .filter(col("_r").equalTo(1))
        .select("theme_id", "period", "term_weights").collectAsList()
        .forEach(r -> {
          Map<String, Double> w = new HashMap<>();
          for (Row tw : r.<Row>getList(2)) {
            w.put(tw.getString(0), tw.getDouble(1));
          }
          out.add(new ThemeLineage.Previous(r.getString(0), r.getString(1), w));
        });
    return out;
  }

  Dataset<Row> themesFrame(Result result, String period, String modelPath, String runId) {
    List<Row> rows = new ArrayList<>();
    for (Theme t : result.themes()) {
      List<Row> weights = t.terms().stream().map(x -> RowFactory.create(x.stem(), x.weight())).toList();
      rows.add(RowFactory.create(period, t.themeId(), t.label(), t.topTerms(), weights, t.size(), t.share(),
          t.dominantLanguage(), t.examples(), t.topCategory(), t.topCategoryShare(), t.unclassifiedShare(),
          t.taxonomyCandidate(), config.themes().method(), result.model().k(), modelPath, runId, t.ownBrandItems(),
          t.ownBrandShare(), t.various(), t.ownBrandExamples()));
    }
    return spark.createDataFrame(rows, ThemeTables.THEMES_SCHEMA).coalesce(1);
  }

  Dataset<Row> lineageFrame(List<ThemeLineage.Event> events, String runId) {
    List<Row> rows = events.stream().map(e -> RowFactory.create(e.period(), e.themeId(), e.event(), e.relatedThemeId(),
        e.relatedPeriod(), e.similarity(), runId)).toList();
    return spark.createDataFrame(rows, ThemeTables.LINEAGE_SCHEMA).coalesce(1);
  }
}
