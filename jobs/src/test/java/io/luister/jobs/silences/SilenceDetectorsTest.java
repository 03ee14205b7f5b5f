package io.luister.jobs.silences;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.taxonomy.TaxonomyLoader;
import io.luister.common.test.TestSpark;
import io.luister.common.time.Periods;
import io.luister.jobs.TestPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detectors on generated silver.feedback rows with known answers: planted silences are found with the
 * right detector and scope, controls are not, a data set without silences yields nothing, and a feed cut
 * off half-way yields a data-health finding instead of silences.
 */
class SilenceDetectorsTest {
  static final List<String> PERIODS = List.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
  static final String PERIOD = "2026-Q3";
  static final List<String> BASELINE = PERIODS.subList(0, 4);
  static final List<String> CHANNELS = List.of("social", "contact_centre", "site_search");
  static final List<String> BRANDS = List.of("Acme", "Rival");
  static ProgramConfig program;
  static Taxonomy taxonomy;

  @BeforeAll
  static void setUp() throws IOException {
    StringBuilder categories = new StringBuilder("categories:\n");
    for (String c : List.of("billing", "meters", "green", "solar", "moving", "prices", "tiny", "launch")) {
      categories.append("  - {id: ").append(c).append(", label: {en: ").append(c).append("-en, nl: ").append(c).append("-nl}}\n");
    }
    Path config = TestPrograms.write("silences", """
        program: t
        brand: {name: Acme}
        competitors: [{name: Rival}]
        baseline_periods: 4
        taxonomy: taxonomy.yaml
        expectations:
          - {name: launch_talk, description: Product launch, category: launch, channels: [social], periods: [2026-Q3], min_share: 0.05}
          - {name: price_talk, description: Price talk, keywords: {nl: [prijs]}, channels: [social], min_share: baseline}
        sources:
          - {name: s, type: contact, path: x.csv, format: csv, mapping: {id: a, started_at: b}}
        """);
    Path taxonomyFile = Files.writeString(config.resolveSibling("taxonomy.yaml"), categories.toString());
    program = ConfigLoader.load(config);
    taxonomy = TaxonomyLoader.load(taxonomyFile, Set.of("s"));
  }

  /** Normal shares per category; every channel alike unless a plant changes it. */
  static Map<String, Double> normalMix() {
    Map<String, Double> mix = new LinkedHashMap<>();
    mix.put("billing", 0.25);
    mix.put("meters", 0.15);
    mix.put("green", 0.10);
    mix.put("solar", 0.10);
    mix.put("moving", 0.15);
    mix.put("prices", 0.20);
    mix.put("tiny", 0.01);
    mix.put("launch", 0.04);
    return mix;
  }

  interface Plant {
    Map<String, Double> mix(String period, String channel, String brand, Map<String, Double> normal);
  }

