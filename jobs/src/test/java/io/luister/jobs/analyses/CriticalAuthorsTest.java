package io.luister.jobs.analyses;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.AnalysesSettings;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CriticalAuthorsTest {
  @Test
  void separatesPersistentCriticsIncidentCriticsAndPromotersAndSaysWhy() {
    SilverRows s = new SilverRows();
    LocalDateTime start = LocalDateTime.of(2026, 3, 2, 9, 0);
    for (int w = 0; w < 6; w++) { // negative every three weeks from March to July
      s.item().author("au_persistent").sentiment("negative").at(start.plusWeeks(3L * w)).add();
    }
    for (int d = 0; d < 3; d++) { // three complaints within a week in August
      s.item().author("au_incident").category("outage").sentiment("negative").at(LocalDateTime.of(2026, 8, 10 + 2 * d, 20, 0)).add();
    }
    for (int w = 0; w < 4; w++) {
      s.item().author("au_fan").sentiment("positive").at(LocalDateTime.of(2026, 7, 6, 12, 0).plusWeeks(w)).add();
    }
    s.item().author("au_mixed").sentiment("negative").at(LocalDateTime.of(2026, 4, 1, 9, 0)).add();
    s.item().author("au_mixed").sentiment("positive").at(LocalDateTime.of(2026, 8, 1, 9, 0)).add();
    s.item().author("au_mixed").sentiment("neutral").at(LocalDateTime.of(2026, 9, 1, 9, 0)).add();
    s.item().author("au_once").sentiment("negative").add();

    Map<String, Row> byAuthor = CriticalAuthors.compute(s.feedback(), s.sentiment(), "2026-Q3",
            AnalysesSettings.DEFAULTS, "r1").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("author")), r -> r));

    assertEquals(Map.of("au_persistent", "persistent_critic", "au_incident", "incident_critic", "au_fan", "promoter"),
        byAuthor.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            e -> e.getValue().getString(e.getValue().fieldIndex("author_class")))));
    Row incident = byAuthor.get("au_incident");
    assertEquals("outage", incident.getString(incident.fieldIndex("main_category")));
    assertTrue(incident.getString(incident.fieldIndex("reason")).contains("3 of 3 posts negative"),
        incident.getString(incident.fieldIndex("reason")));
    Row persistent = byAuthor.get("au_persistent");
    assertEquals(6L, persistent.getLong(persistent.fieldIndex("negative_weeks")));
    assertEquals(0L, persistent.getLong(persistent.fieldIndex("posts_in_period")), "listed though quiet this quarter");
  }
}
