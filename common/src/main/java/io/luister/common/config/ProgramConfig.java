package io.luister.common.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One insight program: whose feedback, from which exports, analysed how. Built only by
 * {@link ConfigLoader}, which validates everything before any Spark work starts.
 *
 * @param file the YAML file it was read from
 * @param program a short name, recorded in ops.runs
 * @param brand our brand
 * @param competitors the brands we are compared with
 * @param timezone the zone in which days, weeks and quarters are counted
 * @param warehouse where the tables live (local folder or s3a:// URI)
 * @param baselinePeriods how many earlier periods form a baseline
 * @param taxonomy the taxonomy file, if configured
 * @param pseudonymisation where the pseudonymisation key comes from
 * @param ingest limits applied while ingesting
 * @param unify settings of category assignment
 * @param silences thresholds of the silence detectors and the data-health gate
 * @param analyses settings of the analyses stage (reach cap, alerts, author classes)
 * @param expectations themes the company expects customers to raise
 * @param sources the exports to read
 * @param sparkConf extra Spark settings (for example {@code spark.hadoop.fs.s3a.endpoint})
 * @param themes settings of theme discovery
 * @param report settings of the quarterly report
 * @param retention how many quarters each layer keeps
 */
public record ProgramConfig(
    Path file,
    String program,
    BrandConfig brand,
    List<BrandConfig> competitors,
    ZoneId timezone,
    String warehouse,
    int baselinePeriods,
    Optional<String> taxonomy,
    Pseudonymisation pseudonymisation,
    IngestLimits ingest,
    UnifySettings unify,
    SilenceSettings silences,
    AnalysesSettings analyses,
    List<Expectation> expectations,
    List<SourceConfig> sources,
    Map<String, String> sparkConf,
    ThemeSettings themes,
    ReportSettings report,
    Retention retention) {

  /**
   * @param keyEnv the environment variable holding the secret key
   * @param allowDevelopmentKey true only for sample programs: without the variable, a fixed, clearly named
   *     development key is used and a warning printed (only for the shipped samples, see PseudonymKeys)
   * @param staffNames the program's own staff (agents, webcare): their names are masked wherever they appear
   * @param customerIdPatterns regular expressions of the program's customer numbers, masked in every text
   */
  public record Pseudonymisation(String keyEnv, boolean allowDevelopmentKey, List<String> staffNames,
      List<String> customerIdPatterns) {}

  /**
   * @param maxTextChars longer texts are cut to this length and flagged {@code text_truncated}
   * @param earliestDate records dated before this day are quarantined (TIMESTAMP_OUT_OF_RANGE)
   * @param maxFutureDays records dated more than this many days after the run are quarantined
   * @param maxCount counts above this are quarantined (COUNT_OUT_OF_RANGE)
   * @param maxQuarantineShare a source whose quarantined share of the records read is above this is refused
   *     (exit 3), so a wrongly configured source cannot lose records quietly
   * @param maxQuarantineShareBySource the same limit raised or lowered for named sources, deliberately
   */
  public record IngestLimits(int maxTextChars, LocalDate earliestDate, int maxFutureDays, long maxCount,
      double maxQuarantineShare, java.util.Map<String, Double> maxQuarantineShareBySource) {
    public static final IngestLimits DEFAULTS = new IngestLimits(20_000, LocalDate.of(2000, 1, 1), 1, 1_000_000_000_000L,
        0.05, java.util.Map.of());

    /** The quarantine limit of one source: its own, else the program's. */
    public double maxQuarantineShare(String source) {
      return maxQuarantineShareBySource.getOrDefault(source, maxQuarantineShare);
    }
  }

  /**
   * @param confidenceThreshold a model prediction below this probability leaves an item unclassified
   * @param unclassifiedWarningShare the unify stage warns when a source has more unclassified items than this
   * @param maxTrainingRows the classifier is fitted on a seeded sample of at most this many labelled items
   * @param seed the seed of every sample and model, so reruns give identical tables
   */
  public record UnifySettings(double confidenceThreshold, double unclassifiedWarningShare, long maxTrainingRows, long seed) {
    public static final UnifySettings DEFAULTS = new UnifySettings(0.5, 0.25, 200_000, 20_260_923L);
  }

  /**
   * @param q the false discovery rate controlled (Benjamini–Hochberg) across all tests of a run
   * @param minExpected below this expected count a result is "insufficient evidence", never a silence
   * @param maxRatio a silence is observed at most this fraction of what was expected
   * @param minShare a category must reach this share elsewhere (other channels, competitors, baseline) to be missed
   * @param minVolumeRatio the data-health gate: a channel's period volume below this fraction of its baseline is suspect
   * @param minWeekRatio the data-health gate: a week below this fraction of the channel's median week is suspect
   * @param maxVolumeRatio the data-health gate: a channel's period volume above this multiple of its baseline is
   *     suspect too (an export loaded twice over, a changed filter, a flood of automated posts)
   * @param channelGapMaxRatio a channel gap is observed at most this fraction of the other channels' share:
   *     stricter than maxRatio, because channels differ in their mix by nature (docs/SILENCES.md)
   */
  public record SilenceSettings(double q, double minExpected, double maxRatio, double minShare, double minVolumeRatio,
      double minWeekRatio, double maxVolumeRatio, double channelGapMaxRatio) {
    public static final SilenceSettings DEFAULTS = new SilenceSettings(0.05, 5, 0.5, 0.02, 0.5, 0.2, 10, 0.2);
  }

  /**
   * A theme the company expects customers to raise.
   *
   * @param name short id
   * @param description what it is, for people
   * @param category the unified category that identifies it, or null when identified by keywords
   * @param keywords language → words or phrases that identify it in text, matched case- and accent-insensitively
   * @param channels the channels where it is expected (social, contact_centre, survey, faq_views, site_search)
   * @param periods the quarters in which it is expected; empty means every quarter
   * @param minShare the expected minimum share of the channel's volume about our brand, or null for "at least its baseline"
   */
  public record Expectation(String name, String description, String category, Map<String, List<String>> keywords,
      List<String> channels, List<String> periods, Double minShare) {}

  /** Our brand first, then the competitors. */
  public List<BrandConfig> allBrands() {
    List<BrandConfig> all = new ArrayList<>();
    all.add(brand);
    all.addAll(competitors);
    return all;
  }

  public Optional<SourceConfig> source(String name) {
    return sources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The same program with another warehouse (the CLI's --warehouse). */
  public ProgramConfig withWarehouse(String newWarehouse) {
    return new ProgramConfig(file, program, brand, competitors, timezone, newWarehouse, baselinePeriods, taxonomy,
        pseudonymisation, ingest, unify, silences, analyses, expectations, sources, sparkConf, themes, report, retention);
  }

  /** The same program with other theme settings (tests and tools that fix the number of themes). */
  public ProgramConfig withThemes(ThemeSettings newThemes) {
    return new ProgramConfig(file, program, brand, competitors, timezone, warehouse, baselinePeriods, taxonomy,
        pseudonymisation, ingest, unify, silences, analyses, expectations, sources, sparkConf, newThemes, report, retention);
  }
}
