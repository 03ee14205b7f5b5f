package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 2 of category assignment: the taxonomy's keyword and phrase rules on free text. A phrase matches
 * when its stemmed words occur consecutively in the item's stemmed tokens (so "jaarafrekeningen" matches
 * the rule "jaarafrekening"), or its normalised words occur in the normalised text. A category whose
 * exclude phrase matches scores zero. The category with most matching phrases wins; ties go to the one
 * listed first in the taxonomy. Evaluated with built-ins ({@code contains} on the space-joined tokens; unlike {@code instr},
 * which compares at every position, it only compares where the first byte matches).
 */
public final class RuleCategories {
  public static final String COLUMN = "rule_category";
  public static final String HITS = "rule_hits";
  private static final String STEMMED_TEXT = "_rule_stemmed_text";
  private static final String PLAIN_TEXT = "_rule_plain_text";

  private RuleCategories() {}

  /**
   * @param tokens column of stemmed tokens (array of strings)
   * @param normalized column of normalised text (lower-case, accents folded, punctuation removed)
   * @param stemmer phrase and its language → stemmed tokens, the same analysis the text had
   * @param normalizer phrase → normalised phrase
   */
  public static Dataset<Row> assign(Dataset<Row> feedback, Taxonomy taxonomy, Column tokens, Column normalized,
      BiFunction<String, String, List<String>> stemmer, java.util.function.Function<String, String> normalizer) {
    // Joined once into columns: every phrase is a contains on them, and a taxonomy has hundreds of phrases
    // (inlined, the joins were recomputed per phrase and the expression outgrew code generation).
    Column stemmedText = col(STEMMED_TEXT);
    Column plainText = col(PLAIN_TEXT);
    List<Column> scores = new ArrayList<>();
    List<Category> categories = taxonomy.categories();
    for (int i = 0; i < categories.size(); i++) {
      Category c = categories.get(i);
      Column hits = phraseHits(c.include(), stemmedText, plainText, stemmer, normalizer);
      if (hits == null) {
        continue;
      }
      Column excluded = phraseHits(c.exclude(), stemmedText, plainText, stemmer, normalizer);
      Column score = excluded == null ? hits : when(excluded.gt(0), lit(0)).otherwise(hits);
      scores.add(struct(score.as("hits"), lit(-i).as("order"), lit(c.id()).as("category")));
    }
    if (scores.isEmpty()) {
      return feedback.withColumn(COLUMN, lit(null).cast("string")).withColumn(HITS, lit(0));
    }
    Column best = scores.size() == 1 ? scores.get(0) : greatest(scores.toArray(Column[]::new));
    return feedback
        .withColumn(STEMMED_TEXT, concat(lit(" "), array_join(tokens, " "), lit(" ")))
        .withColumn(PLAIN_TEXT, concat(lit(" "), normalized, lit(" ")))
        .withColumn("_best_rule", best)
        .withColumn(COLUMN, when(col("_best_rule.hits").gt(0), col("_best_rule.category")))
        .withColumn(HITS, col("_best_rule.hits"))
        .drop("_best_rule", STEMMED_TEXT, PLAIN_TEXT);
  }

  private static Column phraseHits(Map<String, List<String>> byLanguage, Column stemmedText, Column plainText,
      BiFunction<String, String, List<String>> stemmer, java.util.function.Function<String, String> normalizer) {
    Column sum = null;
    for (Map.Entry<String, List<String>> e : byLanguage.entrySet()) {
      for (String phrase : e.getValue()) {
        Set<Column> alternatives = new LinkedHashSet<>();
        List<String> stems = stemmer.apply(phrase, e.getKey());
        if (!stems.isEmpty()) {
          alternatives.add(stemmedText.contains(" " + String.join(" ", stems) + " "));
        }
        String plain = normalizer.apply(phrase).trim();
        if (!plain.isEmpty()) {
          alternatives.add(plainText.contains(" " + plain + " "));
        }
        if (alternatives.isEmpty()) {
          continue;
        }
        Column matched = alternatives.stream().reduce(Column::or).orElseThrow();
        Column one = when(coalesce(matched, lit(false)), lit(1)).otherwise(lit(0));
        sum = sum == null ? one : sum.plus(one);
      }
    }
    return sum;
  }
}
