package io.luister.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.config.ProgramConfig;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * ops.quarantine keeps why a record was refused, never the person in it: a malformed author or customer id is shown
 * by its pseudonym, and any other value in a reason is masked like text.
 */
class QuarantineReasonPrivacyTest {

  @Test
  void reasonsShowPseudonymsAndMaskedValuesNeverTheRawPersonValue() {
    IngestFixture f = new IngestFixture();
    f.file("social/a.jsonl",
        "{\"post_id\":\"p1\",\"created\":\"2026-07-03T14:22:05+02:00\",\"content\":\"ok\",\"user\":{\"handle\":\"fine_person\"}}\n"
            + "{\"post_id\":\"p2\",\"created\":\"2026-07-03T14:22:05+02:00\",\"content\":\"ok\","
            + "\"user\":{\"handle\":{\"name\":\"secret_person_one\"}}}\n");
    f.file("contact/c.csv", "ContactID;Startdatum;Kanaal;Notities;KlantID\n"
        + "c1;01-07-2026 10:00;chat;vraag;K4242424\u0001\n"
        + "0612345678\u0001;01-07-2026 10:00;chat;vraag;K1000001\n"
        + "c3;jan.jansen@example.com;chat;vraag;K1000002\n");
    ProgramConfig config = f.config("""
        - name: social
          type: social
          path: social/*.jsonl
          format: jsonl
          mapping: {id: post_id, published_at: created, text: content, author: user.handle}
        - name: contacts
          type: contact
          path: contact/*.csv
          format: csv
          options: {delimiter: ";", timestamp_formats: ["dd-MM-yyyy HH:mm"]}
          mapping: {id: ContactID, started_at: Startdatum, channel: Kanaal, notes: Notities, customer_id: KlantID}
        """);
    f.ingest(config, "social");
    f.ingest(config, "contacts");

    List<Row> social = f.quarantine("social").collectAsList();
    assertEquals(1, social.size(), "the post with an object as author is quarantined: " + social);
    String socialReason = social.get(0).getAs("reason");
    assertTrue(socialReason.startsWith("author: expected a single value but found 'au_"), socialReason);
    assertFalse(socialReason.contains("secret_person_one"), socialReason);
    String rawRecord = social.get(0).getAs("raw_record");
    assertFalse(rawRecord.contains("secret_person_one"), rawRecord);

    List<Row> contacts = f.quarantine("contacts").orderBy("record_number").collectAsList();
    assertEquals(3, contacts.size(), "three contacts are quarantined: " + contacts);
    String customerReason = contacts.get(0).getAs("reason");
    assertTrue(customerReason.startsWith("customer_id: 'cu_"), customerReason);
    assertFalse(customerReason.contains("K4242424"), customerReason);
    String idReason = contacts.get(1).getAs("reason");
    assertTrue(idReason.startsWith("id: '[phone]?'"), idReason);
    String dateReason = contacts.get(2).getAs("reason");
    assertTrue(dateReason.startsWith("started_at: '[email]'"), dateReason);
    for (Row r : contacts) {
      String all = r.<String>getAs("reason") + " " + r.<String>getAs("raw_record");
      assertFalse(all.contains("K4242424") || all.contains("0612345678") || all.contains("jan.jansen"), all);
    }
  }
}
