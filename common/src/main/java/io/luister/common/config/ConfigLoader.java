package io.luister.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.luister.common.schema.CanonicalField;
import io.luister.common.schema.CanonicalSchemas;
import io.luister.common.schema.FieldKind;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads a program config (YAML) and validates all of it before Spark starts. Every problem is collected
 * and reported at once, each with the key it concerns and what to do about it, so a data engineer fixes
 * a config in one pass instead of one error per run.
 */
public final class ConfigLoader {

  static final Set<String> TOP_KEYS = Set.of("program", "brand", "competitors", "timezone", "warehouse",
      "baseline_periods", "taxonomy", "pseudonymisation", "ingest", "unify", "silences", "analyses", "expectations",
      "sources", "spark", "themes", "report", "retention");
  static final Set<String> RETENTION_KEYS = Set.of("bronze", "silver", "gold", "ops");
  static final Set<String> SILENCE_KEYS = Set.of("q", "min_expected", "max_ratio", "min_share", "min_volume_ratio",
      "min_week_ratio", "max_volume_ratio", "channel_gap_max_ratio");
  static final Set<String> ANALYSES_KEYS = Set.of("reach_cap_percentile", "alert_history_weeks",
      "alert_min_history_weeks", "alert_q", "alert_min_ratio", "alert_min_excess", "persistent_min_weeks",
      "persistent_min_span_days", "critic_min_negative_share", "incident_max_days", "incident_min_negative_posts",
      "promoter_min_posts", "promoter_min_positive_share");
  static final Set<String> EXPECTATION_KEYS = Set.of("name", "description", "category", "keywords", "channels",
      "periods", "min_share");
  /** The channels silver.feedback knows (see FeedbackUnion in jobs). */
  public static final List<String> CHANNELS = List.of("social", "contact_centre", "survey", "faq_views", "site_search");
  static final Set<String> UNIFY_KEYS = Set.of("confidence_threshold", "unclassified_warning_share",
      "max_training_rows", "seed");
  static final Set<String> THEME_KEYS = Set.of("method", "k", "k_min", "k_max", "max_fit_rows", "vocabulary_size",
      "min_df", "min_tokens", "match_similarity", "taxonomy_candidate_share", "seed", "k_criterion",
      "min_category_information", "category_weight", "term_weight", "restarts", "stop_words", "names",
      "duplicate_similarity", "min_theme_share", "duplicate_deviations");
  static final Set<String> REPORT_KEYS = Set.of("output_dir", "languages");
  static final Set<String> BRAND_KEYS = Set.of("name", "aliases", "accounts");
  static final Set<String> PSEUDONYM_KEYS = Set.of("key_env", "allow_development_key", "staff_names", "customer_id_patterns");
  static final Set<String> INGEST_KEYS = Set.of("max_text_chars", "earliest_date", "max_future_days", "max_count",
      "max_quarantine_share", "max_quarantine_share_by_source");
  static final Set<String> SOURCE_KEYS = Set.of("name", "type", "path", "format", "options", "score_scale", "score_values", "mapping",
      "brand", "company_posts");
  static final Set<String> CSV_OPTION_KEYS = Set.of("encoding", "delimiter", "quote", "escape", "header", "multiline",
      "timestamp_formats", "date_formats", "timezone", "true_values", "false_values", "null_value", "skip_lines");
  static final Set<String> JSON_OPTION_KEYS = Set.of("encoding", "multiline", "timestamp_formats", "date_formats",
      "timezone", "true_values", "false_values");
  static final Set<String> PARQUET_OPTION_KEYS = Set.of("timestamp_formats", "date_formats", "timezone",
      "true_values", "false_values");
  /**
   * Pattern letters Spark 4 refuses in datetime parsing (see Spark's datetime-pattern docs: E, F, q and Q "can only be
   * used for datetime formatting"). A day of the week (E) at the start or end is taken off ({@link DayOfWeekPatterns}).
   */
  private static final String SPARK_UNSUPPORTED_PATTERN_LETTERS = "YwWuecAnNpEFqQ";
  /** Special "patterns" for numeric Unix timestamps. */
  public static final Set<String> EPOCH_PATTERNS = Set.of("epoch_seconds", "epoch_millis");
  private static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,62}";

  private ConfigLoader() {}

  /** Loads and validates; throws {@link ConfigException} listing every problem. */
  public static ProgramConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ConfigException(file.toString(), List.of("the file does not exist or is not a file: " + absolute));
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(absolute.toFile());
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), List.of("it is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")")));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("it cannot be read: " + e.getMessage()));
    }
    Problems problems = new Problems();
    ProgramConfig config = new Reader(absolute, problems).program(root);
    if (!problems.isEmpty()) {
      throw new ConfigException(file.toString(), problems.list);
    }
    return config;
  }

  /** Problems found so far, each already phrased as "where: what is wrong; what to do". */
  static final class Problems {
    final List<String> list = new ArrayList<>();

    void add(String where, String message) {
      list.add(where.isEmpty() ? message : where + ": " + message);
    }

    boolean isEmpty() {
      return list.isEmpty();
    }
  }

  private static final class Reader {
    private final Path file;
    private final Path baseDir;
    private final Problems problems;
    /** Our brand and the competitors, for checking the brands a source's brand rules name. */
    private final List<BrandConfig> configuredBrands = new ArrayList<>();

    Reader(Path file, Problems problems) {
      this.file = file;
      this.baseDir = file.getParent();
      this.problems = problems;
    }

    ProgramConfig program(JsonNode root) {
      if (root == null || !root.isObject()) {
        problems.add("", "the file must be a YAML mapping with at least 'program', 'brand' and 'sources'");
        return null;
      }
      unknownKeys(root, TOP_KEYS, "(top level)");
      String program = requiredName(root, "program", "program");
      BrandConfig brand = brand(root.get("brand"), "brand", true);
      List<BrandConfig> competitors = new ArrayList<>();
      JsonNode comps = root.get("competitors");
      if (comps != null && !comps.isNull()) {
        if (!comps.isArray()) {
          problems.add("competitors", "must be a list of brands (each with name, aliases, accounts)");
        } else {
          for (int i = 0; i < comps.size(); i++) {
            BrandConfig c = brand(comps.get(i), "competitors[" + i + "]", false);
            if (c != null) {
              competitors.add(c);
            }
          }
        }
      }
      checkBrandNamesUnique(brand, competitors);
      if (brand != null) {
        configuredBrands.add(brand);
      }
      configuredBrands.addAll(competitors);
      ZoneId timezone = zone(root, "timezone", "timezone").orElse(ZoneId.of("UTC"));
      String warehouse = text(root, "warehouse", "warehouse").orElse("./warehouse");
      int baseline = integer(root, "baseline_periods", "baseline_periods", 4, 1, 40);
      Optional<String> taxonomy = text(root, "taxonomy", "taxonomy").map(t -> {
        String resolved = resolve(t);
        if (isLocal(resolved) && !Files.isRegularFile(Path.of(stripFileScheme(resolved)))) {
          problems.add("taxonomy", "the file '" + t + "' does not exist (resolved to " + resolved
              + "); paths are relative to the config file's folder");
        }
        return resolved;
      });
      ProgramConfig.Pseudonymisation pseudo = pseudonymisation(root.get("pseudonymisation"));
      ProgramConfig.IngestLimits limits = ingestLimits(root.get("ingest"));
      ProgramConfig.UnifySettings unify = unifySettings(root.get("unify"));
      ProgramConfig.SilenceSettings silences = silenceSettings(root.get("silences"));
      AnalysesSettings analyses = analysesSettings(root.get("analyses"));
      List<ProgramConfig.Expectation> expectations = expectations(root.get("expectations"));
      List<SourceConfig> sources = sources(root.get("sources"));
      for (String named : limits.maxQuarantineShareBySource().keySet()) {
        if (sources.stream().noneMatch(source -> source.name().equals(named))) {
          problems.add("ingest.max_quarantine_share_by_source." + named, "names no source; the sources are "
              + sources.stream().map(SourceConfig::name).toList());
        }
      }
      Map<String, String> spark = sparkConf(root.get("spark"));
      ThemeSettings themes = themeSettings(root.get("themes"));
      ReportSettings report = reportSettings(root.get("report"));
      Retention retention = retention(root.get("retention"), baseline);
      return new ProgramConfig(file, program, brand, List.copyOf(competitors), timezone, warehouse, baseline,
          taxonomy, pseudo, limits, unify, silences, analyses, expectations, sources, spark, themes, report, retention);
    }

    private ProgramConfig.SilenceSettings silenceSettings(JsonNode node) {
      ProgramConfig.SilenceSettings d = ProgramConfig.SilenceSettings.DEFAULTS;
      if (node == null || node.isNull()) {
        return d;
      }
      if (!node.isObject()) {
        problems.add("silences", "must be a mapping (" + String.join(", ", SILENCE_KEYS.stream().sorted().toList()) + ")");
        return d;
      }
      unknownKeys(node, SILENCE_KEYS, "silences");
      double minExpected = number(node, "min_expected", "silences.min_expected", d.minExpected(), v -> v >= 0,
          "a number >= 0");
      double maxVolumeRatio = number(node, "max_volume_ratio", "silences.max_volume_ratio", d.maxVolumeRatio(),
          v -> v > 1, "a number above 1 (10 = ten times the usual volume)");
      return new ProgramConfig.SilenceSettings(
          fraction(node, "q", "silences.q", d.q()), minExpected,
          fraction(node, "max_ratio", "silences.max_ratio", d.maxRatio()),
          fraction(node, "min_share", "silences.min_share", d.minShare()),
          fraction(node, "min_volume_ratio", "silences.min_volume_ratio", d.minVolumeRatio()),
          fraction(node, "min_week_ratio", "silences.min_week_ratio", d.minWeekRatio()), maxVolumeRatio,
          fraction(node, "channel_gap_max_ratio", "silences.channel_gap_max_ratio", d.channelGapMaxRatio()));
    }

    private AnalysesSettings analysesSettings(JsonNode node) {
      AnalysesSettings d = AnalysesSettings.DEFAULTS;
      if (node == null || node.isNull()) {
        return d;
      }
      if (!node.isObject()) {
        problems.add("analyses", "must be a mapping (" + String.join(", ", ANALYSES_KEYS.stream().sorted().toList()) + ")");
        return d;
      }
      unknownKeys(node, ANALYSES_KEYS, "analyses");
      double minRatio = number(node, "alert_min_ratio", "analyses.alert_min_ratio", d.alertMinRatio(), v -> v >= 1,
          "a number >= 1 (1.5 = half as much again)");
      double minExcess = number(node, "alert_min_excess", "analyses.alert_min_excess", d.alertMinExcess(), v -> v >= 0,
          "a number of items >= 0");
      int history = integer(node, "alert_history_weeks", "analyses.alert_history_weeks", d.alertHistoryWeeks(), 3, 104);
      int minHistory = integer(node, "alert_min_history_weeks", "analyses.alert_min_history_weeks",
          d.alertMinHistoryWeeks(), 2, 104);
      if (minHistory > history) {
        problems.add("analyses.alert_min_history_weeks", "must not exceed alert_history_weeks (" + history + ")");
      }
      int span = integer(node, "persistent_min_span_days", "analyses.persistent_min_span_days", d.persistentMinSpanDays(), 1, 3650);
      int incident = integer(node, "incident_max_days", "analyses.incident_max_days", d.incidentMaxDays(), 1, 365);
      if (incident >= span) {
        problems.add("analyses.incident_max_days", "must be below persistent_min_span_days (" + span
            + "), so that an author is either an incident-driven or a persistent critic, never both");
      }
      return new AnalysesSettings(
          fraction(node, "reach_cap_percentile", "analyses.reach_cap_percentile", d.reachCapPercentile()),
          history, minHistory,
          fraction(node, "alert_q", "analyses.alert_q", d.alertQ()), minRatio, minExcess,
          integer(node, "persistent_min_weeks", "analyses.persistent_min_weeks", d.persistentMinWeeks(), 2, 520),
          span,
          fraction(node, "critic_min_negative_share", "analyses.critic_min_negative_share", d.criticMinNegativeShare()),
          incident,
          integer(node, "incident_min_negative_posts", "analyses.incident_min_negative_posts",
              d.incidentMinNegativePosts(), 2, 1000),
          integer(node, "promoter_min_posts", "analyses.promoter_min_posts", d.promoterMinPosts(), 1, 1000),
          fraction(node, "promoter_min_positive_share", "analyses.promoter_min_positive_share",
              d.promoterMinPositiveShare()));
    }

    private List<ProgramConfig.Expectation> expectations(JsonNode node) {
      List<ProgramConfig.Expectation> out = new ArrayList<>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isArray()) {
        problems.add("expectations", "must be a list of expected themes (each with name, category or keywords, channels)");
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode e = node.get(i);
        String where = "expectations[" + i + "]";
        if (!e.isObject()) {
          problems.add(where, "must be a mapping");
          continue;
        }
        unknownKeys(e, EXPECTATION_KEYS, where);
        String name = requiredName(e, "name", where + ".name");
        String description = text(e, "description", where + ".description").orElse("");
        String category = text(e, "category", where + ".category").orElse(null);
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        JsonNode kw = e.get("keywords");
        if (kw != null && !kw.isNull()) {
          if (!kw.isObject()) {
            problems.add(where + ".keywords", "must map a language (nl, en) to a list of words or phrases");
          } else {
            kw.fields().forEachRemaining(k -> keywords.put(k.getKey(), stringList(kw, k.getKey(), where + ".keywords." + k.getKey())));
          }
        }
        if (category == null && keywords.isEmpty()) {
          problems.add(where, "say what identifies the theme: a 'category' of the taxonomy or 'keywords' per language");
        }
        List<String> channels = stringList(e, "channels", where + ".channels");
        if (channels.isEmpty()) {
          problems.add(where + ".channels", "list the channels where the theme is expected (" + String.join(", ", CHANNELS) + ")");
        }
        for (String c : channels) {
          if (!CHANNELS.contains(c)) {
            problems.add(where + ".channels", "'" + c + "' is not a channel; use " + String.join(", ", CHANNELS));
          }
        }
        List<String> periods = stringList(e, "periods", where + ".periods");
        for (String p : periods) {
          if (!p.matches("\\d{4}-Q[1-4]")) {
            problems.add(where + ".periods", "'" + p + "' is not a quarter; write it as 2026-Q3");
          }
        }
        Double minShare = null;
        JsonNode ms = e.get("min_share");
        if (ms == null || ms.isNull() || (ms.isTextual() && ms.asText().equals("baseline"))) {
          minShare = null;
        } else if (ms.isNumber() && ms.asDouble() > 0 && ms.asDouble() <= 1) {
          minShare = ms.asDouble();
        } else {
          problems.add(where + ".min_share", "must be a share between 0 and 1 (0.02 = 2 %) or 'baseline', not '" + ms.asText() + "'");
        }
        if (name != null) {
          out.add(new ProgramConfig.Expectation(name, description, category, keywords, channels, periods, minShare));
        }
      }
      return List.copyOf(out);
    }

    private ProgramConfig.UnifySettings unifySettings(JsonNode node) {
      ProgramConfig.UnifySettings d = ProgramConfig.UnifySettings.DEFAULTS;
      if (node == null || node.isNull()) {
        return d;
      }
      if (!node.isObject()) {
        problems.add("unify", "must be a mapping (" + String.join(", ", UNIFY_KEYS.stream().sorted().toList()) + ")");
        return d;
      }
      unknownKeys(node, UNIFY_KEYS, "unify");
      double threshold = fraction(node, "confidence_threshold", "unify.confidence_threshold", d.confidenceThreshold());
      double warning = fraction(node, "unclassified_warning_share", "unify.unclassified_warning_share",
          d.unclassifiedWarningShare());
      long maxRows = node.has("max_training_rows")
          ? longValue(node.get("max_training_rows"), "unify.max_training_rows", d.maxTrainingRows()) : d.maxTrainingRows();
      long seed = node.has("seed") ? longValue(node.get("seed"), "unify.seed", d.seed()) : d.seed();
      return new ProgramConfig.UnifySettings(threshold, warning, maxRows, seed);
    }

    private ReportSettings reportSettings(JsonNode node) {
      ReportSettings d = ReportSettings.DEFAULTS;
      if (node == null || node.isNull()) {
        return d;
      }
      if (!node.isObject()) {
        problems.add("report", "must be a mapping (" + String.join(", ", REPORT_KEYS.stream().sorted().toList()) + ")");
        return d;
      }
      unknownKeys(node, REPORT_KEYS, "report");
      String dir = text(node, "output_dir", "report.output_dir").orElse(d.outputDir());
      List<String> languages = node.has("languages") ? stringList(node, "languages", "report.languages") : d.languages();
      if (node.has("languages") && languages.isEmpty()) {
        problems.add("report.languages", "must name at least one language, e.g. [en, nl]");
        languages = d.languages();
      }
      for (String language : languages) {
        if (!ReportSettings.SUPPORTED_LANGUAGES.contains(language)) {
          problems.add("report.languages", "'" + language + "' is not a language the report is written in; use "
              + ReportSettings.SUPPORTED_LANGUAGES);
        }
      }
      return new ReportSettings(dir, List.copyOf(new java.util.LinkedHashSet<>(languages)));
    }

    private ThemeSettings themeSettings(JsonNode node) {
      ThemeSettings d = ThemeSettings.DEFAULTS;
      if (node == null || node.isNull()) {
        return d;
      }
      if (!node.isObject()) {
        problems.add("themes", "must be a mapping (" + String.join(", ", THEME_KEYS.stream().sorted().toList()) + ")");
        return d;
      }
      unknownKeys(node, THEME_KEYS, "themes");
      String method = choice(node, "method", "themes.method", d.method(), List.of(ThemeSettings.KMEANS, ThemeSettings.BISECTING, ThemeSettings.LDA));
      int k = integer(node, "k", "themes.k", d.k(), 0, 500);
      int kMin = integer(node, "k_min", "themes.k_min", d.kMin(), 2, 500);
      int kMax = integer(node, "k_max", "themes.k_max", d.kMax(), 2, 500);
      if (kMin > kMax) {
        problems.add("themes.k_min", "is " + kMin + ", above themes.k_max (" + kMax + "); make k_min <= k_max");
      }
      if (k == 1) {
        problems.add("themes.k", "must be 0 (choose automatically) or at least 2");
      }
      long maxFitRows = node.has("max_fit_rows")
          ? longValue(node.get("max_fit_rows"), "themes.max_fit_rows", d.maxFitRows()) : d.maxFitRows();
      int vocabulary = integer(node, "vocabulary_size", "themes.vocabulary_size", d.vocabularySize(), 100, 1_000_000);
      int minDf = integer(node, "min_df", "themes.min_df", d.minDf(), 1, 1_000_000);
      int minTokens = integer(node, "min_tokens", "themes.min_tokens", d.minTokens(), 1, 1000);
      double match = fraction(node, "match_similarity", "themes.match_similarity", d.matchSimilarity());
      double candidate = fraction(node, "taxonomy_candidate_share", "themes.taxonomy_candidate_share",
          d.taxonomyCandidateShare());
      long seed = node.has("seed") ? longValue(node.get("seed"), "themes.seed", d.seed()) : d.seed();
      String criterion = choice(node, "k_criterion", "themes.k_criterion", d.kCriterion(),
          List.of(ThemeSettings.MERGE, ThemeSettings.FIRST_PEAK, ThemeSettings.MAX, ThemeSettings.STABILITY));
      // In nats; above 1 nat it would drop the words of any theme that is not confined to one small category.
      double information = fraction(node, "min_category_information", "themes.min_category_information",
          d.minCategoryInformation());
      double categoryWeight = fraction(node, "category_weight", "themes.category_weight", d.categoryWeight());
      String termWeight = choice(node, "term_weight", "themes.term_weight", d.termWeight(),
          List.of(ThemeSettings.IDF_INFORMATION, ThemeSettings.INFORMATION, ThemeSettings.IDF));
      int restarts = integer(node, "restarts", "themes.restarts", d.restarts(), 1, 50);
      // Extra stop words per language (nl, en) or for all; person names; the near-duplicate and rest-theme bars.
      Map<String, List<String>> stopWords = new java.util.TreeMap<>();
      JsonNode sw = node.get("stop_words");
      if (sw != null && !sw.isObject()) {
        problems.add("themes.stop_words", "must be a mapping of language (all, nl, en) to a list of words");
      } else if (sw != null) {
        sw.fieldNames().forEachRemaining(lang -> {
          if (!List.of("all", "nl", "en").contains(lang)) {
            problems.add("themes.stop_words." + lang, "is not a language; use all, nl or en");
          } else {
            stopWords.put(lang, stringList(sw, lang, "themes.stop_words." + lang));
          }
        });
      }
      List<String> names = node.has("names") ? stringList(node, "names", "themes.names") : d.names();
      double duplicate = fraction(node, "duplicate_similarity", "themes.duplicate_similarity", d.duplicateSimilarity());
      double minShare = fraction(node, "min_theme_share", "themes.min_theme_share", d.minThemeShare());
      double deviations = number(node, "duplicate_deviations", "themes.duplicate_deviations",
          d.duplicateDeviations(), v -> v >= 0 && v <= 10,
          "a number of standard deviations from 0 (off: the fixed duplicate_similarity) to 10");
      return new ThemeSettings(method, k, kMin, kMax, maxFitRows, vocabulary, minDf, minTokens, match, candidate, seed,
          criterion, information, categoryWeight, termWeight, restarts, Map.copyOf(stopWords), names, duplicate,
          minShare, deviations);
    }

    /** A number that {@code valid} accepts; anything else present under {@code key} is a problem. */
    private double number(JsonNode node, String key, String where, double fallback, DoublePredicate valid,
        String expected) {
      if (!node.has(key)) {
        return fallback;
      }
      JsonNode v = node.get(key);
      if (!v.isNumber() || !valid.test(v.asDouble())) {
        problems.add(where, "must be " + expected + ", not '" + v.asText() + "'");
        return fallback;
      }
      return v.asDouble();
    }

    /** A number from 0 to 1; an explicit null keeps the default. */
    private double fraction(JsonNode node, String key, String where, double fallback) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return fallback;
      }
      return number(node, key, where, fallback, x -> x >= 0 && x <= 1, "a number from 0 to 1");
    }

    private BrandConfig brand(JsonNode node, String where, boolean ours) {
      if (node == null || node.isNull()) {
        if (ours) {
          problems.add(where, "is missing: name our brand, e.g. brand: {name: Acme, aliases: [acme], accounts: ['@acme']}");
        }
        return null;
      }
      if (!node.isObject()) {
        problems.add(where, "must be a mapping with name, aliases and accounts");
        return null;
      }
      unknownKeys(node, BRAND_KEYS, where);
      String name = text(node, "name", where + ".name").orElse(null);
      if (name == null) {
        problems.add(where + ".name", "is missing: give the brand's name as customers know it");
      }
      List<String> aliases = stringList(node, "aliases", where + ".aliases");
      List<String> accounts = stringList(node, "accounts", where + ".accounts");
      for (String a : accounts) {
        if (!a.trim().matches("@?[A-Za-z0-9_.]{1,50}")) {
          problems.add(where + ".accounts", "'" + a + "' is not a social handle (letters, digits, _ and ., optionally starting with @)");
        }
      }
      return name == null ? null : new BrandConfig(name, aliases, accounts);
    }

    private void checkBrandNamesUnique(BrandConfig brand, List<BrandConfig> competitors) {
      Set<String> seen = new HashSet<>();
      List<BrandConfig> all = new ArrayList<>();
      if (brand != null) {
        all.add(brand);
      }
      all.addAll(competitors);
      for (BrandConfig b : all) {
        if (!seen.add(b.name().toLowerCase())) {
          problems.add("competitors", "the brand name '" + b.name() + "' is used twice; every brand needs its own name");
        }
      }
    }

    private ProgramConfig.Pseudonymisation pseudonymisation(JsonNode node) {
      if (node == null || node.isNull()) {
        return new ProgramConfig.Pseudonymisation("LUISTER_PSEUDONYM_KEY", false, List.of(), List.of());
      }
      if (!node.isObject()) {
        problems.add("pseudonymisation", "must be a mapping with key_env and allow_development_key");
        return new ProgramConfig.Pseudonymisation("LUISTER_PSEUDONYM_KEY", false, List.of(), List.of());
      }
      unknownKeys(node, PSEUDONYM_KEYS, "pseudonymisation");
      String env = text(node, "key_env", "pseudonymisation.key_env").orElse("LUISTER_PSEUDONYM_KEY");
      if (!env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        problems.add("pseudonymisation.key_env", "'" + env + "' is not an environment variable name");
      }
      boolean dev = bool(node, "allow_development_key", "pseudonymisation.allow_development_key", false);
      // Masked in every text as whole words (staff names) or as given (customer-id patterns): see docs/reliability.md.
      List<String> staff = stringList(node, "staff_names", "pseudonymisation.staff_names");
      List<String> customerIds = stringList(node, "customer_id_patterns", "pseudonymisation.customer_id_patterns");
      for (String pattern : customerIds) {
        try {
          if (java.util.regex.Pattern.compile(pattern).matcher("").matches()) {
            problems.add("pseudonymisation.customer_id_patterns", "'" + pattern + "' matches the empty text; "
                + "give the shape of a customer number, e.g. K[0-9]{7}");
          }
        } catch (java.util.regex.PatternSyntaxException e) {
          problems.add("pseudonymisation.customer_id_patterns", "'" + pattern + "' is not a regular expression: "
              + e.getDescription());
        }
      }
      return new ProgramConfig.Pseudonymisation(env, dev, staff, customerIds);
    }

    private Retention retention(JsonNode node, int baseline) {
      if (node == null || node.isNull()) {
        return Retention.KEEP_EVERYTHING;
      }
      if (!node.isObject()) {
        problems.add("retention", "must be a mapping of layer to quarters kept, e.g. {bronze: 12, silver: 12}");
        return Retention.KEEP_EVERYTHING;
      }
      unknownKeys(node, RETENTION_KEYS, "retention");
      Map<String, Integer> quarters = new java.util.TreeMap<>();
      for (String layer : RETENTION_KEYS) {
        if (node.hasNonNull(layer)) {
          // The analysed quarter and its baseline must survive, or the next run compares with nothing.
          quarters.put(layer, integer(node, layer, "retention." + layer + " (quarters kept, the analysed one and "
              + "baseline_periods = " + baseline + " before it included)", baseline + 1, baseline + 1, 4000));
        }
      }
      return new Retention(quarters);
    }

    private ProgramConfig.IngestLimits ingestLimits(JsonNode node) {
      ProgramConfig.IngestLimits d = ProgramConfig.IngestLimits.DEFAULTS;
      if (node == null || node.isNull()) {
        return d;
      }
      if (!node.isObject()) {
        problems.add("ingest", "must be a mapping (max_text_chars, earliest_date, max_future_days, max_count)");
        return d;
      }
      unknownKeys(node, INGEST_KEYS, "ingest");
      int maxText = integer(node, "max_text_chars", "ingest.max_text_chars", d.maxTextChars(), 100, 10_000_000);
      LocalDate earliest = text(node, "earliest_date", "ingest.earliest_date").map(s -> {
        try {
          return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
          problems.add("ingest.earliest_date", "'" + s + "' is not a date; write it as yyyy-MM-dd");
          return d.earliestDate();
        }
      }).orElse(d.earliestDate());
      int future = integer(node, "max_future_days", "ingest.max_future_days", d.maxFutureDays(), 0, 3650);
      long maxCount = node.has("max_count") ? longValue(node.get("max_count"), "ingest.max_count", d.maxCount()) : d.maxCount();
      double maxQuarantine = fraction(node, "max_quarantine_share", "ingest.max_quarantine_share", d.maxQuarantineShare());
      java.util.Map<String, Double> bySource = new java.util.LinkedHashMap<>();
      JsonNode overrides = node.get("max_quarantine_share_by_source");
      if (overrides != null && !overrides.isNull()) {
        if (!overrides.isObject()) {
          problems.add("ingest.max_quarantine_share_by_source", "must be a mapping of source name to a share from 0 to 1");
        } else {
          overrides.fieldNames().forEachRemaining(name -> bySource.put(name,
              fraction(overrides, name, "ingest.max_quarantine_share_by_source." + name, maxQuarantine)));
        }
      }
      return new ProgramConfig.IngestLimits(maxText, earliest, future, maxCount, maxQuarantine, java.util.Map.copyOf(bySource));
    }

    private List<SourceConfig> sources(JsonNode node) {
      List<SourceConfig> result = new ArrayList<>();
      if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
        problems.add("sources", "no sources are configured: list at least one export under 'sources'");
        return result;
      }
      if (!node.isArray()) {
        problems.add("sources", "must be a list of sources (each with name, type, path, format, mapping)");
        return result;
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode s = node.get(i);
        String label = "sources[" + i + "]";
        String name = s.isObject() && s.hasNonNull("name") ? s.get("name").asText() : null;
        String where = name == null ? label : label + " (" + name + ")";
        SourceConfig sc = source(s, where);
        if (sc != null) {
          if (!names.add(sc.name())) {
            problems.add(where + ".name", "the name '" + sc.name() + "' is used by another source; names must be unique");
          }
          result.add(sc);
        }
      }
      return List.copyOf(result);
    }

    private SourceConfig source(JsonNode node, String where) {
      if (!node.isObject()) {
        problems.add(where, "must be a mapping with name, type, path, format and mapping");
        return null;
      }
      unknownKeys(node, SOURCE_KEYS, where);
      String name = requiredName(node, "name", where + ".name");
      Optional<SourceType> type = text(node, "type", where + ".type").flatMap(t -> {
        Optional<SourceType> st = SourceType.fromConfigName(t);
        if (st.isEmpty()) {
          problems.add(where + ".type", "'" + t + "' is not a source type; use one of " + SourceType.allConfigNames());
        }
        return st;
      });
      if (!node.hasNonNull("type")) {
        problems.add(where + ".type", "is missing: use one of " + SourceType.allConfigNames());
      }
      Optional<SourceFormat> format = text(node, "format", where + ".format").flatMap(f -> {
        Optional<SourceFormat> sf = SourceFormat.fromConfigName(f);
        if (sf.isEmpty()) {
          problems.add(where + ".format", "'" + f + "' is not a format; use one of " + SourceFormat.allConfigNames());
        }
        return sf;
      });
      if (!node.hasNonNull("format")) {
        problems.add(where + ".format", "is missing: use one of " + SourceFormat.allConfigNames());
      }
      String path = text(node, "path", where + ".path").map(p -> checkPath(p, where + ".path")).orElse(null);
      if (path == null && !node.hasNonNull("path")) {
        problems.add(where + ".path", "is missing: give a file, folder or glob (relative to the config file, or s3a://...)");
      }
      FormatOptions options = options(node.get("options"), format.orElse(null), where + ".options");
      // Ids, a scale per record or file, and brand attribution (issue 27): see SourceRules.
      JsonNode scaleNode = node.get("score_scale");
      ScoreScaleRule scaleRule = SourceRules.isScaleRule(scaleNode)
          ? SourceRules.scoreScaleRule(scaleNode, where + ".score_scale", problems) : null;
      ScoreScale scale = scaleRule == null ? scoreScale(scaleNode, type.orElse(null), where + ".score_scale")
          : scaleRule.candidates().isEmpty() ? scoreScale(null, type.orElse(null), where + ".score_scale")
          : scaleRule.candidates().get(scaleRule.candidates().size() - 1);
      JsonNode mappingNode = node.get("mapping");
      IdRule idRule = SourceRules.idRule(mappingNode, where + ".mapping", problems);
      if (mappingNode != null && mappingNode.isObject() && mappingNode.has("id")
          && (SourceRules.idIsRule(mappingNode.get("id")) || SourceRules.singleColumnOfList(mappingNode.get("id")) != null)) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) mappingNode).deepCopy();
        String single = SourceRules.singleColumnOfList(mappingNode.get("id"));
        if (single != null) {
          copy.put("id", single);
        } else {
          copy.remove("id");
        }
        mappingNode = copy;
      }
      Map<String, String> mapping = mapping(mappingNode, type.orElse(null), where + ".mapping", idRule != IdRule.SINGLE);
      BrandAttribution brandRule = SourceRules.brandAttribution(node.get("brand"), where + ".brand", configuredBrands, problems);
      if (brandRule != null && type.isPresent() && (type.get() == SourceType.WEB_PAGEVIEWS || type.get() == SourceType.WEB_SEARCH)) {
        problems.add(where + ".brand", "web statistics are always about our own site; remove brand");
      }
      CompanyPosts companyPosts = SourceRules.companyPosts(node.get("company_posts"), where + ".company_posts", problems);
      if (companyPosts != null && type.isPresent() && type.get() != SourceType.SOCIAL) {
        problems.add(where + ".company_posts", "only social exports hold companies' posts; remove company_posts");
      }
      Map<String, Double> scoreValues = SourceRules.scoreValues(node.get("score_values"), where + ".score_values",
          scaleRule == null ? scale : null, problems);
      if (!scoreValues.isEmpty() && type.isPresent()
          && CanonicalSchemas.fieldsOf(type.get()).stream().noneMatch(f -> f.kind() == FieldKind.SCORE)) {
        problems.add(where + ".score_values", "a " + type.get().configName() + " source has no score; remove score_values");
      }
      if (name == null || type.isEmpty() || format.isEmpty() || path == null) {
        return null;
      }
      return new SourceConfig(name, type.get(), path, format.get(), options, scale, mapping, idRule, scaleRule, brandRule,
          companyPosts, scoreValues);
    }

    private String checkPath(String raw, String where) {
      String resolved = resolve(raw);
      if (isLocal(resolved)) {
        try {
          org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(resolved);
          FileSystem fs = hp.getFileSystem(new Configuration());
          FileStatus[] matches = fs.globStatus(hp);
          if (matches == null || matches.length == 0) {
            problems.add(where, "nothing matches '" + raw + "' (resolved to " + resolved
                + "); check the path, which is relative to the config file's folder");
          }
        } catch (IOException | IllegalArgumentException e) {
          problems.add(where, "'" + raw + "' cannot be read: " + e.getMessage());
        }
      }
      return resolved;
    }

    private FormatOptions options(JsonNode node, SourceFormat format, String where) {
      boolean jsonDocument = format == SourceFormat.JSON;
      if (node != null && !node.isNull() && !node.isObject()) {
        problems.add(where, "must be a mapping of format options");
        node = null;
      }
      if (node != null && !node.isNull() && format != null) {
        Set<String> known = switch (format) {
          case CSV -> CSV_OPTION_KEYS;
          case JSON, JSONL -> JSON_OPTION_KEYS;
          case PARQUET -> PARQUET_OPTION_KEYS;
        };
        unknownKeys(node, known, where + " (for format " + format.configName() + ")");
      }
      JsonNode n = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
      String encoding = text(n, "encoding", where + ".encoding").orElse("UTF-8");
      try {
        if (!Charset.isSupported(encoding)) {
          problems.add(where + ".encoding", "'" + encoding + "' is not a character set Java knows; use e.g. UTF-8, windows-1252, ISO-8859-1");
        }
      } catch (IllegalArgumentException e) {
        problems.add(where + ".encoding", "'" + encoding + "' is not a valid character set name");
      }
      String delimiter = text(n, "delimiter", where + ".delimiter").orElse(",");
      String unescaped = delimiter.equals("\\t") ? "\t" : delimiter;
      if (unescaped.length() != 1) {
        problems.add(where + ".delimiter", "must be one character (write a tab as \"\\t\"), not '" + delimiter + "'");
      }
      String quote = text(n, "quote", where + ".quote").orElse("\"");
      if (quote.length() != 1) {
        problems.add(where + ".quote", "must be one character, not '" + quote + "'");
      }
      String escape = text(n, "escape", where + ".escape").orElse("\"");
      if (escape.length() != 1) {
        problems.add(where + ".escape", "must be one character, not '" + escape + "'");
      }
      boolean header = bool(n, "header", where + ".header", true);
      boolean multiline = bool(n, "multiline", where + ".multiline", jsonDocument);
      List<String> tsFormats = patterns(n, "timestamp_formats", where + ".timestamp_formats", FormatOptions.DEFAULT_TIMESTAMP_FORMATS);
      List<String> dateFormats = patterns(n, "date_formats", where + ".date_formats", FormatOptions.DEFAULT_DATE_FORMATS);
      ZoneId zone = zone(n, "timezone", where + ".timezone").orElse(null);
      List<String> trueValues = n.has("true_values") ? stringList(n, "true_values", where + ".true_values") : FormatOptions.DEFAULT_TRUE;
      List<String> falseValues = n.has("false_values") ? stringList(n, "false_values", where + ".false_values") : FormatOptions.DEFAULT_FALSE;
      String nullValue = text(n, "null_value", where + ".null_value").orElse(null);
      int skipLines = integer(n, "skip_lines", where + ".skip_lines", 0, 0, 1_000);
      return new FormatOptions(encoding, unescaped, quote, escape, header, multiline, tsFormats, dateFormats, zone,
          trueValues, falseValues, nullValue, skipLines);
    }

    private List<String> patterns(JsonNode node, String key, String where, List<String> defaults) {
      if (!node.has(key)) {
        return defaults;
      }
      List<String> patterns = node.get(key).isTextual() ? List.of(node.get(key).asText()) : stringList(node, key, where);
      if (patterns.isEmpty()) {
        problems.add(where, "is empty: give at least one pattern, e.g. dd-MM-yyyy HH:mm");
      }
      for (String p : patterns) {
        String problem = patternProblem(p);
        if (problem != null) {
          problems.add(where, "'" + p + "' is not a usable datetime pattern: " + problem);
        }
      }
      return patterns;
    }

    private ScoreScale scoreScale(JsonNode node, SourceType type, String where) {
      if (node == null || node.isNull()) {
        if (type == SourceType.SURVEY) {
          return ScoreScale.NPS;
        }
        return type == SourceType.SOCIAL ? ScoreScale.STARS : null;
      }
      if (node.isTextual()) {
        return ScoreScale.named(node.asText()).orElseGet(() -> {
          problems.add(where, "'" + node.asText() + "' is not a scale; use nps, csat, stars or {min: 1, max: 10}");
          return null;
        });
      }
      if (node.isObject() && node.has("min") && node.has("max") && node.get("min").isNumber() && node.get("max").isNumber()) {
        unknownKeys(node, Set.of("min", "max", "name"), where);
        double min = node.get("min").asDouble();
        double max = node.get("max").asDouble();
        if (min >= max) {
          problems.add(where, "min (" + min + ") must be below max (" + max + ")");
        }
        String name = node.hasNonNull("name") ? node.get("name").asText() : "custom";
        return new ScoreScale(name, min, max);
      }
      problems.add(where, "use nps, csat, stars or a range like {min: 1, max: 10}");
      return null;
    }

    private Map<String, String> mapping(JsonNode node, SourceType type, String where, boolean idByRule) {
      Map<String, String> mapping = new LinkedHashMap<>();
      if (node == null || node.isNull() || !node.isObject()) {
        problems.add(where, "is missing: map each canonical field to the source's column"
            + (type == null ? "" : " (required for " + type.configName() + ": " + requiredFields(type) + ")"));
        return mapping;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          problems.add(where + "." + e.getKey(), "must be the name of a column (or a nested path like user.handle)");
          continue;
        }
        mapping.put(e.getKey(), e.getValue().asText());
      }
      if (type != null) {
        List<String> canonical = CanonicalSchemas.fieldsOf(type).stream().map(CanonicalField::name).toList();
        for (String key : mapping.keySet()) {
          if (!canonical.contains(key)) {
            problems.add(where + "." + key, "'" + key + "' is not a field of a " + type.configName() + " source"
                + suggestion(key, canonical) + "; its fields are " + String.join(", ", canonical));
          }
        }
        for (CanonicalField f : CanonicalSchemas.fieldsOf(type)) {
          if (f.required() && !mapping.containsKey(f.name()) && !(idByRule && f.name().equals("id"))) {
            problems.add(where, "the required field '" + f.name() + "' is not mapped: add '" + f.name()
                + ": <column in the export>' (" + f.meaning() + ")"
                + (f.name().equals("id") ? "; without one unique column, map id to a list of columns or to 'generated'" : ""));
          }
        }
        // Web statistics as daily counts must say the count; an export of one row per event (id mapped) counts rows.
        CanonicalSchemas.dailyCount(type).ifPresent(count -> {
          if (!mapping.containsKey(count) && !mapping.containsKey("id") && !idByRule) {
            problems.add(where, "the field '" + count + "' is not mapped: add '" + count + ": <column in the export>'"
                + " for an export of daily counts; for an export of one row per visit, hit or search, map id to the"
                + " row's id column (or 'generated') instead, and each row counts once");
          }
        });
      }
      return mapping;
    }

    private Map<String, String> sparkConf(JsonNode node) {
      Map<String, String> conf = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        return conf;
      }
      if (!node.isObject()) {
        problems.add("spark", "must be a mapping of Spark settings, e.g. spark.sql.shuffle.partitions: 8");
        return conf;
      }
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("spark.")) {
          problems.add("spark." + e.getKey(), "Spark settings start with 'spark.' (write spark.hadoop.fs.s3a.endpoint, not fs.s3a.endpoint)");
        } else if (e.getKey().toLowerCase().contains("secret") || e.getKey().toLowerCase().contains("access.key")) {
          problems.add("spark." + e.getKey(), "credentials do not belong in a config file: use the AWS provider chain or environment variables");
        } else {
          conf.put(e.getKey(), e.getValue().asText());
        }
      });
      return conf;
    }

    // ---- small readers that record problems instead of throwing ----

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!known.contains(key)) {
          problems.add(where, "unknown key '" + key + "'" + suggestion(key, known)
              + "; known keys are " + String.join(", ", known.stream().sorted().toList()));
        }
      }
    }

    /** One of {@code allowed} (the message lists them in this order), else a problem and {@code fallback}. */
    private String choice(JsonNode node, String key, String where, String fallback, List<String> allowed) {
      String value = text(node, key, where).orElse(fallback);
      if (allowed.contains(value)) {
        return value;
      }
      List<String> quoted = allowed.stream().map(a -> "'" + a + "'").toList();
      problems.add(where, "must be " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or "
          + quoted.get(quoted.size() - 1) + ", not '" + value + "'");
      return fallback;
    }

    private Optional<String> text(JsonNode node, String key, String where) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isValueNode()) {
        problems.add(where, "must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
        return Optional.empty();
      }
      String s = v.asText();
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private String requiredName(JsonNode node, String key, String where) {
      Optional<String> name = text(node, key, where);
      if (name.isEmpty()) {
        problems.add(where, "is missing: give a short name (lower-case letters, digits, _)");
        return null;
      }
      if (!name.get().matches(NAME_PATTERN)) {
        problems.add(where, "'" + name.get() + "' must be lower-case letters, digits and _ (starting with a letter), "
            + "because it names tables");
        return null;
      }
      return name.get();
    }

    private List<String> stringList(JsonNode node, String key, String where) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        problems.add(where, "must be a list, e.g. [a, b]");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (JsonNode item : v) {
        if (!item.isValueNode() || item.asText().isBlank()) {
          problems.add(where, "every entry must be a non-empty text");
        } else {
          out.add(item.asText());
        }
      }
      return List.copyOf(out);
    }

    private boolean bool(JsonNode node, String key, String where, boolean fallback) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return fallback;
      }
      if (!v.isBoolean()) {
        problems.add(where, "must be true or false, not '" + v.asText() + "'");
        return fallback;
      }
      return v.asBoolean();
    }

    private int integer(JsonNode node, String key, String where, int fallback, int min, int max) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return fallback;
      }
      if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
        problems.add(where, "must be a whole number from " + min + " to " + max + ", not '" + v.asText() + "'");
        return fallback;
      }
      return v.asInt();
    }

    private long longValue(JsonNode v, String where, long fallback) {
      if (!v.isIntegralNumber() || v.asLong() <= 0) {
        problems.add(where, "must be a positive whole number, not '" + v.asText() + "'");
        return fallback;
      }
      return v.asLong();
    }

    private Optional<ZoneId> zone(JsonNode node, String key, String where) {
      return text(node, key, where).flatMap(z -> {
        try {
          return Optional.of(ZoneId.of(z));
        } catch (DateTimeException e) {
          problems.add(where, "'" + z + "' is not a time zone; use a region id such as Europe/Amsterdam or UTC");
          return Optional.empty();
        }
      });
    }

    private String resolve(String raw) {
      if (raw.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || raw.startsWith("file:")) {
        return raw;
      }
      Path p = Path.of(raw);
      return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize().toString();
    }
  }

  static boolean isLocal(String path) {
    return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || path.startsWith("file:");
  }

  private static String stripFileScheme(String path) {
    return path.startsWith("file:") ? path.replaceFirst("^file:(//)?", "") : path;
  }

  private static String requiredFields(SourceType type) {
    return String.join(", ", CanonicalSchemas.fieldsOf(type).stream().filter(CanonicalField::required)
        .map(CanonicalField::name).toList());
  }

  /** Spark's parser refuses some letters java.time accepts; say so before the job runs, not mid-way. */
  static String patternProblem(String pattern) {
    if (EPOCH_PATTERNS.contains(pattern)) {
      return null;
    }
    try {
      DateTimeFormatter.ofPattern(pattern);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    boolean quoted = false;
    for (char c : DayOfWeekPatterns.parseable(pattern).toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && SPARK_UNSUPPORTED_PATTERN_LETTERS.indexOf(c) >= 0) {
        return "the letter '" + c + "' is not supported by Spark's datetime parser"
            + switch (c) {
              case 'Y' -> " (week-based year; you probably mean 'y')";
              case 'E' -> " inside a pattern (a day of the week is read only at the start or the end, e.g."
                  + " 'EEE MMM dd HH:mm:ss Z yyyy' or 'EEE, dd MMM yyyy HH:mm:ss Z')";
              case 'q', 'Q' -> " (a quarter cannot be parsed; use the month)";
              default -> "";
            };
      }
    }
    return null;
  }

  private static String suggestion(String key, Iterable<String> known) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance.apply(key.toLowerCase(), k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3) ? " (did you mean '" + best + "'?)" : "";
  }
}
