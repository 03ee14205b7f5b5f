package io.luister.common.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luister.common.test.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextMaskingTest {

  private static String mask(String text) {
    List<Row> rows = TestSpark.session().createDataset(new ArrayList<>(List.of(text)), Encoders.STRING()).toDF("t")
        .select(TextMasking.mask(col("t"), List.of("zonnewijs", "ZonnewijsHelpt"))).collectAsList();
    return rows.get(0).getString(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mail me at jan.de.vries+x@example.co.uk please | mail me at [email] please",
      "bel 06-12345678 of 0612345678 | bel [phone] of [phone]",
      "call +31 6 1234 5678 or 0031 20 123 4567 | call [phone] or [phone]",
      "vaste lijn 020-1234567. | vaste lijn [phone].",
      "IBAN NL91ABNA0417164300 en NL91 ABNA 0417 1643 00 | IBAN [iban] en [iban]",
      "@jan_de_vries84 thanks, @Zonnewijs and @zonnewijshelpt | @[user] thanks, @Zonnewijs and @zonnewijshelpt",
      "@ZonnewijsFan is not the brand | @[user] is not the brand",
      "op 2026-07-03 kost het € 120,50 voor 3 maanden, klant K1002345 | op 2026-07-03 kost het € 120,50 voor 3 maanden, klant K1002345",
      "postcode 1234 AB, huisnummer 12 | postcode [address]",
      "\u001b[31mred\u001b[0m text\u0000 | [31mred[0m text",
  })
  void masksPersonalDataAndKeepsTheRest(String input, String expected) {
    assertEquals(expected, mask(input));
  }
}
