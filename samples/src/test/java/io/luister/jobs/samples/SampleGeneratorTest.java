package io.luister.jobs.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the sample generator against its own ground truth, but reads everything back from the written files
 * with independent parsers and validators (no generator internals except the template self-check and the
 * taxonomy glob helper).
 */
class SampleGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
  private static final LocalDate FIRST = LocalDate.of(2025, 7, 1), LAST = LocalDate.of(2026, 9, 30);
  private static final Set<String> OWN_ACCOUNTS = Set.of("@Zonnewijs", "@ZonnewijsHelpt", "@Stroomlijn_NL", "@GreenGridHelp");

  private static Path defaultDir;
  private static SampleGenerator.Summary defaultSummary;
  private static Data data;

  @BeforeAll
  static void generateDefault() throws IOException {
    defaultDir = Files.createTempDirectory("luister-samples-default");
    defaultSummary = SampleGenerator.generate(defaultDir, SampleGenerator.DEFAULT_ITEMS, SampleGenerator.DEFAULT_SEED);
    data = Data.read(defaultDir);
  }

  @AfterAll
  static void cleanup() throws IOException {
    deleteTree(defaultDir);
  }

  // ------------------------------------------------------------------ determinism and size

  @Test
  void sameSeedGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
    SampleGenerator.generate(a, 3_000, 42);
    SampleGenerator.generate(b, 3_000, 42);
    Map<String, byte[]> fa = files(a), fb = files(b);
    assertEquals(fa.keySet(), fb.keySet());
    for (String f : fa.keySet()) assertArrayEquals(fa.get(f), fb.get(f), f);
    assertTrue(fa.size() >= 15 + 5 + 1 + 2 + 2 + 1, "expected all sample files, got " + fa.keySet());
  }

  @Test
  void differentSeedGivesDifferentData(@TempDir Path a, @TempDir Path b) throws IOException {
    SampleGenerator.generate(a, 3_000, 1);
    SampleGenerator.generate(b, 3_000, 2);
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("survey/nps_responses.csv")),
        Files.readAllBytes(b.resolve("survey/nps_responses.csv"))));
  }

  @Test
  void itemCountsMatchTheRequest(@TempDir Path small) throws IOException {
    for (long n : new long[] {3_000, 20_000}) {
      SampleGenerator.Summary s = SampleGenerator.generate(small, n, 7);
      Data d = Data.read(small);
      assertEquals(s.recordsWritten(), d.totalRecords(), "summary vs records in files");
      assertTrue(Math.abs(d.totalRecords() - n) <= 0.02 * n, n + " requested, " + d.totalRecords() + " written");
      assertEquals(s.validItems(), d.items.size());
    }
    long n = SampleGenerator.DEFAULT_ITEMS;
    assertTrue(Math.abs(data.totalRecords() - n) <= 0.02 * n, "default: " + data.totalRecords());
    // rough source mix (pageviews have a floor of whole days at the default size)
    Map<String, Long> by = defaultSummary.recordsBySource();
    assertBetween(by.get("social") / (double) n, 0.30, 0.38, "social share");
    assertBetween(by.get("contact") / (double) n, 0.17, 0.22, "contact share");
    assertBetween(by.get("survey") / (double) n, 0.10, 0.14, "survey share");
    assertBetween(by.get("web_pageviews") / (double) n, 0.13, 0.19, "pageview share");
    assertBetween(by.get("web_search") / (double) n, 0.15, 0.20, "search share");
  }

  @Test
  void defaultSizeStaysSmall() {
    assertTrue(defaultSummary.bytesWritten() < 14_000_000L, "default output " + defaultSummary.bytesWritten() + " bytes");
  }

  // ------------------------------------------------------------------ bad records

  @Test
  void badRecordsAreExactlyWhereTheTruthSays() {
    Set<String> expected = new TreeSet<>();
    for (JsonNode b : data.truth.path("bad_records").path("records")) {
      expected.add(b.get("file").asText() + "#" + b.get("record").asLong() + " " + b.get("reason").asText());
    }
    assertEquals(data.truth.path("bad_records").path("count").asLong(), expected.size());
    assertEquals(new TreeSet<>(data.invalid), expected);
    // every reason code of the contract occurs, every source has bad records
    Set<String> reasons = new TreeSet<>();
    Set<String> sources = new TreeSet<>();
    for (JsonNode b : data.truth.path("bad_records").path("records")) {
      reasons.add(b.get("reason").asText());
      sources.add(b.get("source").asText());
    }
    assertEquals(Set.of("MALFORMED_RECORD", "MISSING_REQUIRED", "INVALID_TIMESTAMP", "TIMESTAMP_OUT_OF_RANGE",
        "INVALID_NUMBER", "NEGATIVE_COUNT", "SCORE_OUT_OF_SCALE", "EMPTY_TEXT", "DUPLICATE_ID"), reasons);
    assertEquals(5, sources.size());
    // a duplicate across two different social files
    boolean crossFile = false;
    for (JsonNode b : data.truth.path("bad_records").path("records")) {
      if (b.get("reason").asText().equals("DUPLICATE_ID") && b.get("file").asText().startsWith("social/")) {
        String first = data.firstFile.get(b.get("item_id").asText());
        crossFile |= first != null && !first.equals(b.get("file").asText());
      }
    }
    assertTrue(crossFile, "one social duplicate spans two files");
  }

  // ------------------------------------------------------------------ ground truth consistency

  @Test
  void truthItemsAreExactlyTheValidRecords() {
    assertEquals(data.validIds.keySet(), data.items.keySet());
    for (Map.Entry<String, String[]> e : data.items.entrySet()) {
      assertEquals(data.validIds.get(e.getKey()), e.getValue()[0], "source of " + e.getKey());
    }
  }

  @Test
  void unansweredQuestionsReallyHaveNoReply() {
    Set<String> unanswered = new HashSet<>();
    for (JsonNode u : data.truth.path("signals").path("unanswered_questions").path("ids")) unanswered.add(u.get("id").asText());
    assertFalse(unanswered.isEmpty());
    Set<String> brands = new HashSet<>();
    for (Post p : data.posts.values()) {
      if (!p.customer()) continue;
      String[] it = data.items.get("social|" + p.id);
      boolean question = Boolean.parseBoolean(it[7]);
      boolean replied = data.repliedBy.getOrDefault(p.id, Set.of()).stream().anyMatch(a -> ownAccountOf(a, p.about));
      if (question) {
        assertEquals(!replied, unanswered.contains(p.id), "question " + p.id);
        if (!replied) brands.add(p.about);
      } else {
        assertFalse(unanswered.contains(p.id), "not a question: " + p.id);
      }
    }
    assertEquals(Set.of("Zonnewijs", "Stroomlijn", "GreenGrid"), brands);
    // ours answers ~85 % of questions
    long q = 0, a = 0;
    for (Post p : data.posts.values()) {
      if (!p.customer() || !p.about.equals("Zonnewijs") || !Boolean.parseBoolean(data.items.get("social|" + p.id)[7])) continue;
      q++;
      if (!unanswered.contains(p.id)) a++;
    }
    assertBetween(a / (double) q, 0.80, 0.90, "answered share of our questions");
  }

  @Test
  void questionFlagFollowsTheDocumentedRule() {
    Set<String> words = new HashSet<>();
    data.truth.path("question_rule").path("question_words").forEach(w -> words.add(w.asText()));
    for (Post p : data.posts.values()) {
      String[] it = data.items.get("social|" + p.id);
      assertEquals(questionRule(p.content, words), Boolean.parseBoolean(it[7]), p.content);
    }
  }

  @Test
  void piiIsListedAndNothingElseLooksLikePii() throws IOException {
    Set<String> listed = new HashSet<>();
    for (JsonNode p : data.truth.path("pii").path("items")) {
      String value = p.get("value").asText();
      listed.add(value);
      String text = Files.readString(defaultDir.resolve(p.get("file").asText()), StandardCharsets.UTF_8);
      int at = text.indexOf(value);
      assertTrue(at >= 0, value + " not in " + p.get("file"));
      assertTrue(text.indexOf(p.get("item_id").asText()) >= 0);
    }
    assertTrue(listed.size() >= 150, "~1 % of posts and notes carry PII: " + listed.size());
    Pattern pii = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[a-z]{2,}|(?<![\\w+])(?:\\+31 6 |06-?)\\d{8}(?!\\w)|NL\\d{2}[A-Z]{4}\\d{10}");
    for (String f : List.of("social", "contact", "survey")) {
      try (Stream<Path> s = Files.walk(defaultDir.resolve(f))) {
        for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
          Matcher m = pii.matcher(Files.readString(p, StandardCharsets.UTF_8));
          while (m.find()) assertTrue(listed.contains(m.group()), "unlisted PII-like string " + m.group() + " in " + p);
        }
      }
    }
  }

  @Test
  void templatesFollowTheQuestionRuleAndHaveVariety() {
    assertEquals(List.of(), TextBank.validate());
  }

  @Test
  void taxonomyAgreesWithTheGeneratedData() throws IOException {
    String yaml = Files.readString(defaultDir.resolve("taxonomy.yaml"), StandardCharsets.UTF_8);
    for (String c : World.CATS) if (!c.equals("none")) assertTrue(yaml.contains("- id: " + c + "\n"), c);
    assertTrue(yaml.contains("parent: billing"));
    for (String code : data.contactCodes) {
      boolean unmapped = code.equals("ALG-98") || code.equals("ALG-99") || code.equals("TECH-07");
      assertEquals(!unmapped, yaml.contains("\"" + code + "\""), code);
    }
    assertTrue(data.contactCodes.contains("TECH-07"));
    for (Map.Entry<String, String> e : data.pageCategory.entrySet()) {
      String mapped = TaxonomyYaml.pageCategory(e.getKey());
      assertEquals(e.getValue().equals("none") ? null : e.getValue(), mapped, e.getKey());
    }
    for (Map.Entry<String, String> e : data.termCategory.entrySet()) {
      String mapped = TaxonomyYaml.termCategory(e.getKey());
      if (e.getKey().startsWith("jaarafrekenig")) assertEquals(null, mapped);
      else assertEquals(e.getValue().equals("none") ? null : e.getValue(), mapped, e.getKey());
    }
    String search = Files.readString(defaultDir.resolve("web/site_search_daily.csv"), Charset.forName("windows-1252"));
    for (String accented : List.of("café", "privé", "reëel", "ideeën")) assertTrue(search.contains(accented), accented);
  }

  // ------------------------------------------------------------------ planted signals (from items + files)

  @Test
  void newThemeIsBornInTheAnalysisQuarter() {
    for (String p : PERIODS) {
      long crash = count("social", "Zonnewijs", p, it -> it[5].equals("app_update_crash"))
          + count("contact", "Zonnewijs", p, it -> it[5].equals("app_update_crash"));
      long total = count("social", "Zonnewijs", p, SampleGeneratorTest::customer) + count("contact", "Zonnewijs", p, it -> true);
      if (p.equals("2026-Q3")) assertTrue(crash >= 0.03 * total, "crash share " + crash + "/" + total);
      else assertEquals(0, crash, p);
    }
  }

  @Test
  void dynamicContractIsSilentOnSocialButNotElsewhere() {
    assertTrue(socialShare("Zonnewijs", "2026-Q3", "dynamic_contract") <= 0.002);
    JsonNode other = data.truth.path("signals").path("silent_expected_theme").path("other_channels_in_period");
    assertTrue(other.path("pageviews").asLong() > 10_000);
    assertTrue(other.path("site_searches").asLong() > 0);
    assertTrue(data.pageVolume("2026-Q3", "dynamic_contract") > 0);
    assertEquals(0, data.pageVolume("2026-Q2", "dynamic_contract"));
  }

  @Test
  void meterReadingsIsAPureChannelGap() {
    for (String p : PERIODS) {
      assertTrue(socialShare("Zonnewijs", p, "meter_readings") <= 0.005, p);
      assertBetween(share("contact", "Zonnewijs", p, "meter_readings"), 0.15, 0.20, "contact " + p);
      assertBetween(data.searchVolume(p, "meter_readings") / (double) data.searchVolume(p, null), 0.15, 0.20, "search " + p);
      assertBetween(data.pageVolume(p, "meter_readings") / (double) data.pageVolume(p, null), 0.15, 0.20, "pageviews " + p);
    }
  }

  @Test
  void greenEnergyDropsOnlyOnSocialInTheAnalysisQuarter() {
    for (String p : PERIODS) {
      double s = socialShare("Zonnewijs", p, "green_energy");
      if (p.equals("2026-Q3")) assertTrue(s <= 0.02, "Q3 " + s);
      else assertBetween(s, 0.065, 0.095, p);
      assertBetween(share("contact", "Zonnewijs", p, "green_energy"), 0.01, 0.025, "contact " + p);
    }
  }

  @Test
  void competitorsTalkAboutSolarAndWeDoNot() {
    assertTrue(socialShare("Stroomlijn", "2026-Q3", "solar_feed_in") >= 0.13);
    assertTrue(socialShare("GreenGrid", "2026-Q3", "solar_feed_in") >= 0.13);
    assertTrue(socialShare("Zonnewijs", "2026-Q3", "solar_feed_in") <= 0.025);
  }

  @Test
  void outageSpikesInTwoWeeksOnly() {
    Map<String, Integer> weekly = new TreeMap<>();
    for (Post p : data.posts.values()) {
      if (!p.customer() || !p.about.equals("Zonnewijs")) continue;
      String[] it = data.items.get("social|" + p.id);
      if (!it[4].equals("outage") || !it[2].equals("2026-Q3")) continue;
      weekly.merge(isoWeek(p.created.toLocalDate()), 1, Integer::sum);
    }
    double normal = weekly.entrySet().stream().filter(e -> !e.getKey().equals("2026-W33") && !e.getKey().equals("2026-W34")
        && !e.getKey().equals("2026-W27") && !e.getKey().equals("2026-W40")).mapToInt(Map.Entry::getValue).average().orElse(0);
    for (String w : List.of("2026-W33", "2026-W34")) {
      assertBetween(weekly.get(w) / normal, 4.5, 8.0, w + " vs normal " + normal);
    }
    for (Map.Entry<String, Integer> e : weekly.entrySet()) {
      if (!e.getKey().equals("2026-W33") && !e.getKey().equals("2026-W34")) {
        assertTrue(e.getValue() < 2.2 * normal, e.getKey() + " " + e.getValue());
      }
    }
  }

  @Test
  void controlsAreStable() {
    for (String c : List.of("moving", "contract_prices", "billing")) {
      for (String src : List.of("social", "contact")) {
        double min = 1, max = 0;
        for (String p : PERIODS) {
          double s = src.equals("social") ? socialShare("Zonnewijs", p, c) : share(src, "Zonnewijs", p, c);
          min = Math.min(min, s);
          max = Math.max(max, s);
        }
        assertTrue(max / min < 1.25, c + " " + src + " " + min + ".." + max);
      }
    }
    for (String p : PERIODS) assertBetween(socialShare("Zonnewijs", p, "smart_meter"), 0.005, 0.02, "smart meter " + p);
  }

  @Test
  void authorGroupsAreExactAndExclusive() {
    Map<String, List<Post>> byAuthor = new HashMap<>();
    for (Post p : data.posts.values()) {
      if (p.customer() && p.about.equals("Zonnewijs")) byAuthor.computeIfAbsent(p.handle, k -> new ArrayList<>()).add(p);
    }
    Set<String> critics = new TreeSet<>(), incident = new TreeSet<>(), promoters = new TreeSet<>();
    for (Map.Entry<String, List<Post>> e : byAuthor.entrySet()) {
      Set<String> negWeeks = new HashSet<>(), negQuarters = new HashSet<>(), weeks = new HashSet<>();
      int neg = 0, pos = 0, negOutsideSpike = 0;
      for (Post p : e.getValue()) {
        String[] it = data.items.get("social|" + p.id);
        String week = isoWeek(p.created.toLocalDate());
        weeks.add(week);
        if (it[6].equals("negative")) {
          neg++;
          negWeeks.add(week);
          negQuarters.add(it[2]);
          if (!week.equals("2026-W33") && !week.equals("2026-W34")) negOutsideSpike++;
        } else if (it[6].equals("positive")) {
          pos++;
        }
      }
      int n = e.getValue().size();
      if (neg == n && negWeeks.size() >= 8 && negQuarters.size() >= 3) critics.add(e.getKey());
      if (neg >= 2 && negOutsideSpike == 0) incident.add(e.getKey());
      if (n >= 5 && pos == n && weeks.size() >= 5) promoters.add(e.getKey());
    }
    assertEquals(handles("persistent_critics"), critics);
    assertEquals(handles("incident_critics"), incident);
    assertEquals(handles("promoters"), promoters);
    assertEquals(15, critics.size());
    assertEquals(20, incident.size());
    assertEquals(20, promoters.size());
    // heavy tail: a few accounts with 1M+ followers, most with few
    long big = data.posts.values().stream().filter(p -> p.followers >= 1_000_000).map(p -> p.handle).distinct().count();
    assertTrue(big >= 2, "1M+ accounts: " + big);
  }

  @Test
  void authorHandlesAreUniqueAndLookReal() {
    Authors authors = new Authors(SampleGenerator.DEFAULT_SEED, 200_000);
    Set<String> seen = new HashSet<>();
    for (long id = 0; id < 200_000; id++) {
      String h = authors.author(id).handle();
      assertTrue(h.matches("@[a-z]+[._][a-z]+(_?\\d+)?|@[a-z]+_[a-z]+_\\d+"), h);
      assertTrue(seen.add(h), "duplicate handle " + h);
    }
  }

  @Test
  void languagesAndSentimentLookRight() {
    Map<String, Integer> langs = new TreeMap<>();
    int n = 0;
    for (String[] it : data.items.values()) {
      if (it[0].equals("social") && !it[5].equals("own_account_reply")) {
        langs.merge(it[8], 1, Integer::sum);
        n++;
      }
    }
    assertBetween(langs.get("nl") / (double) n, 0.60, 0.70, "nl");
    assertBetween(langs.get("en") / (double) n, 0.25, 0.35, "en");
    assertBetween(langs.get("mixed") / (double) n, 0.03, 0.07, "mixed");
    // trustpilot stars follow sentiment
    double[] sum = new double[3];
    int[] cnt = new int[3];
    for (Post p : data.posts.values()) {
      if (p.rating == null || !p.customer()) continue;
      int s = List.of("negative", "neutral", "positive").indexOf(data.items.get("social|" + p.id)[6]);
      sum[s] += p.rating;
      cnt[s]++;
    }
    assertTrue(sum[0] / cnt[0] < 2.0 && sum[2] / cnt[2] > 4.2, "stars by sentiment");
    // survey: detractors write negative comments, promoters positive ones; ~30 % empty
    int[][] bySent = new int[2][3];
    int empty = 0;
    for (String[] r : data.survey) {
      String[] it = data.items.get("survey|" + r[0]);
      int score = Integer.parseInt(r[2]);
      if (r[3].isEmpty()) {
        empty++;
        continue;
      }
      int s = List.of("negative", "neutral", "positive").indexOf(it[6]);
      if (score <= 6) bySent[0][s]++;
      if (score >= 9) bySent[1][s]++;
    }
    assertBetween(empty / (double) data.survey.size(), 0.25, 0.35, "empty comments");
    assertTrue(bySent[0][0] > 0.7 * (bySent[0][0] + bySent[0][1] + bySent[0][2]));
    assertTrue(bySent[1][2] > 0.65 * (bySent[1][0] + bySent[1][1] + bySent[1][2]));
    long none = data.items.values().stream().filter(it -> it[0].equals("social") && it[4].equals("none")
        && !it[5].equals("own_account_reply")).count();
    assertBetween(none / (double) n, 0.05, 0.09, "chit-chat share");
  }

  @Test
  void timestampsCarryTheAmsterdamOffsetAndRepliesFollowTheirPost() {
    for (Post p : data.posts.values()) {
      assertEquals(AMS.getRules().getOffset(p.created.toInstant()), p.created.getOffset(), p.id);
      if (p.replyTo != null) {
        Post parent = data.posts.get(p.replyTo);
        assertNotNull(parent, p.replyTo);
        assertTrue(p.created.isAfter(parent.created), p.id);
        assertTrue(p.created.toEpochSecond() - parent.created.toEpochSecond() <= 86_400, p.id);
        assertTrue(OWN_ACCOUNTS.contains(p.handle));
        assertEquals(parent.about, p.about);
      }
    }
  }

  @Test
  void committedSamplesAreUpToDate() throws IOException {
    Path dir = Paths.get("").toAbsolutePath();
    Path samples = null;
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("data-samples/ground-truth/truth.json"))) {
        samples = p.resolve("data-samples");
        break;
      }
    }
    Assumptions.assumeTrue(samples != null, "no committed data-samples found");
    Map<String, byte[]> generated = files(defaultDir);
    for (Map.Entry<String, byte[]> e : generated.entrySet()) {
      Path committed = samples.resolve(e.getKey());
      assertTrue(Files.exists(committed), "missing committed " + e.getKey() + ": regenerate data-samples (docs/SAMPLES.md)");
      assertArrayEquals(e.getValue(), Files.readAllBytes(committed),
          e.getKey() + " is stale: regenerate data-samples (docs/SAMPLES.md)");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static final List<String> PERIODS = List.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

  private static boolean customer(String[] it) {
    return !it[5].equals("own_account_reply");
  }

  private static long count(String source, String brand, String period, java.util.function.Predicate<String[]> f) {
    return data.items.values().stream().filter(it -> it[0].equals(source) && it[3].equals(brand) && it[2].equals(period))
        .filter(f).count();
  }

  private static double share(String source, String brand, String period, String category) {
    return count(source, brand, period, it -> it[4].equals(category)) / (double) count(source, brand, period, it -> true);
  }

  private static double socialShare(String brand, String period, String category) {
    return count("social", brand, period, it -> customer(it) && it[4].equals(category))
        / (double) count("social", brand, period, SampleGeneratorTest::customer);
  }

  private static Set<String> handles(String group) {
    Set<String> out = new TreeSet<>();
    data.truth.path("authors").path(group).forEach(a -> out.add(a.get("handle").asText()));
    return out;
  }

  private static boolean ownAccountOf(String account, String brand) {
    switch (brand) {
      case "Zonnewijs": return account.equals("@Zonnewijs") || account.equals("@ZonnewijsHelpt");
      case "Stroomlijn": return account.equals("@Stroomlijn_NL");
      default: return account.equals("@GreenGridHelp");
    }
  }

  static boolean questionRule(String text, Set<String> words) {
    String t = text.strip();
    if (t.endsWith("?")) return true;
    String[] tokens = t.split("\\s+");
    for (String tok : tokens) {
      if (tok.startsWith("@")) continue;
      Matcher m = Pattern.compile("^\\p{L}+").matcher(tok);
      return m.find() && words.contains(m.group().toLowerCase(java.util.Locale.ROOT));
    }
    return false;
  }

  private static String isoWeek(LocalDate d) {
    return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static void assertBetween(double v, double lo, double hi, String what) {
    assertTrue(v >= lo && v <= hi, what + " = " + v + " not in [" + lo + ", " + hi + "]");
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) return;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) Files.delete(p);
    }
  }

  // ------------------------------------------------------------------ independent readers and validators

  record Post(String id, OffsetDateTime created, String about, String content, String handle, long followers,
              String replyTo, Integer rating) {
    boolean customer() {
      return !OWN_ACCOUNTS.contains(handle);
    }
  }

  /** Everything read back from one generated directory. */
  static final class Data {
    JsonNode truth;
    /** "source|id" -> items.csv.gz row. */
    final Map<String, String[]> items = new HashMap<>();
    /** "source|id" of every valid record -> source. */
    final Map<String, String> validIds = new HashMap<>();
    final List<String> invalid = new ArrayList<>();
    final Map<String, Post> posts = new HashMap<>();
    final Map<String, Set<String>> repliedBy = new HashMap<>();
    final Map<String, String> firstFile = new HashMap<>();
    final Set<String> contactCodes = new TreeSet<>();
    final List<String[]> survey = new ArrayList<>();
    final Map<String, String> pageCategory = new TreeMap<>();
    final Map<String, String> termCategory = new TreeMap<>();
    final Map<String, Long> pageVol = new HashMap<>(), searchVol = new HashMap<>();
    long records;

    long totalRecords() {
      return records;
    }

    long pageVolume(String period, String category) {
      return vol(pageVol, period, category);
    }

    long searchVolume(String period, String category) {
      return vol(searchVol, period, category);
    }

    private static long vol(Map<String, Long> m, String period, String category) {
      long s = 0;
      for (Map.Entry<String, Long> e : m.entrySet()) {
        String[] k = e.getKey().split("\\|");
        if (k[0].equals(period) && (category == null || k[1].equals(category))) s += e.getValue();
      }
      return s;
    }

    static Data read(Path dir) throws IOException {
      Data d = new Data();
      d.truth = JSON.readTree(dir.resolve("ground-truth/truth.json").toFile());
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(dir.resolve("ground-truth/items.csv.gz"))), StandardCharsets.UTF_8))) {
        String header = r.readLine();
        assertEquals("source,item_id,period,brand,category,theme,sentiment,is_question,language", header);
        for (List<String> row : parseCsv(r.lines().collect(Collectors.joining("\n")), ',')) {
          String[] it = row.toArray(new String[0]);
          assertEquals(9, it.length);
          assertTrue(d.items.put(it[0] + "|" + it[1], it) == null, "duplicate truth item " + it[1]);
        }
      }
      d.readSocial(dir);
      d.readContact(dir);
      d.readSurvey(dir);
      d.readPageviews(dir);
      d.readSearch(dir);
      return d;
    }

    private void valid(String source, String id, String file) {
      validIds.put(source + "|" + id, source);
      firstFile.putIfAbsent(id, file);
    }

    private void readSocial(Path dir) throws IOException {
      Set<String> seen = new HashSet<>();
      List<Path> files;
      try (Stream<Path> s = Files.list(dir.resolve("social"))) {
        files = s.sorted().collect(Collectors.toList());
      }
      assertEquals(15, files.size());
      for (Path f : files) {
        String rel = "social/" + f.getFileName();
        byte[] bytes = Files.readAllBytes(f);
        assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, "no BOM in " + rel);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
          records++;
          String reason = social(lines[i], seen, rel);
          if (reason != null) invalid.add(rel + "#" + (i + 1) + " " + reason);
        }
        assertEquals("", lines[lines.length - 1]);
      }
      for (Post p : posts.values()) {
        if (p.replyTo != null) repliedBy.computeIfAbsent(p.replyTo, k -> new HashSet<>()).add(p.handle);
      }
    }

    private String social(String line, Set<String> seen, String file) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        return "MALFORMED_RECORD";
      }
      String id = n.path("post_id").asText("");
      String created = n.path("created").asText("");
      if (id.isEmpty() || created.isEmpty()) return "MISSING_REQUIRED";
      OffsetDateTime t;
      try {
        t = OffsetDateTime.parse(created, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (RuntimeException e) {
        return "INVALID_TIMESTAMP";
      }
      LocalDate local = t.atZoneSameInstant(AMS).toLocalDate();
      if (local.isBefore(FIRST) || local.isAfter(LAST)) return "TIMESTAMP_OUT_OF_RANGE";
      for (JsonNode num : List.of(n.path("user").path("followers"), n.path("metrics").path("likes"),
          n.path("metrics").path("shares"), n.path("metrics").path("replies"))) {
        if (!num.isIntegralNumber()) return "INVALID_NUMBER";
        if (num.asLong() < 0) return "NEGATIVE_COUNT";
      }
      JsonNode rating = n.path("rating");
      if (!rating.isNull() && (rating.asInt() < 1 || rating.asInt() > 5)) return "SCORE_OUT_OF_SCALE";
      if (n.path("content").asText("").isBlank()) return "EMPTY_TEXT";
      if (!seen.add(id)) return "DUPLICATE_ID";
      Post p = new Post(id, t, n.get("about").asText(), n.get("content").asText(), n.path("user").path("handle").asText(),
          n.path("user").path("followers").asLong(), n.path("reply_to").isNull() ? null : n.get("reply_to").asText(),
          rating.isNull() ? null : rating.asInt());
      assertTrue(Set.of("twitter", "facebook", "instagram", "trustpilot", "forum").contains(n.path("platform").asText()));
      assertEquals(p.rating != null, n.path("platform").asText().equals("trustpilot") && p.customer(), id);
      assertTrue(n.path("url").asText().startsWith("https://"), id);
      posts.put(id, p);
      valid("social", id, file);
      return null;
    }

    private void readContact(Path dir) throws IOException {
      Set<String> seen = new HashSet<>();
      DateTimeFormatter fmt = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
      for (String q : List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3")) {
        String rel = "contact/contacten_" + q + ".csv";
        byte[] bytes = Files.readAllBytes(dir.resolve(rel));
        assertEquals((byte) 0xEF, bytes[0], "BOM in " + rel);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = parseCsv(text, ';');
        assertEquals(List.of("ContactID", "Startdatum", "Kanaal", "Categoriecode", "Categorie", "Notities", "KlantID",
            "Afhandeltijd (sec)", "Opgelost"), rows.get(0));
        for (int i = 1; i < rows.size(); i++) {
          records++;
          List<String> r = rows.get(i);
          String reason = null;
          if (r.size() != 9) reason = "MALFORMED_RECORD";
          else if (r.get(0).isEmpty() || r.get(1).isEmpty()) reason = "MISSING_REQUIRED";
          else {
            LocalDateTime t = null;
            try {
              t = LocalDateTime.parse(r.get(1), fmt);
            } catch (RuntimeException e) {
              reason = "INVALID_TIMESTAMP";
            }
            if (reason == null && (t.toLocalDate().isBefore(FIRST) || t.toLocalDate().isAfter(LAST))) reason = "TIMESTAMP_OUT_OF_RANGE";
            if (reason == null && !r.get(7).matches("-?\\d+")) reason = "INVALID_NUMBER";
            if (reason == null && Long.parseLong(r.get(7)) < 0) reason = "NEGATIVE_COUNT";
            if (reason == null && !seen.add(r.get(0))) reason = "DUPLICATE_ID";
          }
          if (reason != null) {
            invalid.add(rel + "#" + i + " " + reason);
          } else {
            assertTrue(Set.of("telefoon", "chat", "e-mail").contains(r.get(2)));
            assertTrue(r.get(6).matches("K\\d{7}"));
            assertTrue(Set.of("Ja", "Nee").contains(r.get(8)));
            contactCodes.add(r.get(3));
            valid("contact", r.get(0), rel);
          }
        }
      }
    }

    private void readSurvey(Path dir) throws IOException {
      String rel = "survey/nps_responses.csv";
      Set<String> seen = new HashSet<>();
      DateTimeFormatter fmt = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
      List<List<String>> rows = parseCsv(Files.readString(dir.resolve(rel), StandardCharsets.UTF_8), ',');
      assertEquals(List.of("response_id", "submitted_at", "nps_score", "comment", "topic", "customer_number", "survey_channel"), rows.get(0));
      for (int i = 1; i < rows.size(); i++) {
        records++;
        List<String> r = rows.get(i);
        String reason = null;
        if (r.size() != 7) reason = "MALFORMED_RECORD";
        else if (r.get(0).isEmpty() || r.get(1).isEmpty()) reason = "MISSING_REQUIRED";
        else {
          LocalDateTime t = null;
          try {
            t = LocalDateTime.parse(r.get(1), fmt);
          } catch (RuntimeException e) {
            reason = "INVALID_TIMESTAMP";
          }
          if (reason == null && (t.toLocalDate().isBefore(FIRST) || t.toLocalDate().isAfter(LAST))) reason = "TIMESTAMP_OUT_OF_RANGE";
          if (reason == null && !r.get(2).matches("-?\\d+")) reason = "INVALID_NUMBER";
          if (reason == null && (Integer.parseInt(r.get(2)) < 0 || Integer.parseInt(r.get(2)) > 10)) reason = "SCORE_OUT_OF_SCALE";
          if (reason == null && !seen.add(r.get(0))) reason = "DUPLICATE_ID";
        }
        if (reason != null) {
          invalid.add(rel + "#" + i + " " + reason);
        } else {
          survey.add(r.toArray(new String[0]));
          valid("survey", r.get(0), rel);
        }
      }
    }

    private void readPageviews(Path dir) throws IOException {
      String rel = "web/pageviews_daily.csv";
      List<List<String>> rows = parseCsv(Files.readString(dir.resolve(rel), StandardCharsets.UTF_8), ',');
      assertEquals(List.of("date", "page_path", "pageviews", "unique_visitors"), rows.get(0));
      web(rows, rel, "web_pageviews", DateTimeFormatter.ofPattern("uuuu-MM-dd"), pageVol, pageCategory);
    }

    private void readSearch(Path dir) throws IOException {
      String rel = "web/site_search_daily.csv";
      List<List<String>> rows = parseCsv(Files.readString(dir.resolve(rel), Charset.forName("windows-1252")), ';');
      assertEquals(List.of("Datum", "Zoekterm", "Aantal zoekopdrachten", "Resultaten"), rows.get(0));
      web(rows, rel, "web_search", DateTimeFormatter.ofPattern("dd-MM-uuuu"), searchVol, termCategory);
    }

    private void web(List<List<String>> rows, String rel, String source, DateTimeFormatter f, Map<String, Long> vol,
                     Map<String, String> keyCategory) {
      DateTimeFormatter fmt = f.withResolverStyle(ResolverStyle.STRICT);
      Set<String> seen = new HashSet<>();
      for (int i = 1; i < rows.size(); i++) {
        records++;
        List<String> r = rows.get(i);
        String reason = null;
        LocalDate date = null;
        if (r.size() != 4) reason = "MALFORMED_RECORD";
        else if (r.get(0).isEmpty() || r.get(1).isEmpty()) reason = "MISSING_REQUIRED";
        else {
          try {
            date = LocalDate.parse(r.get(0), fmt);
          } catch (RuntimeException e) {
            reason = "INVALID_TIMESTAMP";
          }
          if (reason == null && (date.isBefore(FIRST) || date.isAfter(LAST))) reason = "TIMESTAMP_OUT_OF_RANGE";
          if (reason == null && !(r.get(2).matches("-?\\d+") && r.get(3).matches("-?\\d+"))) reason = "INVALID_NUMBER";
          if (reason == null && (Long.parseLong(r.get(2)) < 0 || Long.parseLong(r.get(3)) < 0)) reason = "NEGATIVE_COUNT";
          if (reason == null && !seen.add(date + "|" + r.get(1))) reason = "DUPLICATE_ID";
        }
        if (reason != null) {
          invalid.add(rel + "#" + i + " " + reason);
          continue;
        }
        String id = date + "|" + r.get(1);
        valid(source, id, rel);
        String[] it = items.get(source + "|" + id);
        assertNotNull(it, id);
        String period = it[2];
        assertEquals(period, PERIODS.get((date.getYear() - 2025) * 4 + (date.getMonthValue() - 1) / 3 - 2));
        vol.merge(period + "|" + it[4], Long.parseLong(r.get(2)), Long::sum);
        keyCategory.put(r.get(1), it[4]);
      }
    }
  }

  /** RFC 4180 reader: quoted fields may contain the separator, doubled quotes and line breaks; records end at
   *  LF or CRLF outside quotes. */
  static List<List<String>> parseCsv(String text, char sep) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false, any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
        continue;
      }
      if (c == '"' && field.length() == 0) {
        quoted = true;
        any = true;
      } else if (c == sep) {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      } else if (c == '\n') {
        row.add(field.toString());
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
