package io.luister.jobs.ml;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TermFeaturesTest {
  static final SparkSession spark = TestSpark.session();
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType))
      .add("label", DataTypes.DoubleType);

  static Dataset<Row> items(String... texts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i];
      rows.add(RowFactory.create("i" + i, Arrays.asList(text.split(" ")), text.contains("factuur") ? 1.0 : 0.0));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  static String[] vocabulary(List<Transformer> stages) {
    return ((CountVectorizerModel) stages.get(2)).vocabulary();
  }

  static final String[] TEXTS = {
      "factuur te hoog", "factuur te hoog", "storing in de straat", "storing in de wijk", "de app crasht",
      "factuur klopt niet", "storing al uren", "app crasht weer", "eenmalig woord"};

  @Test
  void theVocabularyIsTheTermsOfAtLeastTwoItemsSortedWhateverTheInputOrder() {
    String[] inOrder = vocabulary(TermFeatures.fit(items(TEXTS), "tokens").orElseThrow());
    assertTrue(Arrays.asList(inOrder).containsAll(List.of("factuur", "storing", "crasht", "app crasht", "factuur te")),
        Arrays.toString(inOrder));
    assertFalse(Arrays.asList(inOrder).contains("eenmalig"), "a term of one item is no evidence: " + Arrays.toString(inOrder));
    String[] sorted = inOrder.clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, inOrder);

    List<String> reversed = new ArrayList<>(Arrays.asList(TEXTS));
    java.util.Collections.reverse(reversed);
    Dataset<Row> reshuffled = items(reversed.toArray(String[]::new)).repartition(3, col("id"));
    assertArrayEquals(inOrder, vocabulary(TermFeatures.fit(reshuffled, "tokens").orElseThrow()),
        "the dimensions must not depend on how the input was split");
  }

  @Test
  void noVocabularyWhenNoTermRepeats() {
    assertTrue(TermFeatures.fit(items("een twee", "drie vier", "vijf zes"), "tokens").isEmpty());
  }

  @Test
  void aClassifierOnTheseFeaturesKeepsDenseCoefficientsSoScoringCostsTheItemsOwnTerms() {
    List<Transformer> stages = TermFeatures.fitClassifier(items(TEXTS), "tokens",
        new LogisticRegression().setFamily("multinomial").setRegParam(0.01).setMaxIter(20)).orElseThrow();
    LogisticRegressionModel model = (LogisticRegressionModel) stages.get(stages.size() - 1);
    // MLlib compresses the coefficients to a sparse matrix when most are zero (as with hashed features), and a
    // sparse matrix is walked in full for every item scored.
    assertInstanceOf(DenseMatrix.class, model.coefficientMatrix());
    Row unseen = new PipelineModel("features", stages.toArray(Transformer[]::new))
        .transform(items("volkomen onbekend")).select(TermFeatures.knownTerms().as("known")).first();
    assertFalse(unseen.getBoolean(0), "an item without a training term is flagged, not scored on the prior");
  }
}