  /** Draws {@code perWeek} items per channel, brand and week with the given mix; weeks at or after {@code cutFrom} of {@code cutChannel} get 5 %. */
  static Dataset<Row> feedback(Plant plant, int perWeek, String cutChannel, LocalDate cutFrom, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (String period : PERIODS) {
      for (LocalDate week : DataHealth.fullWeeks(period)) {
        for (String channel : CHANNELS) {
          for (String brand : channel.equals("social") ? BRANDS : List.of("Acme")) {
            Map<String, Double> mix = plant.mix(period, channel, brand, normalMix());
            int n = perWeek;
            if (channel.equals(cutChannel) && cutFrom != null && !week.isBefore(cutFrom)) {
              n = perWeek / 20;
            }
            for (int i = 0; i < n; i++) {
              String category = draw(mix, random);
              String text = category.equals("prices") ? "de prijs is te hoog" : "iets";
              rows.add(RowFactory.create(period, java.sql.Date.valueOf(week), channel, brand, category, null, text, 1L, false));
            }
          }
        }
      }
    }
    StructType schema = new StructType()
        .add("period", DataTypes.StringType).add("week", DataTypes.DateType).add("channel", DataTypes.StringType)
        .add("brand", DataTypes.StringType).add("category", DataTypes.StringType)
        .add("category_parent", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("weight", DataTypes.LongType).add("own_account", DataTypes.BooleanType);
    return TestSpark.session().createDataFrame(rows, schema);
  }

  static String draw(Map<String, Double> mix, SplittableRandom random) {
    double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
    double u = random.nextDouble() * total;
    for (Map.Entry<String, Double> e : mix.entrySet()) {
      u -= e.getValue();
      if (u <= 0) {
        return e.getKey();
      }
    }
    return "billing";
  }

  /** The four planted silences of the samples, in miniature. */
  static final Plant PLANTED = (period, channel, brand, normal) -> {
    Map<String, Double> mix = new LinkedHashMap<>(normal);
    boolean us = brand.equals("Acme");
    if (channel.equals("social") && us) {
      mix.put("meters", 0.003);                                  // channel gap, every quarter
      if (period.equals(PERIOD)) {
        mix.put("green", 0.01);                                  // baseline drop
        mix.put("solar", 0.01);                                  // competitor gap (Rival keeps 10 %)
        mix.put("launch", 0.002);                                // expected at 5 %, barely there
      }
    }
    return mix;
  };

  static List<String> silences(SilenceStage.Result result) {
    return result.findings().stream().filter(f -> f.status().equals(SilenceFindings.SILENCE))
        .map(f -> f.test().detector() + ":" + f.test().subject() + "@" + f.test().channel()
            + (f.test().detector().equals(SilenceDetectors.COMPETITOR_GAP) ? "/" + f.test().comparedWith() : ""))
        .sorted().distinct().toList();
  }

  @Test
  void findsEveryPlantedSilenceWithTheRightDetectorAndScopeAndNoControl() {
    SilenceStage.Result result = SilenceStage.detect(feedback(PLANTED, 60, null, null, 1), program, taxonomy, PERIOD, BASELINE);
    List<String> found = silences(result);
    assertTrue(found.contains("channel_gap:meters@social"), found.toString());
    assertTrue(found.contains("baseline_drop:green@social"), found.toString());
    assertTrue(found.contains("competitor_gap:solar@social/Rival"), found.toString());
    assertTrue(found.contains("expected_absent:launch_talk@social"), found.toString());
    for (String f : found) {
      assertFalse(f.contains("billing") || f.contains("moving") || f.contains("prices") || f.contains("tiny")
          || f.contains("price_talk"), "a control was flagged: " + f + " in " + found);
      assertTrue(f.contains("@social") || f.contains("@all"), "only social was planted: " + f);
    }
    SilenceFindings.Finding gap = result.findings().stream()
        .filter(f -> f.test().detector().equals("channel_gap") && f.test().subject().equals("meters")).findFirst().orElseThrow();
    assertTrue(gap.explanationEn().startsWith("meters-en is ") && gap.explanationEn().endsWith("of social posts about us."),
        gap.explanationEn());
    assertTrue(gap.explanationNl().contains("van de sociale posts over ons"), gap.explanationNl());
    assertTrue(gap.severity() > 0 && gap.qValue() <= 0.05);
    assertTrue(result.health().stream().allMatch(h -> h.status().equals(DataHealth.OK)), result.health().toString());
  }

  @Test
  void flagsNothingWhenNothingWasPlanted() {
    SilenceStage.Result result = SilenceStage.detect(feedback((p, c, b, normal) -> normal, 60, null, null, 2),
        program, taxonomy, PERIOD, BASELINE);
    assertEquals(List.of(), silences(result));
  }

  @Test
  void aFeedCutOffHalfwayIsADataHealthProblemNotSilences() {
    LocalDate halfway = Periods.start(PERIOD).plusWeeks(7);
    SilenceStage.Result result = SilenceStage.detect(feedback((p, c, b, normal) -> normal, 60, "contact_centre", halfway, 3),
        program, taxonomy, PERIOD, BASELINE);
    assertTrue(result.health().stream().anyMatch(h -> h.channel().equals("contact_centre") && h.check().equals("weeks")
        && h.status().equals(DataHealth.PROBLEM)), result.health().toString());
    assertTrue(result.findings().stream().noneMatch(f -> f.status().equals(SilenceFindings.SILENCE)
        && f.test().channel().equals("contact_centre")), result.findings().toString());
  }

  @Test
  void aChannelAtAHundredTimesItsUsualVolumeIsADataHealthProblemNotSilences() {
    // A flood about one category (a bot campaign, an export loaded over and over): 99 extra billing contacts for
    // every usual one in each week of the period. Against its baseline every other category of the channel looks
    // like it went quiet.
    int perWeek = 20;
    List<Row> flood = new ArrayList<>();
    for (LocalDate week : DataHealth.fullWeeks(PERIOD)) {
      for (int i = 0; i < 99 * perWeek; i++) {
        flood.add(RowFactory.create(PERIOD, java.sql.Date.valueOf(week), "contact_centre", "Acme", "billing", null,
            "iets", 1L, false));
      }
    }
    Dataset<Row> usual = feedback((p, c, b, normal) -> normal, perWeek, null, null, 4);
    Dataset<Row> rows = usual.unionByName(TestSpark.session().createDataFrame(flood, usual.schema()));
    SilenceStage.Result result = SilenceStage.detect(rows, program, taxonomy, PERIOD, BASELINE);

    DataHealth.Check volume = result.health().stream()
        .filter(h -> h.channel().equals("contact_centre") && h.check().equals("volume")).findFirst().orElseThrow();
    assertEquals(DataHealth.PROBLEM, volume.status(), volume.toString());
    assertTrue(volume.observed() / volume.expected() > 50, volume.toString());
    assertTrue(volume.explanationEn().contains("times the usual volume"), volume.explanationEn());
    assertTrue(volume.explanationNl().contains("keer het gewone volume"), volume.explanationNl());
    assertTrue(result.health().stream().filter(h -> !h.channel().equals("contact_centre"))
        .allMatch(h -> h.status().equals(DataHealth.OK)), "only the flooded channel has a problem: " + result.health());
    assertTrue(result.findings().stream().noneMatch(f -> f.status().equals(SilenceFindings.SILENCE)
        && f.test().channel().equals("contact_centre")), result.findings().toString());
    assertTrue(result.findings().stream().anyMatch(f -> f.status().equals(SilenceFindings.DATA_HEALTH)
        && f.test().channel().equals("contact_centre")), "the flood does push other categories down: they are "
        + "reported as withheld, not dropped: " + result.findings());
  }

  @Test
  void aFindingsNumbersCanBeRecomputedByHandFromTheRows() {
    Dataset<Row> rows = feedback(PLANTED, 60, null, null, 1);
    SilenceStage.Result result = SilenceStage.detect(rows, program, taxonomy, PERIOD, BASELINE);
    SilenceFindings.Finding drop = result.findings().stream()
        .filter(f -> f.test().detector().equals("baseline_drop") && f.test().subject().equals("green")
            && f.test().channel().equals("social")).findFirst().orElseThrow();
    Dataset<Row> ours = rows.filter("brand = 'Acme' AND channel = 'social'");
    long x = ours.filter(col("period").equalTo(PERIOD).and(col("category").equalTo("green"))).count();
    long n = ours.filter(col("period").equalTo(PERIOD)).count();
    long xb = ours.filter(col("period").isin(BASELINE.toArray()).and(col("category").equalTo("green"))).count();
    long nb = ours.filter(col("period").isin(BASELINE.toArray())).count();
    assertEquals(x, drop.test().observedCount());
    assertEquals(n, drop.test().observedTotal());
    assertEquals((double) xb / nb, drop.test().expectedShare(), 1e-12);
    assertEquals(((double) x / n) / ((double) xb / nb), drop.test().ratio(), 1e-12);
    assertEquals(new org.apache.commons.math3.distribution.BinomialDistribution((int) (x + xb), (double) n / (n + nb))
        .cumulativeProbability((int) x), drop.test().pValue(), 1e-12);
  }

  @Test
  void oneFindingPerSubjectRankedExpectationFirstThenNewThenPersisting() {
    SilenceStage.Result result = SilenceStage.detect(feedback(PLANTED, 60, null, null, 1), program, taxonomy, PERIOD, BASELINE);
    List<SilenceGroups.Group> silences = result.groups().stream()
        .filter(g -> g.status().equals(SilenceFindings.SILENCE)).toList();
    List<String> subjects = silences.stream().map(g -> g.subjectType() + ":" + g.subject()).toList();
    assertEquals(Set.of("expectation:launch_talk", "category:green", "category:solar", "category:meters"),
        Set.copyOf(subjects), "one finding per planted subject, nothing else: " + subjects);
    assertEquals("expectation:launch_talk", subjects.get(0), "a missed expectation ranks first: " + subjects);
    assertEquals("category:meters", subjects.get(3), "the persisting gap ranks after the new ones: " + subjects);
    SilenceGroups.Group meters = silences.get(3);
    assertEquals(SilenceGroups.PERSISTING, meters.novelty());
    assertEquals(5, meters.persistedPeriods(), "a silence in all four baseline periods and this one");
    assertEquals("2025-Q3", meters.since());
    assertTrue(meters.sinceWindowStart());
    assertTrue(meters.whyEn().startsWith("Not new: it has been a silence for 5 periods"), meters.whyEn());
    SilenceGroups.Group solar = silences.stream().filter(g -> g.subject().equals("solar")).findFirst().orElseThrow();
    assertEquals(SilenceGroups.NEW, solar.novelty());
    assertTrue(solar.detectors().containsAll(List.of("baseline_drop", "competitor_gap")),
        "quiet against its baseline and against the competitor: one finding, two kinds of evidence: " + solar.detectors());
    for (SilenceGroups.Group g : result.groups()) {
      assertEquals(result.groups().indexOf(g) + 1, g.rank());
      assertTrue(g.tests().stream().allMatch(f -> SilenceGroups.subjectKey(f.test(), program, PERIOD)
          .equals(g.subjectType() + ":" + g.subject())), g.findingId());
    }
    assertEquals(result.findings().size(), result.groups().stream().mapToInt(g -> g.tests().size()).sum(),
        "every test row belongs to exactly one finding");
  }

  @Test
  void aCategoryAChannelNeverCarriedIsCoverageNotASilence() {
    // Site search never has "moving" (no search term maps to it): structurally absent, not a channel gap.
    Plant noMovingInSearch = (period, channel, brand, normal) -> {
      Map<String, Double> mix = new LinkedHashMap<>(normal);
      if (channel.equals("site_search")) {
        mix.put("moving", 0.0);
      }
      return mix;
    };
    SilenceStage.Result result = SilenceStage.detect(feedback(noMovingInSearch, 60, null, null, 5), program, taxonomy,
        PERIOD, BASELINE);
    assertTrue(result.coverage().stream().anyMatch(g -> g.channel().equals("site_search") && g.category().equals("moving")
        && g.reason().equals(SilenceCoverage.ABSENT_IN_BASELINE)), result.coverage().toString());
    assertEquals(List.of(), silences(result));
    assertTrue(result.findings().stream().noneMatch(f -> f.test().subject().equals("moving")), result.findings().toString());
  }

  @Test
  void aWarehouseWrittenBeforeTheFindingColumnsKeepsItsOtherPeriods() {
    // gold.silences of an older version (without finding_id and the other finding columns) holding 2026-Q2:
    // the stage adds the columns once, keeps 2026-Q2's rows, and writes 2026-Q3 with its findings.
    io.luister.common.warehouse.Warehouse warehouse =
        new io.luister.common.warehouse.Warehouse(TestSpark.tempDir("silences-wh").resolve("wh").toString());
    org.apache.spark.sql.SparkSession spark = TestSpark.session();
    StructType old = new StructType(java.util.Arrays.stream(SilenceStage.SILENCES.fields())
        .filter(f -> !f.name().startsWith("finding_") && !f.name().equals("novelty") && !f.name().equals("persisted_periods"))
        .toArray(org.apache.spark.sql.types.StructField[]::new));
    Object[] values = new Object[old.size()];
    values[0] = "2026-Q2";
    values[1] = "channel_gap";
    values[old.fieldIndex("status")] = "silence";
    warehouse.replacePartitions(spark.createDataFrame(List.of(RowFactory.create(values)), old),
        io.luister.common.warehouse.Layer.GOLD, SilenceStage.TABLE, "period");
    warehouse.replacePartitions(feedback(PLANTED, 20, null, null, 6), io.luister.common.warehouse.Layer.SILVER,
        "feedback", "period");

    new SilenceStage(spark, program, taxonomy, warehouse).run(PERIOD, BASELINE, "run-1");

    Dataset<Row> silences = warehouse.read(spark, io.luister.common.warehouse.Layer.GOLD, SilenceStage.TABLE);
    assertTrue(List.of(silences.columns()).contains("finding_id"));
    assertEquals(1, silences.filter("period = '2026-Q2'").count(), "the older period is kept");
    assertTrue(silences.filter("period = '2026-Q3' AND finding_id IS NOT NULL").count() > 0);
    assertEquals(silences.filter("period = '2026-Q3'").select("finding_id").distinct().count(),
        warehouse.read(spark, io.luister.common.warehouse.Layer.GOLD, SilenceStage.FINDINGS_TABLE).count());
  }

  @Test
  void withoutATaxonomyOnlyTheDataHealthChecksAreWrittenTheSameAsWithOne() {
    io.luister.common.warehouse.Warehouse warehouse =
        new io.luister.common.warehouse.Warehouse(TestSpark.tempDir("health-only-wh").resolve("wh").toString());
    org.apache.spark.sql.SparkSession spark = TestSpark.session();
    warehouse.replacePartitions(feedback(PLANTED, 20, null, null, 6), io.luister.common.warehouse.Layer.SILVER,
        "feedback", "period");

    List<DataHealth.Check> health = new SilenceStage(spark, program, null, warehouse).runHealthOnly(PERIOD, BASELINE,
        "run-1");

    assertFalse(health.isEmpty());
    assertEquals(health, SilenceStage.detect(feedback(PLANTED, 20, null, null, 6), program, taxonomy, PERIOD, BASELINE)
        .health(), "the same checks as a run with the taxonomy");
    assertEquals(health.size(), warehouse.read(spark, io.luister.common.warehouse.Layer.GOLD, SilenceStage.HEALTH_TABLE)
        .filter("period = '" + PERIOD + "'").count());
    assertFalse(warehouse.exists(spark, io.luister.common.warehouse.Layer.GOLD, SilenceStage.TABLE),
        "no silence table: the report says silences were not measured");
  }
}
