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
    assertTrue(incident.getString(incident.fieldIndex("reason")).contains("3 of 3 posts with a polarity negative"),
        incident.getString(incident.fieldIndex("reason")));
    Row persistent = byAuthor.get("au_persistent");
    assertEquals(6L, persistent.getLong(persistent.fieldIndex("negative_weeks")));
    assertEquals(0L, persistent.getLong(persistent.fieldIndex("posts_in_period")), "listed though quiet this quarter");
  }

  /**
   * A model reads many complaints as neutral (they name no sentiment word) and hardly any as positive: shares
   * over the posts with a polarity keep such authors in their class, while neutral-only or two-sided authors stay
   * unclassified and a few negative readings never make a critic on their own.
   */
  @Test
  void neutralReadingsCountForNeitherSide() {
    SilverRows s = new SilverRows();
    LocalDateTime start = LocalDateTime.of(2025, 10, 6, 9, 0);
    // 12 complaints over a year, one every four weeks: the model read 5 negative, 6 neutral, 1 positive
    // (5 / 12 = 42 % of all posts negative; 5 / 6 = 83 % of those with a polarity).
    String[] readings = {"negative", "neutral", "neutral", "negative", "neutral", "positive", "negative", "neutral",
        "negative", "neutral", "neutral", "negative"};
    for (int i = 0; i < readings.length; i++) {
      s.item().author("au_critic_read_neutral").sentiment(readings[i]).at(start.plusWeeks(4L * i)).add();
    }
    // An author who complains as often but praises as often: two-sided, no class.
    for (int i = 0; i < 8; i++) {
      s.item().author("au_two_sided").sentiment(i % 2 == 0 ? "negative" : "positive").at(start.plusWeeks(4L * i)).add();
    }
    // Mostly neutral, three negative readings: fewer negative weeks than a persistent critic needs.
    for (int i = 0; i < 10; i++) {
      s.item().author("au_mostly_neutral").sentiment(i < 3 ? "negative" : "neutral").at(start.plusWeeks(5L * i)).add();
    }
    // Only neutral readings: no polarity at all, so no share and no class.
    for (int i = 0; i < 6; i++) {
      s.item().author("au_neutral").sentiment("neutral").at(start.plusWeeks(3L * i)).add();
    }
    // Two outage complaints in one week, one more read neutral: an incident critic.
    s.item().author("au_outage").category("outage").sentiment("negative").at(LocalDateTime.of(2026, 8, 10, 20, 0)).add();
    s.item().author("au_outage").category("outage").sentiment("neutral").at(LocalDateTime.of(2026, 8, 11, 8, 0)).add();
    s.item().author("au_outage").category("outage").sentiment("negative").at(LocalDateTime.of(2026, 8, 13, 9, 0)).add();
    // A fan with 8 positive readings, one misread negative and three neutral: still a promoter (8 / 9 >= 80 %).
    for (int i = 0; i < 12; i++) {
      s.item().author("au_fan").sentiment(i == 4 ? "negative" : i % 5 == 1 ? "neutral" : "positive")
          .at(start.plusWeeks(3L * i)).add();
    }
    // Two positive readings among neutrals: too few positive posts for a promoter.
    for (int i = 0; i < 6; i++) {
      s.item().author("au_two_praises").sentiment(i < 2 ? "positive" : "neutral").at(start.plusWeeks(3L * i)).add();
    }

    Map<String, Row> byAuthor = CriticalAuthors.compute(s.feedback(), s.sentiment(), "2026-Q3",
            AnalysesSettings.DEFAULTS, "r1").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("author")), r -> r));

    assertEquals(Map.of("au_critic_read_neutral", "persistent_critic", "au_outage", "incident_critic",
            "au_fan", "promoter"),
        byAuthor.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            e -> e.getValue().getString(e.getValue().fieldIndex("author_class")))));
    Row critic = byAuthor.get("au_critic_read_neutral");
    assertEquals(6L, critic.getLong(critic.fieldIndex("neutral_posts")));
    String reason = critic.getString(critic.fieldIndex("reason"));
    assertTrue(reason.contains("5 of 6 posts with a polarity negative") && reason.contains("6 more neutral"), reason);
    Row fan = byAuthor.get("au_fan");
    assertEquals(1L, fan.getLong(fan.fieldIndex("negative_posts")));
  }

  /**
   * A review export (one review per reviewer) or an export without authors cannot show a critic: the brand gets a
   * not_measurable row that says why, so an empty list is not read as "no critics". A brand whose authors do
   * post repeatedly gets none, even when nobody qualifies for a class.
   */
  @Test
  void saysWhenAnExportCannotShowCriticsInsteadOfListingNone() {
    SilverRows s = new SilverRows();
    for (int i = 0; i < 5; i++) {
      s.item().brand("ReviewedCo").author("au_reviewer" + i).sentiment("negative").add();
      s.item().brand("Anonymous").sentiment("negative").add();
      s.item().brand("Acme").author("au_regular").sentiment(i % 2 == 0 ? "negative" : "positive")
          .at(LocalDateTime.of(2026, 7, 1, 9, 0).plusWeeks(i)).add();
    }
    s.item().channel("contact_centre").brand("CallOnly").customer("cu_1").sentiment("negative").add();

    Map<String, Row> notMeasurable = CriticalAuthors.compute(s.feedback(), s.sentiment(), "2026-Q3",
            AnalysesSettings.DEFAULTS, "r1").collectAsList().stream()
        .filter(r -> CriticalAuthors.NOT_MEASURABLE.equals(r.getString(r.fieldIndex("author_class"))))
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("brand")), r -> r));

    assertEquals(java.util.Set.of("ReviewedCo", "Anonymous"), notMeasurable.keySet(),
        "Acme's author posts repeatedly (measurable, just no class); CallOnly has no social channel");
    Row reviewed = notMeasurable.get("ReviewedCo");
    assertTrue(reviewed.isNullAt(reviewed.fieldIndex("author")));
    assertEquals(5L, reviewed.getLong(reviewed.fieldIndex("posts")));
    assertTrue(reviewed.getString(reviewed.fieldIndex("reason")).startsWith("no author wrote more than 1 of the 5 social posts"),
        reviewed.getString(reviewed.fieldIndex("reason")));
    Row anonymous = notMeasurable.get("Anonymous");
    assertTrue(anonymous.getString(anonymous.fieldIndex("reason")).startsWith("the exports carry no author for any of the 5"),
        anonymous.getString(anonymous.fieldIndex("reason")));
  }
}
