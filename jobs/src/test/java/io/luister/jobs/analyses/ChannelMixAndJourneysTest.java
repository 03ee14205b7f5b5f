package io.luister.jobs.analyses;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_keys;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ChannelMixAndJourneysTest {
  @Test
  void channelMixPutsEveryChannelOfACategorySideBySide() {
    SilverRows s = new SilverRows();
    s.item().channel("faq_views").platform(null).weight(100).add();
    s.item().channel("faq_views").platform(null).category("outage").weight(300).add();
    s.item().channel("site_search").platform(null).weight(20).results(0).add();
    s.item().channel("site_search").platform(null).weight(30).results(12).add();
    s.item().channel("contact_centre").platform("phone").add();
    s.item().channel("contact_centre").platform("phone").add();
    s.item().channel("survey").platform("email").score(8, "nps").add();
    s.item().add();
    s.item().brand("Rival").add(); // a competitor's mention is not ours
    s.item().own("Acme").add();

    Dataset<Row> mix = ChannelMix.compute(s.feedback(), "Acme", "r1");

    Row billing = mix.filter(col("category").equalTo("billing")).first();
    assertEquals(100L, billing.getLong(billing.fieldIndex("faq_views")));
    assertEquals(50L, billing.getLong(billing.fieldIndex("site_searches")));
    assertEquals(20L, billing.getLong(billing.fieldIndex("searches_without_results")));
    assertEquals(2L, billing.getLong(billing.fieldIndex("contacts")));
    assertEquals(1L, billing.getLong(billing.fieldIndex("survey_mentions")));
    assertEquals(1L, billing.getLong(billing.fieldIndex("social_mentions")));
    assertEquals(0.25, billing.getDouble(billing.fieldIndex("faq_views_share")), 1e-9);
    assertEquals(0.4, billing.getDouble(billing.fieldIndex("no_result_rate")), 1e-9);
    Row outage = mix.filter(col("category").equalTo("outage")).first();
    assertTrue(outage.isNullAt(outage.fieldIndex("searches_without_results")),
        "no search rows, so the export says nothing about results");
  }

  @Test
  void journeysLinkContactsToTheScoreAndFindSilentDetractors() {
    SilverRows s = new SilverRows();
    LocalDateTime t = LocalDateTime.of(2026, 8, 3, 9, 0);
    // cu_a: two billing contacts, then a silent 3 (a silent detractor) two days later.
    s.item().channel("contact_centre").platform("phone").customer("cu_a").at(t).add();
    s.item().channel("contact_centre").platform("chat").customer("cu_a").at(t.plusDays(1)).add();
    s.item().channel("survey").platform("email").customer("cu_a").text(null).score(3, "nps").at(t.plusDays(3)).add();
    // cu_b: an outage contact, then a 9 with a comment.
    s.item().channel("contact_centre").platform("phone").category("outage").customer("cu_b").at(t).add();
    s.item().channel("survey").platform("email").customer("cu_b").text("prima").score(9, "nps").at(t.plusDays(1)).add();
    // cu_c and cu_d: no contact, a 10 and a 6 with comment.
    s.item().channel("survey").platform("email").customer("cu_c").text("top").score(10, "nps").add();
    s.item().channel("survey").platform("email").customer("cu_d").text("matig").score(6, "nps").add();

    Dataset<Row> journeys = CustomerJourneys.journeys(s.feedback(), "r1");
    Row a = journeys.filter(col("customer").equalTo("cu_a")).first();
    assertEquals(2L, a.getLong(a.fieldIndex("contacts")));
    assertEquals(2L, a.getJavaMap(a.fieldIndex("contacts_by_category")).get("billing"));
    assertTrue(a.getBoolean(a.fieldIndex("silent")));
    assertEquals(2.0, a.getDouble(a.fieldIndex("days_last_contact_to_survey")), 1e-9);
    assertEquals(4, journeys.count());

    Dataset<Row> summary = CustomerJourneys.summary(journeys, "r1");
    Row all = summary.filter(col("segment").equalTo("all_respondents")).first();
    assertEquals(4L, all.getLong(all.fieldIndex("respondents")));
    assertEquals(0.0, all.getDouble(all.fieldIndex("nps")), 1e-9); // 2 promoters, 2 detractors
    assertEquals(1L, all.getLong(all.fieldIndex("silent_detractors")));
    Row billing = summary.filter(col("segment").equalTo("contacted_about").and(col("category").equalTo("billing"))).first();
    assertEquals(1L, billing.getLong(billing.fieldIndex("respondents")));
    assertEquals(-100.0, billing.getDouble(billing.fieldIndex("nps")), 1e-9);
    // The other three: 9, 10, 6 -> (2 - 1) / 3.
    assertEquals(100.0 / 3, billing.getDouble(billing.fieldIndex("comparison_nps")), 1e-9);
    List<Row> any = summary.filter(col("segment").equalTo("contacted_any")).collectAsList();
    assertEquals(2L, any.get(0).getLong(any.get(0).fieldIndex("respondents")));
  }

  @Test
  void contactsByCategoryListsCategoriesInTheSameOrderWhateverOrderTheRowsCameIn() {
    SilverRows s = new SilverRows();
    List<String> arrival = List.of("outage", "moving", "billing", "app", "outage", "billing");
    for (String customer : List.of("cu_forward", "cu_backward")) {
      List<String> order = new ArrayList<>(arrival);
      if (customer.equals("cu_backward")) {
        Collections.reverse(order);
      }
      for (String category : order) {
        s.item().channel("contact_centre").platform("phone").category(category).customer(customer).add();
      }
    }

    Dataset<Row> journeys = CustomerJourneys.journeys(s.feedback().repartition(3), "r1");

    // map_keys keeps the stored entry order (a Java map from Row.getJavaMap would not).
    for (Row r : journeys.select(col("customer"), map_keys(col("contacts_by_category"))).collectAsList()) {
      assertEquals(List.of("app", "billing", "moving", "outage"), r.getList(1), r.getString(0));
    }
  }
}
