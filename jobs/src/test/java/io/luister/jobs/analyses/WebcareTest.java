package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class WebcareTest {
  @Test
  void theQuestionRuleReadsEndingsAndFirstWordsAfterMentions() {
    List<String> texts = List.of("Mijn factuur klopt niet?", "@[user] @Acme waarom is mijn voorschot omhoog",
        "Hoe?! Echt niet normaal", "How do I switch", "Great service, thanks!", "@Acme storing in Utrecht",
        "  kan iemand helpen  ", "Wat een slechte service.");
    Dataset<Row> df = TestSpark.session().createDataFrame(texts.stream().map(t -> RowFactory.create(t)).toList(),
        new StructType().add("text", DataTypes.StringType));
    List<Boolean> got = df.select(AnalysisColumns.isQuestion(col("text"))).collectAsList().stream()
        .map(r -> r.getBoolean(0)).toList();
    // "Wat een ..." opens with a question word: the rule is deliberately simple and documented.
    assertEquals(List.of(true, true, true, true, false, false, true, true), got);
  }

  @Test
  void aQuestionMarkBeforeHashtagsLinksOrEmojiAndAContractedQuestionWordStillMakeAQuestion() {
    List<String> texts = List.of("What's the notice period at Acme? #opzeggen", "what's the notice period at acme",
        "Is my meter broken? https://t.co/x1", "Klopt dit wel? 🤷 @Acme", "Storing in Utrecht #fail 😡",
        "Thanks! 👍 #top", "Ik betaal te veel https://example.org/?q=1", "Hoe zit dat @Acme?", "Weer geen stroom #storing?");
    Dataset<Row> df = TestSpark.session().createDataFrame(texts.stream().map(t -> RowFactory.create(t)).toList(),
        new StructType().add("text", DataTypes.StringType));
    List<Boolean> got = df.select(AnalysisColumns.isQuestion(col("text"))).collectAsList().stream()
        .map(r -> r.getBoolean(0)).toList();
    assertEquals(List.of(true, true, true, true, false, false, false, true, true), got);
  }

  @Test
  void countsOwnRepliesOfTheSameBrandAndTheirDelay() {
    SilverRows s = new SilverRows();
    LocalDateTime t = LocalDateTime.of(2026, 8, 12, 10, 0);
    String q1 = s.item().text("Waarom is mijn rekening hoger?").at(t).add();
    String q2 = s.item().text("Hoe geef ik mijn meterstand door").at(t).platform("facebook").add();
    String q3 = s.item().text("Is er een storing?").at(t).category("outage").add();
    String c1 = s.item().text("Slechte service.").sentiment("negative").at(t).add();
    s.item().text("Prima geholpen").sentiment("positive").add(); // neither question nor complaint
    String r1 = s.item().text("Is er al een nieuwe stand?").brand("Rival").add(); // Rival: no own reply
    s.item().own("Acme").replyTo(q1).at(t.plusMinutes(30)).add();
    s.item().own("Acme").replyTo(q1).at(t.plusMinutes(90)).add(); // only the first reply counts
    s.item().own("Acme").replyTo(q2).at(t.plusMinutes(120)).add();
    s.item().own("Rival").replyTo(q3).at(t.plusMinutes(5)).add(); // a competitor's account does not answer for us
    s.item().own("Acme").replyTo(c1).at(t.plusMinutes(60)).add();
    s.item().own("Acme").replyTo(r1).at(t.plusMinutes(60)).add(); // we answering Rival's customer: not Rival's webcare
    Dataset<Row> feedback = s.feedback();

    Dataset<Row> w = Webcare.compute(feedback, feedback, s.sentiment(), List.of("Acme", "Rival"), "r1");

    Row questions = one(w, "Acme", "question");
    assertEquals(3L, questions.getLong(questions.fieldIndex("items")));
    assertEquals(2L, questions.getLong(questions.fieldIndex("answered")));
    assertEquals(1L, questions.getLong(questions.fieldIndex("unanswered")));
    assertEquals(75.0, questions.getDouble(questions.fieldIndex("median_minutes_to_first_reply")), 1e-9);
    Row complaints = one(w, "Acme", "complaint");
    assertEquals(1L, complaints.getLong(complaints.fieldIndex("answered")));
    Row rival = one(w, "Rival", "question");
    assertEquals(1L, rival.getLong(rival.fieldIndex("unanswered")));
    List<Row> outage = w.filter(col("brand").equalTo("Acme").and(col("kind").equalTo("question"))
        .and(col("platform").equalTo("*")).and(col("category").equalTo("outage"))).collectAsList();
    assertEquals(1L, outage.get(0).getLong(outage.get(0).fieldIndex("unanswered")));
  }

  @Test
  void aBrandWithoutAnyOwnReplyInTheExportsIsNotMeasurableRatherThanZeroPercent() {
    SilverRows s = new SilverRows();
    String q = s.item().text("Waarom is mijn rekening hoger?").add();
    s.item().text("Is er een storing?").brand("Rival").add();
    s.item().own("Acme").replyTo(q).at(LocalDateTime.of(2026, 8, 12, 11, 0)).add();
    Dataset<Row> feedback = s.feedback();

    Dataset<Row> w = Webcare.compute(feedback, feedback, null, List.of("Acme", "Rival"), "r1");

    Row acme = one(w, "Acme", "question");
    assertEquals(Webcare.MEASURED, acme.getAs("status"));
    assertEquals(1.0, acme.getDouble(acme.fieldIndex("response_rate")), 1e-9);
    assertTrue(acme.isNullAt(acme.fieldIndex("reason")));
    Row rival = one(w, "Rival", "question");
    assertEquals(Webcare.NOT_MEASURABLE, rival.getAs("status"));
    assertEquals(1L, rival.getLong(rival.fieldIndex("items")), "the questions are still counted");
    for (String f : List.of("answered", "unanswered", "response_rate", "median_minutes_to_first_reply")) {
      assertTrue(rival.isNullAt(rival.fieldIndex(f)), f + " is not 0 but unknown");
    }
    String reason = rival.getAs("reason");
    assertTrue(reason.contains("no reply by Rival's own accounts"), reason);
  }

  static Row one(Dataset<Row> w, String brand, String kind) {
    List<Row> rows = w.filter(col("brand").equalTo(brand).and(col("kind").equalTo(kind))
        .and(col("platform").equalTo("*")).and(col("category").equalTo("*"))).collectAsList();
    assertEquals(1, rows.size());
    return rows.get(0);
  }
}
