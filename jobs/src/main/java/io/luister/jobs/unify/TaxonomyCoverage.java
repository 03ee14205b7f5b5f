package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.taxonomy.Taxonomy;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;

/**
 * ops.taxonomy_coverage: how well the taxonomy covers each source in a period, so an analyst knows what
 * to add. Three kinds of row per source: {@code unmapped_native} (native codes, topics, pages or terms no
 * mapping catches, with their volume; the largest first), {@code method} (the share of items per
 * assignment method) and {@code unclassified} (the share left unclassified).
 */
public final class TaxonomyCoverage {
  public static final String TABLE = "taxonomy_coverage";
  public static final int UNMAPPED_PER_SOURCE = 100;

  private TaxonomyCoverage() {}

  /** The {@code unclassified} rows of a period's coverage as (source, share_of_rows), by source. */
  public static List<Row> unclassifiedShares(List<Row> coverage) {
    return coverage.stream().filter(r -> "unclassified".equals(r.getAs("kind")))
        .map(r -> RowFactory.create(r.<String>getAs("source"), r.<Double>getAs("share_of_rows")))
        .sorted(Comparator.comparing(r -> r.getString(0), Comparator.nullsFirst(Comparator.<String>naturalOrder())))
        .toList();
  }

  public static Dataset<Row> of(Dataset<Row> feedback) {
    Dataset<Row> totals = feedback.groupBy("period", "source")
        .agg(count(lit(1)).as("source_rows"), sum("weight").as("source_weight"));
    Dataset<Row> unmapped = feedback
        .filter(col("native_category").isNotNull().and(col("category_method").notEqual(CategoryAssignment.NATIVE)))
        .groupBy("period", "source", "native_category")
        .agg(count(lit(1)).as("rows"), sum("weight").as("weight"))
        .withColumn("_rank", row_number().over(Window.partitionBy("period", "source")
            .orderBy(col("weight").desc(), col("native_category"))))
        .filter(col("_rank").leq(UNMAPPED_PER_SOURCE))
        .select(col("period"), col("source"), lit("unmapped_native").as("kind"), col("native_category").as("value"),
            col("rows"), col("weight"));
    Dataset<Row> methods = feedback.groupBy("period", "source", "category_method")
        .agg(count(lit(1)).as("rows"), sum("weight").as("weight"))
        .select(col("period"), col("source"), lit("method").as("kind"), col("category_method").as("value"),
            col("rows"), col("weight"));
    Dataset<Row> unclassified = feedback
        .groupBy("period", "source")
        .agg(count_if(col("category").equalTo(Taxonomy.UNCLASSIFIED)).as("rows"),
            sum(when(col("category").equalTo(Taxonomy.UNCLASSIFIED), col("weight")).otherwise(lit(0L))).as("weight"))
        .select(col("period"), col("source"), lit("unclassified").as("kind"), lit(Taxonomy.UNCLASSIFIED).as("value"),
            col("rows"), col("weight"));
    Column share = col("rows").cast("double").divide(col("source_rows"));
    return unmapped.unionByName(methods).unionByName(unclassified)
        .join(totals, new String[] {"period", "source"})
        .withColumn("share_of_rows", share)
        .withColumn("share_of_weight", col("weight").cast("double").divide(col("source_weight")))
        .drop("source_rows", "source_weight");
  }
}
