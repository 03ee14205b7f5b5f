package io.luister.common.privacy;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Measures (never asserts) what masking costs on 100,000 generated texts: no masking, the five patterns masking had
 * before the corpus (control characters, e-mail, IBAN, phone, mention), and today's. Runs only with
 * -Dluister.measure=true, so the test suite does not pay for it.
 */
class TextMaskingCostMeasurement {
  private static final String[] WORDS = {"de", "factuur", "is", "te", "hoog", "storing", "bij", "Zonnewijs", "mijn",
      "contract", "the", "app", "crashes", "again", "klantenservice", "was", "vriendelijk", "wachttijd", "lang", "ok"};
  private static final String[] PERSONAL = {"bel 06-12345678", "mail jan@voorbeeld.nl", "NL91 ABNA 0417 1643 00",
      "ik ben Jan", "https://x.com/pieter/status/1", "Dorpsstraat 12, 1234 AB Utrecht", "@someone", "bsn 123456782",
      "Hoi Ayoub,", "(020) 123 4567"};

  @Test
  void maskingCostOnAHundredThousandTexts() {
    assumeTrue(Boolean.getBoolean("luister.measure"), "set -Dluister.measure=true to measure");
    Random random = new Random(42);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      int words = 8 + random.nextInt(60);
      for (int w = 0; w < words; w++) {
        sb.append(random.nextInt(12) == 0 ? PERSONAL[random.nextInt(PERSONAL.length)] : WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      texts.add(sb.toString());
    }
    Dataset<Row> frame = TestSpark.session().createDataset(texts, Encoders.STRING()).toDF("t").repartition(4).cache();
    frame.count();
    Column old = regexp_replace(col("t"), TextMasking.CONTROL, "");
    old = regexp_replace(old, "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", "[email]");
    old = regexp_replace(old, "(?i)(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])", "[iban]");
    old = regexp_replace(old, "(?<![\\w+])(?:(?:\\+|00)[1-9][0-9]{0,2}[ .-]?(?:\\(0\\)[ .-]?)?[0-9](?:[ .-]?[0-9]){6,11}"
        + "|0[0-9](?:[ .-]?[0-9]){7,10})(?![\\w])", "[phone]");
    old = regexp_replace(old, TextMasking.mentionPattern(List.of("zonnewijs")), "@[user]");
    for (int round = 0; round < 2; round++) {
      System.out.printf("round %d: none %.1f s, before (5 patterns) %.1f s, now %.1f s%n", round,
          seconds(frame.select(length(col("t")).as("m"))), seconds(frame.select(old.as("m"))),
          seconds(frame.select(TextMasking.mask(col("t"), List.of("zonnewijs")).as("m"))));
    }
  }

  private static double seconds(Dataset<Row> masked) {
    long start = System.nanoTime();
    masked.agg(sum(length(col("m").cast("string")))).collect();
    return (System.nanoTime() - start) / 1e9;
  }
}
