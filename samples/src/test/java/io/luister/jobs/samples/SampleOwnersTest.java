package io.luister.jobs.samples;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.taxonomy.TaxonomyLoader;
import io.luister.common.test.TestSpark;
import io.luister.jobs.analyses.CriticalAuthors;
import io.luister.jobs.analyses.EmergingIssues;
import io.luister.jobs.analyses.Webcare;
import io.luister.jobs.report.ActionList;
import io.luister.jobs.silences.SilenceStage;
import io.luister.jobs.themes.ThemeTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample taxonomy gives its categories owners and influence, the ground truth records them, and an action list
 * over the planted signals (the silences and the outage spike, as the stages report them) names those owners.
 */
class SampleOwnersTest {
  @Test
  void theActionListOfThePlantedSignalsNamesTheOwnersOfTheTruth(@TempDir Path dir) throws IOException {
    SampleGenerator.generate(dir, SampleGenerator.DEFAULT_ITEMS, SampleGenerator.DEFAULT_SEED);
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth/truth.json").toFile());
    Taxonomy taxonomy = TaxonomyLoader.load(dir.resolve("taxonomy.yaml"), Set.of());

    Map<String, String> owners = new HashMap<>();
    for (JsonNode c : truth.path("categories")) {
      String id = c.get("id").asText();
      if (c.path("owner").isNull()) {
        continue;
      }
      owners.put(id, c.get("owner").asText());
      assertEquals(c.get("owner").asText(), taxonomy.owner(id), id);
      assertEquals(c.get("influence").asText(), taxonomy.influence(id), id);
    }
    assertEquals("Billing team", owners.get("payments"), "a sub-category inherits its parent's owner");
    assertTrue(owners.keySet().containsAll(taxonomy.ids()), "every category of the sample taxonomy has an owner");

    JsonNode signals = truth.path("signals");
    String period = truth.get("analysis_period").asText();
    String brand = signals.path("silent_expected_theme").get("brand").asText();
    List<Row> silences = new ArrayList<>();
    for (String[] planted : List.of(new String[] {"silent_expected_theme", "expected_absent"},
        new String[] {"channel_gap", "channel_gap"}, new String[] {"baseline_drop", "baseline_drop"},
        new String[] {"competitor_gap", "competitor_gap"})) {
      String category = signals.path(planted[0]).get("category").asText();
      silences.add(row(SilenceStage.SILENCES, "period", period, "detector", planted[1], "subject_type", "category",
          "subject", category, "channel", "social", "brand", brand, "observed_count", 2.0, "expected_count", 40.0,
          "ratio", 0.05, "severity", 3.0, "status", "silence", "finding_id", period + "/" + category, "novelty", "new"));
    }
    String spike = signals.path("short_spike").get("category").asText();
    Dataset<Row> alerts = frame(EmergingIssues.SCHEMA, List.of(row(EmergingIssues.SCHEMA, "period", period,
        "week", Date.valueOf(signals.path("short_spike").get("first_day").asText()), "iso_week", "2026-W33",
        "brand", brand, "channel", "social", "subject_type", "category", "subject", spike, "direction", "up",
        "observed", 48.0, "expected", 8.0, "severity", 4.0, "polarity", "negative", "episode_weeks", 2)));
    ActionList.Inputs inputs = new ActionList.Inputs(frame(SilenceStage.SILENCES, silences), alerts,
        frame(CriticalAuthors.SCHEMA, List.of()), frame(Webcare.SCHEMA, List.of()),
        frame(ThemeTables.THEMES_SCHEMA, List.of()));
    List<Row> actions = ActionList.compute(inputs, ActionList.owners(TestSpark.session(), taxonomy), Map.of(), period,
        "2026-Q2", brand, "test").orderBy("rank").collectAsList();

    Set<String> planted = new TreeSet<>(List.of(spike, signals.path("silent_expected_theme").get("category").asText(),
        signals.path("channel_gap").get("category").asText(), signals.path("baseline_drop").get("category").asText(),
        signals.path("competitor_gap").get("category").asText()));
    assertEquals(planted, new TreeSet<>(actions.stream().map(r -> r.<String>getAs("category")).toList()));
    for (Row a : actions) {
      String category = a.getAs("category");
      assertEquals(owners.get(category), a.getAs("owner"), category);
    }
    // The outage is the grid operator's: the company cannot influence it, so it comes last despite its size.
    assertEquals(spike, actions.get(actions.size() - 1).getAs("category"));
    assertEquals("no", actions.get(actions.size() - 1).getAs("influence"));
  }

  private static Row row(StructType schema, Object... keyValues) {
    Object[] values = new Object[schema.fields().length];
    for (int i = 0; i < keyValues.length; i += 2) {
      values[schema.fieldIndex((String) keyValues[i])] = keyValues[i + 1];
    }
    return RowFactory.create(values);
  }

  private static Dataset<Row> frame(StructType schema, List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, schema);
  }
}
