package io.luister.jobs.cli;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.privacy.PseudonymKeys;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.spark.LuisterSpark;
import io.luister.common.config.SourceConfig;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.taxonomy.TaxonomyLoader;
import io.luister.common.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;

/**
 * What a command needs to run: the validated config, the warehouse, the pseudonymiser and the Spark
 * session. The config and key are checked before Spark starts, so a bad config fails in a second.
 */
final class RunContext implements AutoCloseable {
  final ProgramConfig config;
  /** The program's taxonomy, validated with the config before Spark starts; null when none is configured. */
  final Taxonomy taxonomy;
  final Warehouse warehouse;
  final String runId;
  final Instant startedAt;
  /**
   * How many stages run at once, how many sources ingest reads at once and how many tables analyse computes at
   * once ({@link io.luister.jobs.SideBySide}): --concurrent-stages for {@code run} and {@code bench}, the default
   * for a stage run on its own.
   */
  final int concurrentWork;
  private final ProgramOptions options;
  private Pseudonymizer pseudonymizer;
  private SparkSession spark;
  private boolean ownsSpark;

  RunContext(ProgramOptions options) {
    this(options, Pipeline.DEFAULT_CONCURRENT_STAGES);
  }

  RunContext(ProgramOptions options, int concurrentWork) {
    this.options = options;
    this.concurrentWork = concurrentWork;
    ProgramConfig loaded = ConfigLoader.load(options.configFile());
    this.config = options.warehouse != null ? loaded.withWarehouse(options.warehouse) : loaded;
    this.warehouse = new Warehouse(config.warehouse());
    this.taxonomy = config.taxonomy().map(t -> TaxonomyLoader.load(Path.of(t),
        config.sources().stream().map(SourceConfig::name).collect(Collectors.toSet()))).orElse(null);
    checkExpectations();
    this.startedAt = Instant.now();
    this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(startedAt)
        + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }

  /** Expectations name taxonomy categories; a typo there would silently expect nothing, so refuse it. */
  private void checkExpectations() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    for (ProgramConfig.Expectation e : config.expectations()) {
      if (e.category() == null) {
        continue;
      }
      if (taxonomy == null) {
        problems.add("expectations (" + e.name() + "): names category '" + e.category() + "' but no taxonomy is configured");
      } else if (taxonomy.category(e.category()).isEmpty()) {
        problems.add("expectations (" + e.name() + "): '" + e.category() + "' is not a category of the taxonomy; "
            + "categories are " + taxonomy.ids());
      }
    }
    if (!problems.isEmpty()) {
      throw new io.luister.common.config.ConfigException(config.file().toString(), problems);
    }
  }

  /**
   * The requested quarter (its syntax checked; a stage run on its own for a quarter without data says so itself), or
   * else the latest complete quarter that holds data in the bronze tables of an earlier ingest.
   */
  String analysisPeriod(String requested) {
    if (requested != null) {
      return io.luister.jobs.AnalysisPeriod.validate(requested);
    }
    return io.luister.jobs.AnalysisPeriod.choose(null,
        io.luister.jobs.AnalysisPeriod.quartersInBronze(spark(), config, warehouse, config.sources()));
  }

  /** Synchronized, as are the other lazily made parts: stages may run on several threads (Pipeline). */
  synchronized Pseudonymizer pseudonymizer() {
    if (pseudonymizer == null) {
      pseudonymizer = PseudonymKeys.forProgram(config, PseudonymKeys.environment(config.pseudonymisation().keyEnv()));
    }
    return pseudonymizer;
  }

  synchronized SparkSession spark() {
    if (spark == null) {
      Map<String, String> conf = new LinkedHashMap<>(config.sparkConf());
      conf.putAll(options.sparkConf);
      conf.putIfAbsent("spark.sql.warehouse.dir", warehouse.root() + "/_catalog");
      // A session already running in this JVM (tests, a notebook, an evaluation that runs commands in turn) is used
      // and left running. The default session counts too: the first call may come from a worker thread (ingest
      // reads sources side by side), where no session is active although one runs.
      ownsSpark = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
      spark = LuisterSpark.builder("luister-" + config.program(), options.master(), conf).getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      if (options.master().startsWith("local") && spark.sparkContext().uiWebUrl().isDefined()) {
        Console.info("Spark UI: " + spark.sparkContext().uiWebUrl().get());
      }
    }
    return spark;
  }

  @Override
  public void close() {
    if (spark != null && ownsSpark) {
      spark.stop();
    }
  }
}
