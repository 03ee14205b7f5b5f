package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.taxonomy.Taxonomy;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Step 2 of category assignment: the taxonomy's keyword and phrase rules on free text. A phrase matches
 * when its stemmed words occur consecutively in the item's stemmed tokens (so "jaarafrekeningen" matches
 * the rule "jaarafrekening"), or its normalised words occur in the normalised text. A category whose
 * exclude phrase matches scores zero. The category with most matching phrases wins; ties go to the one
 * listed first in the taxonomy.
 *
 * <p>A function of its own ({@link PhraseRules}) rather than built-ins: with built-ins every phrase was a
 * {@code contains} on the joined tokens, hundreds per item in one generated expression, and that scan was 6 % of
 * the unify stage's CPU at 1M items; the function looks up each run of an item's words once (docs/performance.md).
 */
public final class RuleCategories {
  public static final String COLUMN = "rule_category";
  public static final String HITS = "rule_hits";
  private static final StructType BEST = new StructType()
      .add("category", DataTypes.StringType, true)
      .add("hits", DataTypes.IntegerType, false);

  private RuleCategories() {}

  /**
   * @param tokens column of stemmed tokens (array of strings)
   * @param normalized column of normalised text (lower-case, accents folded, punctuation removed, words separated
   *     by single spaces)
   * @param stemmer phrase and its language → stemmed tokens, the same analysis the text had
   * @param normalizer phrase → normalised phrase
   */
  public static Dataset<Row> assign(Dataset<Row> feedback, Taxonomy taxonomy, Column tokens, Column normalized,
      BiFunction<String, String, List<String>> stemmer, Function<String, String> normalizer) {
    PhraseRules rules = PhraseRules.compile(taxonomy.categories(), stemmer, normalizer);
    if (rules.isEmpty()) {
      return feedback.withColumn(COLUMN, lit(null).cast("string")).withColumn(HITS, lit(0));
    }
    Column best = udf(new BestRule(rules), BEST).withName("luister_rule_category").asNonNullable()
        .apply(tokens, normalized);
    return feedback
        .withColumn("_best_rule", best)
        .withColumn(COLUMN, col("_best_rule.category"))
        .withColumn(HITS, col("_best_rule.hits"))
        .drop("_best_rule");
  }

  private record BestRule(PhraseRules rules) implements UDF2<Seq<String>, String, Row> {
    @Override
    public Row call(Seq<String> tokens, String normalized) {
      List<String> words = normalized == null || normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
      PhraseRules.Best best = rules.best(tokens == null ? List.of() : CollectionConverters.asJava(tokens), words);
      return RowFactory.create(best.category(), best.hits());
    }
  }
}
