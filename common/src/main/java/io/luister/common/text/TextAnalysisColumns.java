package io.luister.common.text;

import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@link TextAnalyzer} as a Spark column. A UDF, because Spark has no built-in for stemming or language
 * detection; it runs row by row in the executors, and only the extra stop words travel with the task. The
 * language detector and stemmers are made once per executor JVM (stemmers once per task thread).
 *
 * <pre>{@code
 * Dataset<Row> analysed = feedback
 *     .withColumn("text_analysis", TextAnalysisColumns.analyze(col("text"), List.of("Zonnewijs", "Groene Stroom")))
 *     .select(col("id"), col("text_analysis.language"), col("text_analysis.tokens"));
 * }</pre>
 */
public final class TextAnalysisColumns {

  /** {@code struct<language: string, normalized: string, tokens: array<string>, emoji: array<string>>}. */
  public static final StructType ANALYSIS_TYPE = new StructType()
      .add("language", DataTypes.StringType, false)
      .add("normalized", DataTypes.StringType, false)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("emoji", DataTypes.createArrayType(DataTypes.StringType, false), false);

  private TextAnalysisColumns() {}

  /**
   * The analysis of each row's text as a struct of {@link #ANALYSIS_TYPE}. Null or blank text gives
   * language {@code unknown}, an empty {@code normalized} and empty arrays, never null.
   */
  public static Column analyze(Column text, Collection<String> extraStopWords) {
    return udf(new TextAnalyzer(extraStopWords)).apply(text);
  }

  static UserDefinedFunction udf(TextAnalyzer analyzer) {
    return functions.udf(new Analyze(analyzer), ANALYSIS_TYPE)
        .withName("luister_text_analysis")
        .asNonNullable();
  }

  private record Analyze(TextAnalyzer analyzer) implements UDF1<String, Row> {
    @Override
    public Row call(String text) {
      AnalyzedText analysed = analyzer.analyze(text);
      return RowFactory.create(
          analysed.language(),
          analysed.normalized(),
          analysed.tokens().toArray(new String[0]),
          analysed.emoji().toArray(new String[0]));
    }
  }
}
