package io.luister.common.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Runs the masking corpus (src/test/resources/privacy/masking-corpus.tsv: kind, input, expected) through the real
 * Spark expression of {@link TextMasking}, all rows in one DataFrame, and lists every row that differs.
 */
class TextMaskingCorpusTest {

  static final List<String> KEPT = List.of("zonnewijs", "ZonnewijsHelpt");

  record Variant(String kind, String input, String expected) {}

  static List<Variant> corpus() throws IOException {
    try (InputStream in = TextMaskingCorpusTest.class.getResourceAsStream("/privacy/masking-corpus.tsv")) {
      List<Variant> variants = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        variants.add(new Variant(f[0], unescape(f[1]), unescape(f[2])));
      }
      return variants;
    }
  }

  static String unescape(String s) {
    Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(out).toString();
  }

  static List<String> masked(List<String> texts, TextMasking.Rules rules) {
    List<Row> rows = TestSpark.session().createDataset(new ArrayList<>(texts), Encoders.STRING()).toDF("t")
        .select(TextMasking.mask(col("t"), rules)).collectAsList();
    return rows.stream().map(r -> r.getString(0)).toList();
  }

  @Test
  void everyVariantOfTheCorpusIsMaskedAsExpected() throws IOException {
    List<Variant> corpus = corpus();
    assertTrue(corpus.size() >= 60, "the corpus has at least 60 variants: " + corpus.size());
    List<String> out = masked(corpus.stream().map(Variant::input).toList(), TextMasking.Rules.keeping(KEPT));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (!corpus.get(i).expected().equals(out.get(i))) {
        wrong.add(corpus.get(i).kind() + ": " + corpus.get(i).input() + "\n   expected: " + corpus.get(i).expected()
            + "\n   got:      " + out.get(i));
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  @Test
  void staffNamesAndDeclaredCustomerIdsAreMaskedAnywhere() {
    TextMasking.Rules rules = new TextMasking.Rules(KEPT, List.of("Josh", "Amanda"), List.of("K[0-9]{7}"));
    List<String> out = masked(List.of("josh · amanda", "Amanda hielp me, klant K1002345", "joshua en amandas blijven"), rules);
    assertEquals(List.of("[name] · [name]", "[name] hielp me, klant [customer]", "joshua en amandas blijven"), out);
  }
}
