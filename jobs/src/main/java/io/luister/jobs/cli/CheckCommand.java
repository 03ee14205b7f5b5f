package io.luister.jobs.cli;

import io.luister.common.config.SourceConfig;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.ingest.Preflight;
import io.luister.jobs.SideBySide;
import io.luister.jobs.unify.FeedbackUnion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Preflight in seconds: for every source, reads the files' headers and the first "
        + Preflight.SAMPLE_RECORDS + " records of each file (of at most " + Preflight.SAMPLE_RECORDS_PER_SOURCE
        + " a source: fewer, at least " + Preflight.MIN_SAMPLE_RECORDS_PER_FILE + ", of each of many files), maps and"
        + " checks them as ingest would, and prints the "
        + "columns found, a few parsed records (masked), the share and top reasons of what would be quarantined, the "
        + "brand attribution shares and brand coverage, the language mix and concrete advice. Writes nothing.",
        "Exits 3 when a source would be refused (an unreadable file, a missing column) or would lose more than "
            + "ingest.max_quarantine_share of its sample. run checks, after its ingest, the sources that ingest "
            + "refused, failed or found with too little brand coverage."})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Override
  public Integer call() {
    // check reads a bounded sample: no Spark UI (its listener renders every query's plan for the web page).
    program.sparkConf.putIfAbsent("spark.ui.enabled", "false");
    warmUp();
    try (RunContext ctx = new RunContext(program)) {
      List<String> failing = check(ctx, true);
      if (!failing.isEmpty()) {
        throw new LuisterDataException("check: " + failing.size() + " source(s) would fail ingest: " + String.join("; ", failing));
      }
      return 0;
    }
  }

  /**
   * Starts, beside the Spark session and the reading, the loading of unify's language models (once per JVM, for the
   * language mix), which the first language query would otherwise wait for: a fifth of the CPU samples of a check
   * of a 145-record export (a profile of 2026-12-07). Nothing depends on it finishing; the first use waits as before.
   */
  private static void warmUp() {
    Thread warm = new Thread(() -> {
      try {
        io.luister.common.text.LanguageDetector.detect("warm up");
      } catch (Throwable e) {
        // Only a head start: the same work happens on first use, and fails there if it must.
      }
    }, "luister-check-warm-up");
    warm.setDaemon(true);
    warm.start();
  }

  /**
   * SQL settings for the preflight's queries, set for its duration and then restored (run shares the session).
   * ConvertToLocalRelation folds a projection over an in-memory table into a new in-memory table by evaluating every
   * expression row by row, interpreted, on the driver while the query is planned: on the samples' 20,000 social
   * records (all of them, then) and their mapping that was two thirds of check's time (a profile of 2026-12-07);
   * generated code in the executors does the same work in a fraction. The sample is small, so its one shuffle (duplicate ids)
   * needs two partitions, not the run's. Spark's lower() and upper() through ICU first build a title-case table of
   * every Unicode code point (CollationAwareUTF8String's static initialiser: a sixth of check's CPU on the
   * samples, once per JVM); check uses the JVM's own case mapping instead, which gives the same result for the
   * names and aliases that brand resolution lowers (both follow Unicode's default, root-locale case mapping).
   */
  static final Map<String, String> PREFLIGHT_SQL_CONF = Map.of(
      "spark.sql.optimizer.excludedRules", "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation",
      "spark.sql.shuffle.partitions", "2",
      "spark.sql.icu.caseMappings.enabled", "false");

  /**
   * Checks every source, {@code ctx.concurrentWork} at a time (one source's driver plans its queries while
   * another's tasks run); prints the findings in the config's order (all of them when {@code verbose}, else only the
   * sources that fail or lack brands); returns the sources that would fail ingest, each with why.
   */
  static List<String> check(RunContext ctx, boolean verbose) {
    return check(ctx, verbose, ctx.config.sources());
  }

  /**
   * For {@code run}: checks the named sources (those its ingest refused, failed, or found with too little brand
   * coverage) and prints every finding and advice for them, with a line per source the sample shows failing. A
   * check that fails in turn is only logged: ingest's own error is the one that counts.
   */
  static void explain(RunContext ctx, List<String> sourceNames) {
    try {
      for (String failing : check(ctx, true, ctx.config.sources().stream()
          .filter(source -> sourceNames.contains(source.name())).toList())) {
        Console.error("check: " + failing);
      }
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(CheckCommand.class).warn("check of {} after ingest failed", sourceNames, e);
    }
  }

  private static List<String> check(RunContext ctx, boolean verbose, List<SourceConfig> sources) {
    long start = System.nanoTime();
    SparkSession spark = ctx.spark();
    Map<String, String> previous = new LinkedHashMap<>();
    PREFLIGHT_SQL_CONF.forEach((k, v) -> {
      previous.put(k, spark.conf().getOption(k).getOrElse(() -> null));
      spark.conf().set(k, v);
    });
    Preflight.SourceCheck[] checks = new Preflight.SourceCheck[sources.size()];
    try {
      Preflight preflight = new Preflight(spark, ctx.config, ctx.pseudonymizer());
      List<SideBySide.Work> work = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        int index = i;
        work.add(SideBySide.Work.of(sources.get(i).name(), () -> checks[index] = preflight.check(sources.get(index))));
      }
      SideBySide.run(work, ctx.concurrentWork, "luister-check");
    } finally {
      previous.forEach((k, v) -> {
        if (v == null) {
          spark.conf().unset(k);
        } else {
          spark.conf().set(k, v);
        }
      });
    }
    List<String> failing = new ArrayList<>();
    List<String> unbranded = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Preflight.SourceCheck c = checks[i];
      if (c.fails()) {
        failing.add(c.source() + (c.refusal() != null ? " (refused: " + c.refusal() + ")"
            : String.format(" (%.1f %% of the sample quarantined, limit %.1f %%)", 100 * c.share(), 100 * c.limit())));
      }
      if (c.brandCoverageLow()) {
        unbranded.add(String.format("%s (%.1f %%)", c.source(), 100 * c.attribution().unbrandedShare()));
      }
      if (verbose || c.fails() || c.brandCoverageLow()) {
        print(sources.get(i), c, ctx.config.brand().name());
      }
    }
    if (!unbranded.isEmpty()) {
      Console.error(String.format("WARNING check: more than %.0f %% of the sample's items have no brand in %s: share of voice and"
          + " the brand comparisons would leave them out; configure sources[].brand (docs/CONFIG.md#brand-attribution)",
          100 * FeedbackUnion.MAX_SHARE_WITHOUT_BRAND, String.join(", ", unbranded)));
    }
    Console.info(String.format("check: %d source(s) in %.1f s", sources.size(), (System.nanoTime() - start) / 1e9));
    return failing;
  }

  private static void print(SourceConfig source, Preflight.SourceCheck c, String ours) {
    Console.out("");
    Console.out("source " + c.source() + " (" + source.type().configName() + ", " + source.format().configName() + ", "
        + c.files() + " file(s) at " + source.path() + ")");
    if (c.refusal() != null) {
      Console.out("  REFUSED: " + c.refusal());
      return;
    }
    Console.out("  columns found: " + c.columns());
    Console.out("  mapped:        " + source.mapping());
    Console.out(String.format("  sample: %,d record(s) read, %,d would be quarantined (%.1f %%; limit %.1f %%)%s",
        c.read(), c.quarantined(), 100 * c.share(), 100 * c.limit(), c.share() > c.limit() ? "  -> WOULD BE REFUSED" : ""));
    for (String r : c.topReasons()) {
      Console.out("    " + r);
    }
    printAttribution(c.attribution(), ours);
    for (String e : c.examples()) {
      Console.out("  e.g. " + Console.inert(e));
    }
    for (String a : c.advice()) {
      Console.out("  advice: " + a);
    }
  }

  /** At most this many brands are named per source; the rest are summed. */
  static final int BRANDS_SHOWN = 8;

  /** The brand attribution shares and the language mix of the sample, as unify would make them. */
  static void printAttribution(Preflight.Attribution a, String ours) {
    if (a == null || a.items() == 0) {
      Console.out("  brands, languages: no customer items accepted in the sample");
      return;
    }
    if (!a.brandFromData()) {
      Console.out(String.format("  brand: %s for all %,d items by design (the program's own contact centre, survey or web"
          + " statistics; no brand rules or brand column), so coverage is not checked", ours, a.items()));
    } else {
      Console.out(String.format("  brands (as unify attributes them, %,d customer items): %s", a.items(),
          shares(a.brands(), a.items(), "no brand")));
      double without = a.unbrandedShare();
      Console.out(without > FeedbackUnion.MAX_SHARE_WITHOUT_BRAND
          ? String.format("  WARNING brand coverage %.1f %%: %.1f %% of the items have no brand (limit %.0f %%); set"
              + " sources[].brand (a constant, a file-name or column pattern, a value map or text aliases)",
              100 * (1 - without), 100 * without, 100 * FeedbackUnion.MAX_SHARE_WITHOUT_BRAND)
          : String.format("  brand coverage %.1f %% (limit: at most %.0f %% without a brand)", 100 * (1 - without),
              100 * FeedbackUnion.MAX_SHARE_WITHOUT_BRAND));
    }
    Console.out(a.freeTextItems() == 0
        ? "  languages: none detected (the sample's customer items have no free text: scores only, or page paths)"
        : String.format("  languages (of the first %,d customers' free texts, as unify detects them): %s", a.freeTextItems(),
            shares(a.languages(), a.freeTextItems(), "none")));
  }

  /** "A 61.2 %, B 30.0 %, no brand 8.8 %", the largest first, at most BRANDS_SHOWN named. */
  static String shares(Map<String, Long> counts, long total, String nullName) {
    List<String> parts = new ArrayList<>();
    long rest = 0;
    int restCount = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (parts.size() < BRANDS_SHOWN || e.getKey() == null) {
        parts.add(String.format("%s %.1f %%", e.getKey() == null ? nullName : e.getKey(), 100.0 * e.getValue() / total));
      } else {
        rest += e.getValue();
        restCount++;
      }
    }
    if (restCount > 0) {
      parts.add(String.format("%,d other(s) %.1f %%", restCount, 100.0 * rest / total));
    }
    return String.join(", ", parts);
  }
}
