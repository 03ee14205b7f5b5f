package io.luister.jobs.themes;

import static io.luister.common.taxonomy.Taxonomy.UNCLASSIFIED;
import static io.luister.jobs.themes.ThemeFeatures.TERMS;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a term tells about an item's category beyond its source: the Kullback-Leibler divergence (nats) of the
 * (source, category) distribution of its items from the one expected if it were independent of the category given
 * the source; {@code chance} is that divergence's expectation under independence (Σ over the term's sources of
 * (categories in the source − 1) / (2 × document frequency): the G-test's χ² degrees of freedom / 2n), which is
 * what a rare term scores by chance. Computed here with its two uses: the boilerplate filter ({@link #boilerplate}) and
 * the term weighting ({@link ThemeFeatures#weighting}).
 */
record TermInformation(double information, double chance, double conditionalEntropy) {
  private static final Logger LOG = LoggerFactory.getLogger(TermInformation.class);

  /** The information beyond chance, never negative. */
  double excess() {
    return Math.max(0, information - chance);
  }

  /**
   * Corpus boilerplate: terms that say little about an item's category beyond what its source already says.
   * Handling and mood phrases of contact notes ("klant ontevreden", "mail gestuurd") occur alike in every category
   * of their source; theme words concentrate in the categories their theme belongs to. For every term among the
   * {@code vocabularySize} most frequent (document frequency at least {@code minDf}) this computes the
   * Kullback-Leibler divergence (nats) of the (source, category) distribution of its items from the one expected
   * if the term were independent of the category given the source, and returns the terms whose divergence is below
   * {@code minCategoryInformation} × H(category | source). Nothing is returned when the categories carry no
   * information (one category per source, e.g. everything unclassified) or the setting is 0.
   *
   * @param terms rows with {@code source}, {@code category} (unclassified as a category of its own) and
   *     {@code _terms}
   */
  static List<String> boilerplate(Dataset<Row> terms, ThemeSettings settings) {
    return boilerplate(categoryInformation(terms, settings), settings);
  }

  /** The terms whose category information is below the boilerplate bar (sorted); none when the filter is off. */
  static List<String> boilerplate(Map<String, TermInformation> information, ThemeSettings settings) {
    if (settings.minCategoryInformation() <= 0 || information.isEmpty()) {
      return List.of();
    }
    double threshold = settings.minCategoryInformation() * information.values().iterator().next().conditionalEntropy();
    List<String> out = information.entrySet().stream().filter(e -> e.getValue().information() < threshold)
        .map(Map.Entry::getKey).sorted().toList();
    LOG.info("themes: {} boilerplate terms (category information < {} nats = {} x H(category|source)): {}",
        out.size(), String.format("%.3f", threshold), settings.minCategoryInformation(),
        out.stream().limit(40).toList());
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1e9) / 1e9;
  }

  /**
   * {@link TermInformation} for every term among the {@code vocabularySize} most frequent (document frequency at
   * least {@code minDf}); empty when the categories carry no information within the sources (one category per
   * source, e.g. everything unclassified).
   *
   * @param terms rows with {@code source}, {@code category} (unclassified as a category of its own) and
   *     {@code _terms}
   */
  static Map<String, TermInformation> categoryInformation(Dataset<Row> terms, ThemeSettings settings) {
    Dataset<Row> docs = terms.select(col("source"), coalesce(col("category"), lit(UNCLASSIFIED)).as("category"),
        array_distinct(col(TERMS)).as("_t"));
    List<Row> cells = docs.groupBy("source", "category").count().collectAsList();
    Map<String, Long> perSource = new HashMap<>();
    Map<String, Integer> categoriesPerSource = new HashMap<>();
    cells.forEach(r -> {
      perSource.merge(r.getString(0), r.getLong(2), Long::sum);
      categoriesPerSource.merge(r.getString(0), 1, Integer::sum);
    });
    long total = perSource.values().stream().mapToLong(Long::longValue).sum();
    double conditionalEntropy = 0;
    for (Row r : cells) {
      double pCell = r.getLong(2) / (double) total;
      double pCategoryGivenSource = r.getLong(2) / (double) perSource.get(r.getString(0));
      conditionalEntropy -= pCell * Math.log(pCategoryGivenSource);
    }
    if (conditionalEntropy < 1e-9) {
      LOG.info("themes: categories carry no information within the sources; no boilerplate filter or term weighting");
      return Map.of();
    }
    List<Row> cellRows = new ArrayList<>();
    cells.forEach(r -> cellRows.add(RowFactory.create(r.getString(0), r.getString(1),
        r.getLong(2) / (double) perSource.get(r.getString(0)))));
    Dataset<Row> cellShare = terms.sparkSession().createDataFrame(cellRows,
        new StructType().add("_cs", "string").add("_cc", "string").add("_share", "double"));
    List<Row> sourceRows = new ArrayList<>();
    categoriesPerSource.forEach((source, n) -> sourceRows.add(RowFactory.create(source, n - 1)));
    Dataset<Row> freedom = terms.sparkSession().createDataFrame(sourceRows,
        new StructType().add("_fs", "string").add("_dof", "int"));
    Dataset<Row> observed = docs.select(col("source"), col("category"), explode(col("_t")).as("term"))
        .groupBy("term", "source", "category").agg(count(lit(1)).as("_o"));
    Dataset<Row> frequent = observed.groupBy("term").agg(sum("_o").as("_df"))
        .filter(col("_df").geq(settings.minDf()))
        .orderBy(col("_df").desc(), col("term")).limit(settings.vocabularySize());
    Dataset<Row> bySource = observed.groupBy(col("term").as("_bt"), col("source").as("_bs")).agg(sum("_o").as("_dfs"));
    Dataset<Row> dof = bySource.join(broadcast(freedom), col("_bs").equalTo(col("_fs")))
        .groupBy(col("_bt").as("_dt")).agg(sum("_dof").as("_dof"));
    Map<String, TermInformation> out = new HashMap<>();
    final double h = conditionalEntropy;
    observed.join(frequent, "term")
        .join(bySource, col("term").equalTo(col("_bt")).and(col("source").equalTo(col("_bs"))))
        .join(broadcast(cellShare), col("source").equalTo(col("_cs")).and(col("category").equalTo(col("_cc"))))
        // o/df × ln(o / e), e = df(term, source) × share of the category in the source
        .withColumn("_kl", col("_o").divide(col("_df"))
            .multiply(log(col("_o").divide(col("_dfs").multiply(col("_share"))))))
        .groupBy("term", "_df").agg(sum("_kl").as("_info"))
        .join(dof, col("term").equalTo(col("_dt")))
        .select(col("term"), col("_info"), col("_dof").divide(col("_df").multiply(2.0)).as("_chance"))
        .collectAsList()
        // Rounded: the sums above run in shuffle order, and their last bits must not reach the features (a flipped
        // k-means assignment would change the themes of a rerun).
        .forEach(r -> out.put(r.getString(0), new TermInformation(round(r.getDouble(1)), round(r.getDouble(2)), h)));
    return out;
  }
}
