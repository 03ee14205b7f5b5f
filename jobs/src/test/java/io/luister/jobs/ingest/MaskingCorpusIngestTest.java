package io.luister.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luister.common.config.ProgramConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The masking corpus (common's src/test/resources/privacy/masking-corpus.tsv) through a real ingest: each variant
 * as the notes of a contact record, once accepted (bronze must hold the expected masked form) and once as a
 * duplicate (ops.quarantine's raw record must hold it too, and nothing of the raw value).
 */
class MaskingCorpusIngestTest {

  record Variant(String kind, String input, String expected) {}

  private static List<Variant> corpus() throws IOException {
    try (InputStream in = MaskingCorpusIngestTest.class.getResourceAsStream("/privacy/masking-corpus.tsv")) {
      List<Variant> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        // Control characters are not CSV material, and this fixture's brand is Acme, not the corpus's Zonnewijs:
        // the corpus test covers both.
        if (!f[0].equals("control") && !f[1].toLowerCase(java.util.Locale.ROOT).contains("zonnewijs")) {
          out.add(new Variant(f[0], unescape(f[1]), unescape(f[2])));
        }
      }
      return out;
    }
  }

  private static String unescape(String s) {
    Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(out).toString();
  }

  @Test
  void bronzeAndQuarantineHoldTheMaskedFormOfEveryVariant() throws IOException {
    List<Variant> corpus = corpus();
    IngestFixture f = new IngestFixture();
    StringBuilder csv = new StringBuilder("ContactID;Startdatum;Notities\n");
    for (int i = 0; i < corpus.size(); i++) {
      String notes = "\"" + corpus.get(i).input().replace("\"", "\"\"") + "\"";
      csv.append("c").append(i).append(";01-07-2026 10:00;").append(notes).append('\n');
      csv.append("c").append(i).append(";01-07-2026 11:00;").append(notes).append('\n');
    }
    f.file("contact/corpus.csv", csv.toString());
    ProgramConfig config = f.config("""
        - name: contacts
          type: contact
          path: contact/*.csv
          format: csv
          options: {delimiter: ";", multiline: true, timestamp_formats: ["dd-MM-yyyy HH:mm"]}
          mapping: {id: ContactID, started_at: Startdatum, notes: Notities}
        """);
    f.ingest(config, "contacts");
    Map<String, String> bronze = new TreeMap<>();
    for (Row r : f.bronze("contacts").select("id", "notes").collectAsList()) {
      bronze.put(r.getString(0), r.getString(1));
    }
    Map<String, String> quarantined = new TreeMap<>();
    for (Row r : f.quarantine("contacts").select("raw_record").collectAsList()) {
      Matcher id = Pattern.compile("\"ContactID\":\"(c[0-9]+)\"").matcher(r.getString(0));
      if (id.find()) {
        quarantined.put(id.group(1), r.getString(0));
      }
    }
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Variant v = corpus.get(i);
      String expected = v.expected().strip();
      if (!expected.equals(bronze.get("c" + i))) {
        wrong.add(v.kind() + " bronze: " + v.input() + " -> " + bronze.get("c" + i) + " (expected " + expected + ")");
      }
      String raw = quarantined.get("c" + i);
      if (raw == null || !raw.contains(expected.replace("\"", "\\\""))) {
        wrong.add(v.kind() + " quarantine: " + v.input() + " -> " + raw + " (expected to contain " + expected + ")");
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }
}
