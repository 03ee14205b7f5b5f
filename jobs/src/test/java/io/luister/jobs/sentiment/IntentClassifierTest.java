package io.luister.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {
  private static final StructType ITEMS = new StructType().add("feedback_id", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("brand", DataTypes.StringType);

  private static Map<String, Row> classify(List<Row> rows) {
    Dataset<Row> df = TestSpark.session().createDataFrame(rows, ITEMS);
    Map<String, Row> out = new HashMap<>();
    IntentClassifier.classify(df, IntentClassifier.Patterns.shipped(), IntentLabels.BRANDS).collectAsList()
        .forEach(r -> out.put(r.getString(0), r));
    return out;
  }

  @Test
  void readsIntentsNegationsQuestionsAndTargetsInDutchAndEnglish() {
    Object[][] cases = {
        // id, text, item brand, intent, target
        {"1", "Ik stap over naar Stroomlijn, Zonnewijs is te duur", "Stroomlijn", "switch_to", "Stroomlijn"},
        {"2", "Ik ga NIET overstappen, heel tevreden", "Zonnewijs", "none", null},
        {"3", "Should I switch? Prices went up again", "Zonnewijs", "switch_away", null},
        {"4", "Should I switch to GreenGrid?", "Zonnewijs", "switch_to", "GreenGrid"},
        {"5", "@Zonnewijs ik wil naar jullie overstappen", "Zonnewijs", "switch_to", "Zonnewijs"},
        {"6", "Switching to Tibber, bye Zonnewijs", "Zonnewijs", "switch_to", null},
        {"7", "Hoe kan ik de nieuwsbrief opzeggen?", "Zonnewijs", "none", null},
        {"8", "Ik wil mijn contract opzeggen", "Zonnewijs", "switch_away", null},
        {"9", "I bought the battery last year and it broke", "Zonnewijs", "none", null},
        {"10", "Where can I buy the home battery?", "Zonnewijs", "purchase", null},
        {"11", "Tips voor een goede energieleverancier?", null, "recommendation_request", null},
        {"12", "How do I reset my password?", "Zonnewijs", "none", null},
        {"13", "My flight was cancelled again", "Zonnewijs", "none", null},
        {"14", "Wij stappen over naar een andere leverancier", "GreenGrid", "switch_away", null},
        {"15", "Ik wil een offerte voor 10 zonnepanelen", "Zonnewijs", "purchase", null},
        {"16", "Which supplier would you recommend?", null, "recommendation_request", null},
        {"17", null, "Zonnewijs", "none", null},
        {"18", "I’m going with Zonnewijs for the new house", "Zonnewijs", "switch_to", "Zonnewijs"},
        {"19", "Hoe stap ik over van Zonnewijs naar Stroomlijn", "Stroomlijn", "switch_to", "Stroomlijn"},
        {"20", "How do I change the bank account for my direct debit?", "GreenGrid", "none", null},
        {"21", "You lost a customer today. My flight was cancelled again", "Zonnewijs", "switch_away", null}};
    List<Row> rows = new ArrayList<>();
    for (Object[] c : cases) {
      rows.add(RowFactory.create(c[0], c[1], c[2]));
    }
    Map<String, Row> got = classify(rows);
    for (Object[] c : cases) {
      Row r = got.get((String) c[0]);
      assertEquals(c[3], r.getAs(IntentClassifier.INTENT), "intent of " + c[1]);
      assertEquals(c[4], r.getAs(IntentClassifier.TARGET), "target of " + c[1]);
    }
  }

  @Test
  void sparkAndThePlainReadingUsedForTheEvaluationAgreeOnEveryLabelledExample() throws Exception {
    List<IntentLabels.Example> examples = IntentLabels.examples();
    IntentLabels.Plain plain = new IntentLabels.Plain(IntentClassifier.Patterns.shipped(), IntentLabels.BRANDS);
    List<Row> rows = examples.stream().map(e -> RowFactory.create(String.valueOf(e.id()), e.text(), null)).toList();
    Map<String, Row> got = classify(rows);
    for (IntentLabels.Example e : examples) {
      assertEquals(plain.classify(e.text())[0], got.get(String.valueOf(e.id())).getAs(IntentClassifier.INTENT), e.text());
    }
  }

  /** The held-out half (even ids) stays at least as good as measured when the patterns were chosen (docs/INTENTS.md). */
  @Test
  void theHeldOutExamplesKeepTheirMeasuredQuality() throws Exception {
    IntentLabels.Plain plain = new IntentLabels.Plain(IntentClassifier.Patterns.shipped(), IntentLabels.BRANDS);
    List<IntentLabels.Example> test = IntentLabels.examples().stream().filter(e -> !e.dev()).toList();
    long right = test.stream().filter(e -> plain.classify(e.text())[0].equals(e.intent())).count();
    assertTrue(right >= 174, "held-out accuracy fell: " + right + " of " + test.size());
  }

  /** The second real sample (labelled before the classifier read it) keeps its measured quality (docs/INTENTS.md). */
  @Test
  void theHeldOutAirlineTweetsKeepTheirMeasuredQuality() throws Exception {
    List<IntentLabels.Example> tweets = IntentLabels.airlineTweets(2, null);
    org.junit.jupiter.api.Assumptions.assumeFalse(tweets.isEmpty(), "../shared/realdata/airline-tweets is absent");
    IntentLabels.Plain plain = new IntentLabels.Plain(IntentClassifier.Patterns.shipped(), IntentLabels.AIRLINES);
    long right = tweets.stream().filter(e -> plain.classify(e.text())[0].equals(e.intent())).count();
    assertEquals(300, tweets.size());
    assertTrue(right >= 281, "held-out accuracy on the airline tweets fell: " + right + " of " + tweets.size());
  }

  @Test
  void aPatternFileLineWithoutFourFieldsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> IntentClassifier.Patterns.parse(List.of("purchase\tmatch\ten")));
  }
}
