package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Combines the three steps into the columns every later stage reads: {@code category},
 * {@code category_method} (native, rule, model, none), {@code category_confidence} and
 * {@code category_parent}. Native mappings win over rules, rules over the model; a model prediction below
 * the threshold leaves the item {@code unclassified} (method none, its confidence kept for inspection).
 */
public final class CategoryAssignment {
  public static final String NATIVE = "native";
  public static final String RULE = "rule";
  public static final String MODEL = "model";
  public static final String NONE = "none";

  private CategoryAssignment() {}

  public static Dataset<Row> combine(Dataset<Row> rows, Taxonomy taxonomy, double threshold) {
    Column nativeCat = col(NativeCategories.COLUMN);
    Column ruleCat = col(RuleCategories.COLUMN);
    Column modelCat = col(CategoryModel.PREDICTED);
    Column modelConf = col(CategoryModel.CONFIDENCE);
    Column confidentModel = modelCat.isNotNull().and(modelConf.geq(threshold));
    Column method = when(nativeCat.isNotNull(), lit(NATIVE))
        .when(ruleCat.isNotNull(), lit(RULE))
        .when(confidentModel, lit(MODEL))
        .otherwise(lit(NONE));
    Column category = coalesce(nativeCat, ruleCat, when(confidentModel, modelCat), lit(Taxonomy.UNCLASSIFIED));
    Column ruleConfidence = least(lit(1.0), lit(0.6).plus(col(RuleCategories.HITS).cast("double").multiply(0.15)));
    Column confidence = when(nativeCat.isNotNull(), lit(1.0))
        .when(ruleCat.isNotNull(), ruleConfidence)
        .otherwise(modelConf);
    return rows
        .withColumn("category", category)
        .withColumn("category_method", method)
        .withColumn("category_confidence", confidence.cast("double"))
        .withColumn("category_parent", parentOf(taxonomy, col("category")));
  }

  static Column parentOf(Taxonomy taxonomy, Column category) {
    List<Column> kv = new ArrayList<>();
    for (Category c : taxonomy.categories()) {
      if (c.parent() != null) {
        kv.add(lit(c.id()));
        kv.add(lit(c.parent()));
      }
    }
    return kv.isEmpty() ? lit(null).cast("string") : try_element_at(map(kv.toArray(Column[]::new)), category);
  }
}
