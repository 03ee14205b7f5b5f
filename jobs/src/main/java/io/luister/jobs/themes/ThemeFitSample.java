package io.luister.jobs.themes;

import static io.luister.common.taxonomy.Taxonomy.UNCLASSIFIED;
import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ThemeSettings;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The items a theme model is fitted on: the eligible ones (enough tokens), sampled and ordered by their content so the
 * same texts give the same sample, in the same order, however the input was split or its sources named.
 */
final class ThemeFitSample {
  /** A hash of an item's text and tokens: samples and orders the fit sample by content (see {@link #fitSample}). */
  static final String CONTENT_KEY = "_content_key";
  /**
   * The fit sample is hash-partitioned into this many partitions and sorted within them, so the model (whose
   * initialisation samples per partition) does not depend on how the input happened to be split.
   */
  static final int FIT_PARTITIONS = 4;

  private ThemeFitSample() {}

  /** The items a model may be fitted on: at least {@code min_tokens} tokens (ThemeStage counts them first). */
  static Dataset<Row> eligible(Dataset<Row> items, ThemeSettings settings) {
    return items.filter(size(col("tokens")).geq(settings.minTokens()));
  }

  /** Items used for fitting: {@link #eligible}, and a deterministic sample (hash of id and seed) of at most maxFitRows. */
  static Dataset<Row> fitSample(Dataset<Row> items, ThemeSettings settings) {
    // Sampled and ordered by the text, not the id: ids carry the source's name, so renaming or adding a source would
    // otherwise change the sample, the order bisection meets the items in, and so the themes of the same texts.
    Column text = Arrays.asList(items.columns()).contains("text") ? coalesce(col("text"), lit("")) : lit("");
    Dataset<Row> eligible = eligible(items, settings)
        .select(col("feedback_id"), col("tokens"), col("source"), coalesce(col("category"), lit(UNCLASSIFIED)).as("category"),
            xxhash64(text, concat_ws(" ", col("tokens"))).as(CONTENT_KEY), text.as("_content"));
    long n = eligible.count();
    if (n < 2) {
      // ThemeStage does not fit below ThemeStage.MIN_ITEMS; this guards discover called on its own. A data condition.
      throw new io.luister.jobs.LuisterDataException("too few items of customer free text with at least " + settings.minTokens()
          + " tokens to find themes in (" + n + "); is the period right, and does silver.feedback have it?");
    }
    if (n > settings.maxFitRows()) {
      long permille = Math.max(1, (long) Math.floor(1_000_000.0 * settings.maxFitRows() / n));
      eligible = eligible.filter(pmod(xxhash64(col(CONTENT_KEY), lit(settings.seed())), lit(1_000_000L)).lt(permille));
    }
    return eligible.repartition(FIT_PARTITIONS, col(CONTENT_KEY)).sortWithinPartitions(CONTENT_KEY, "_content", "feedback_id")
        .drop("_content");
  }
}
