package io.luister.common.config;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @BeforeEach
  void exports() throws IOException {
    Files.createDirectories(dir.resolve("social"));
    Files.writeString(dir.resolve("social/a.jsonl"), "{}\n");
    Files.writeString(dir.resolve("contacts.csv"), "id;start\n");
  }

  private static final String VALID = """
      program: acme
      brand: {name: Acme, aliases: [acme], accounts: ["@acme", AcmeHelp]}
      competitors:
        - {name: Rival, aliases: [rival], accounts: ["@rival"]}
      timezone: Europe/Amsterdam
      sources:
        - name: social
          type: social
          path: social/*.jsonl
          format: jsonl
          mapping: {id: post_id, published_at: created, text: content, author: user.handle}
        - name: contacts
          type: contact
          path: contacts.csv
          format: csv
          options: {delimiter: ";", encoding: windows-1252, timestamp_formats: ["dd-MM-yyyy HH:mm"], multiline: true}
          mapping: {id: ContactID, started_at: Startdatum, notes: Notities}
      """;

  private ProgramConfig load(String yaml) throws IOException {
    Path file = dir.resolve("program.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file);
  }

  private List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    return e.problems();
  }

  @Test
  void loadsAValidProgramWithPathsResolvedAgainstTheConfigFolder() throws IOException {
    ProgramConfig config = load(VALID);
    assertEquals("acme", config.program());
    assertEquals(ZoneId.of("Europe/Amsterdam"), config.timezone());
    assertEquals(List.of("acme", "acmehelp"), config.brand().normalisedAccounts());
    assertEquals(2, config.allBrands().size());
    SourceConfig contacts = config.source("contacts").orElseThrow();
    assertEquals(dir.resolve("contacts.csv").toString(), contacts.path());
    assertEquals(";", contacts.options().delimiter());
    assertEquals("windows-1252", contacts.options().encoding());
    assertTrue(contacts.options().multiline());
    assertEquals(List.of("dd-MM-yyyy HH:mm"), contacts.options().timestampFormats());
    assertEquals("user.handle", config.source("social").orElseThrow().mapping().get("author"));
    assertEquals("./warehouse", config.warehouse());
    assertFalse(config.pseudonymisation().allowDevelopmentKey());
  }

  @Test
  void reportsEveryProblemAtOnceEachNamingWhereAndWhatToDo() {
    List<String> problems = problems("""
        program: acme
        brnad: {name: Acme}
        timezone: Mars/Olympus
        sources:
          - name: contacts
            type: contacts
            path: nowhere/*.csv
            format: csv
            options: {delimiter: ";;", encoding: klingon, timestamp_formats: ["YYYY-MM-dd"], colour: blue}
            mapping: {id: ContactID, notez: Notities}
        """);
    String all = String.join("\n", problems);
    assertTrue(all.contains("unknown key 'brnad'") && all.contains("did you mean 'brand'"), all);
    assertTrue(all.contains("brand: is missing"), all);
    assertTrue(all.contains("'Mars/Olympus' is not a time zone"), all);
    assertTrue(all.contains("'contacts' is not a source type"), all);
    assertTrue(all.contains("nothing matches 'nowhere/*.csv'"), all);
    assertTrue(all.contains("delimiter: must be one character"), all);
    assertTrue(all.contains("'klingon' is not a character set"), all);
    assertTrue(all.contains("the letter 'Y' is not supported") && all.contains("you probably mean 'y'"), all);
    assertTrue(all.contains("unknown key 'colour'"), all);
    assertTrue(problems.size() >= 9, all);
  }

  @Test
  void aDayOfTheWeekIsReadAtTheStartOrEndOfAPatternAndRefusedInside() {
    String formats = "timestamp_formats: [\"dd-MM-yyyy HH:mm\"]";
    assertNotNull(assertDoesNotThrow(() -> load(VALID.replace(formats,
        "timestamp_formats: [\"EEE MMM dd HH:mm:ss Z yyyy\", \"EEE, dd MMM yyyy HH:mm:ss Z\", \"dd-MM-yyyy HH:mm EEEE\"]"))));
    String inside = String.join("\n", problems(VALID.replace(formats, "timestamp_formats: [\"dd EEE MM yyyy\"]")));
    assertTrue(inside.contains("'dd EEE MM yyyy' is not a usable datetime pattern: the letter 'E' is not supported")
        && inside.contains("only at the start or the end"), inside);
    String quarter = String.join("\n", problems(VALID.replace(formats, "timestamp_formats: [\"yyyy QQQ\"]")));
    assertTrue(quarter.contains("the letter 'Q' is not supported"), quarter);
  }

  @Test
  void namesMissingRequiredMappingsAndUnknownCanonicalFields() {
    List<String> problems = problems(VALID.replace("mapping: {id: ContactID, started_at: Startdatum, notes: Notities}",
        "mapping: {id: ContactID, notez: Notities}"));
    String all = String.join("\n", problems);
    assertTrue(all.contains("the required field 'started_at' is not mapped"), all);
    assertTrue(all.contains("'notez' is not a field of a contact source (did you mean 'notes'?)"), all);
  }

  @Test
  void readsWhichSocialPostsAreCompaniesAndRefusesItElsewhere() throws IOException {
    String social = "mapping: {id: post_id, published_at: created, text: content, author: user.handle}";
    SourceConfig read = load(VALID.replace(social, social + "\n    company_posts: {column: inbound, values: [False, \" NO \"]}"))
        .source("social").orElseThrow();
    assertEquals(new CompanyPosts("inbound", List.of("false", "no")), read.companyPosts(), "YAML's False read as text");
    assertNull(load(VALID).source("social").orElseThrow().companyPosts());

    String contact = "mapping: {id: ContactID, started_at: Startdatum, notes: Notities}";
    String all = String.join("\n", problems(VALID
        .replace(social, social + "\n    company_posts: {column: inbound, valuez: [False]}")
        .replace(contact, contact + "\n    company_posts: {column: agent, values: [x]}")));
    assertTrue(all.contains("sources[0] (social).company_posts.valuez: is not a key of company_posts; use column and values"), all);
    assertTrue(all.contains("sources[0] (social).company_posts.values: must list the column's values"), all);
    assertTrue(all.contains("sources[1] (contacts).company_posts: only social exports hold companies' posts"), all);
  }

  @Test
  void aWebExportOfDailyCountsMapsItsCountAndAnExportOfEventsMapsAnIdInstead() throws IOException {
    Files.writeString(dir.resolve("web.csv"), "");
    String web = "  - name: web\n    type: web_pageviews\n    path: web.csv\n    format: csv\n    mapping: {date: day, page: path%s}\n";
    String all = String.join("\n", problems(VALID + web.formatted("")));
    assertTrue(all.contains("sources[2] (web).mapping: the field 'views' is not mapped") && all.contains("map id to the"
        + " row's id column (or 'generated') instead, and each row counts once"), all);
    SourceConfig daily = load(VALID + web.formatted(", views: n")).source("web").orElseThrow();
    assertFalse(daily.rowIds(), "daily counts are keyed by day and page");
    SourceConfig events = load(VALID + web.formatted(", id: generated")).source("web").orElseThrow();
    assertTrue(events.rowIds(), "one row per hit, each counted once");
    assertTrue(load(VALID + web.formatted(", id: [visitId, time], views: hits")).source("web").orElseThrow().rowIds());
    assertTrue(load(VALID).source("contacts").orElseThrow().rowIds(), "a contact always has its own id");
  }

  @Test
  void readsAnswersWrittenAsWordsAsScoresOnTheSourcesScale() throws IOException {
    Files.writeString(dir.resolve("survey.csv"), "");
    String survey = "  - name: survey\n    type: survey\n    path: survey.csv\n    format: csv\n    score_scale: nps\n"
        + "    score_values: %s\n    mapping: {id: generated, responded_at: at, score: recommend}\n";
    SourceConfig read = load(VALID + survey.formatted("{Yes: 10, \" Maybe \": 7, No: 0}")).source("survey").orElseThrow();
    assertEquals(Map.of("yes", 10.0, "maybe", 7.0, "no", 0.0), read.scoreValues(), "YAML's Yes and No read as the words");
    assertEquals(Map.of(), load(VALID).source("contacts").orElseThrow().scoreValues());
    String all = String.join("\n", problems(VALID + survey.formatted("{Yes: 10, Maybe: lots, yes: 9, Nee: 11}")
        + "  - name: web\n    type: web_pageviews\n    path: survey.csv\n    format: csv\n    score_values: {Yes: 1}\n"
        + "    mapping: {date: d, page: p, views: v}\n"));
    assertTrue(all.contains("sources[2] (survey).score_values.Nee: 11 is outside the nps"), all);
    assertTrue(all.contains("sources[2] (survey).score_values.Maybe: must be a number"), all);
    assertTrue(all.contains("sources[2] (survey).score_values.yes: is listed twice"), all);
    assertTrue(all.contains("sources[3] (web).score_values: a web_pageviews source has no score"), all);
  }

  @Test
  void readsAnalysesSettingsWithDefaultsAndRefusesNonsense() throws IOException {
    assertEquals(AnalysesSettings.DEFAULTS, load(VALID).analyses());
    AnalysesSettings set = load(VALID + "analyses: {reach_cap_percentile: 0.95, alert_min_ratio: 2, persistent_min_weeks: 6}\n")
        .analyses();
    assertEquals(0.95, set.reachCapPercentile());
    assertEquals(2.0, set.alertMinRatio());
    assertEquals(6, set.persistentMinWeeks());
    String all = String.join("\n", problems(VALID
        + "analyses: {alert_min_ratio: 0.5, alert_q: 3, alert_min_history_weeks: 20, alert_history_weeks: 8, colour: 1,"
        + " incident_max_days: 30, persistent_min_span_days: 20}\n"));
    assertTrue(all.contains("analyses.alert_min_ratio"), all);
    assertTrue(all.contains("analyses.alert_q"), all);
    assertTrue(all.contains("must not exceed alert_history_weeks"), all);
    assertTrue(all.contains("colour"), all);
    assertTrue(all.contains("must be below persistent_min_span_days"), all);
  }

  @Test
  void readsTheDataHealthVolumeBoundsAndRefusesAnUpperBoundThatIsNotAboveOne() throws IOException {
    ProgramConfig.SilenceSettings set = load(VALID + "silences: {min_volume_ratio: 0.3, max_volume_ratio: 25}\n").silences();
    assertEquals(0.3, set.minVolumeRatio());
    assertEquals(25.0, set.maxVolumeRatio());
    assertEquals(ProgramConfig.SilenceSettings.DEFAULTS.maxVolumeRatio(), load(VALID).silences().maxVolumeRatio());
    String all = String.join("\n", problems(VALID + "silences: {max_volume_ratio: 0.8}\n"));
    assertTrue(all.contains("silences.max_volume_ratio") && all.contains("above 1"), all);
  }

  @Test
  void readsRetentionPerLayerKeepingEverythingByDefaultAndRefusesLessThanTheBaseline() throws IOException {
    assertEquals(Retention.KEEP_EVERYTHING, load(VALID).retention());
    Retention set = load(VALID + "retention: {bronze: 12, ops: 5}\n").retention();
    assertEquals(java.util.Optional.of(12), set.quarters("bronze"));
    assertEquals(java.util.Optional.empty(), set.quarters("gold"), "a layer left out keeps everything");
    String all = String.join("\n", problems(VALID + "baseline_periods: 4\nretention: {silver: 3, platinum: 9}\n"));
    assertTrue(all.contains("retention.silver") && all.contains("from 5"), all);
    assertTrue(all.contains("unknown key 'platinum'"), all);
  }

  @Test
  void readsThemeSettingsWithDefaultsAndRefusesNonsense() throws IOException {
    assertEquals(ThemeSettings.DEFAULTS, load(VALID).themes());
    ThemeSettings set = load(VALID + "themes: {k_criterion: max, min_category_information: 0, category_weight: 0.4, "
        + "term_weight: idf, restarts: 5, duplicate_deviations: 0}\n").themes();
    assertEquals(ThemeSettings.MAX, set.kCriterion());
    assertEquals(0.0, set.duplicateDeviations(), "0: the fixed duplicate_similarity bar");
    assertEquals(2.0, ThemeSettings.DEFAULTS.duplicateDeviations());
    assertEquals(ThemeSettings.IDF, set.termWeight());
    assertEquals(0.0, set.minCategoryInformation());
    assertEquals(0.4, set.categoryWeight());
    assertEquals(5, set.restarts());
    String all = String.join("\n", problems(VALID
        + "themes: {k_criterion: elbow, min_category_information: 2, category_weight: -1, term_weight: bm25, "
        + "restarts: 0, duplicate_deviations: -1}\n"));
    assertTrue(all.contains("themes.duplicate_deviations") && all.contains("standard deviations"), all);
    assertTrue(all.contains("themes.k_criterion") && all.contains("'merge', 'first_peak', 'max' or 'stability'"), all);
    assertTrue(all.contains("themes.min_category_information"), all);
    assertTrue(all.contains("themes.category_weight"), all);
    assertTrue(all.contains("themes.restarts"), all);
    assertTrue(all.contains("themes.term_weight") && all.contains("'idf_information', 'information' or 'idf'"), all);
  }

  @Test
  void readsReportSettingsWithDefaultsAndRefusesUnknownLanguages() throws IOException {
    assertEquals(ReportSettings.DEFAULTS, load(VALID).report());
    ReportSettings set = load(VALID + "report: {output_dir: out/reports, languages: [nl]}\n").report();
    assertEquals("out/reports", set.outputDir());
    assertEquals(List.of("nl"), set.languages());
    String all = String.join("\n", problems(VALID + "report: {languages: [en, de], colour: blue}\n"));
    assertTrue(all.contains("report.languages") && all.contains("'de'") && all.contains("[en, nl]"), all);
    assertTrue(all.contains("colour"), all);
    assertTrue(String.join("\n", problems(VALID + "report: {languages: []}\n")).contains("at least one language"));
  }

  @Test
  void refusesCredentialsInTheSparkSection() {
    List<String> problems = problems(VALID + "spark:\n  spark.hadoop.fs.s3a.secret.key: abc\n");
    assertTrue(problems.get(0).contains("credentials do not belong in a config file"), problems.toString());
  }

  @Test
  void acceptsNamedAndCustomScoreScalesAndRejectsNonsense() throws IOException {
    String survey = """
        program: acme
        brand: {name: Acme}
        sources:
          - name: nps
            type: survey
            path: contacts.csv
            format: csv
            score_scale: %s
            mapping: {id: a, responded_at: b, score: c}
        """;
    assertEquals(ScoreScale.CSAT, load(survey.formatted("csat")).sources().get(0).scoreScale());
    ScoreScale custom = load(survey.formatted("{min: 1, max: 10}")).sources().get(0).scoreScale();
    assertEquals(1, custom.min());
    assertEquals(10, custom.max());
    assertTrue(problems(survey.formatted("{min: 5, max: 1}")).get(0).contains("must be below max"));
    assertTrue(problems(survey.formatted("percent")).get(0).contains("'percent' is not a scale"));
  }

  @Test
  void explainsYamlSyntaxErrorsWithTheirLine() {
    List<String> problems = problems("program: acme\nbrand: [unclosed\n");
    assertTrue(problems.get(0).contains("not valid YAML") && problems.get(0).contains("line"), problems.toString());
  }

  @Test
  void sourceNamesMustBeUniqueAndUsableAsTableNames() {
    String twice = VALID.replace("name: contacts", "name: social");
    assertTrue(String.join("\n", problems(twice)).contains("the name 'social' is used by another source"));
    String bad = VALID.replace("name: contacts", "name: Contact-Centre");
    assertTrue(String.join("\n", problems(bad)).contains("must be lower-case letters"));
  }
}
