package io.luister.jobs.samples;

import static org.apache.spark.sql.functions.col;

import io.luister.jobs.silences.SilenceFindings;
import io.luister.jobs.silences.SilenceGroups;
import io.luister.jobs.silences.SilenceStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.luister.common.spark.LuisterSpark;
import io.luister.jobs.cli.Luister;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;


/**
 * Runs the silences stage's detection ({@link SilenceStage#detect}, everything but the writing) on random worlds
 * ({@link SilenceWorld}) and scores it against their truth: recall of planted silences, precision of reported
 * findings (a finding is right when its subject is a planted silence: its grouped evidence belongs to it),
 * controls flagged, whether the headline (rank 1) is planted, and whether new/persisting is right.
 *
 * <p>Usage: {@code bin/lib/silence-worlds.sh [first_seed] [count] [scale]}. Even seeds are the tuning half (any
 * threshold is chosen on them), odd seeds the reporting half; the totals are printed for each.
 */
public final class SilenceWorldEvaluation {
  /** The score of one world. */
  public record Score(SilenceWorld.Drawn world, Set<String> found, int plantedFound, int falseFindings,
      boolean headlinePlanted, int noveltyRight, int noveltyChecked, String headline, long items, List<String> falseDetail) {

    public int planted() {
      return world.plantedKeys().size();
    }

    public String line() {
      SilenceWorld.Drawn w = world;
      return String.format(Locale.ROOT, "| %d | %s | %s | %d | %s | %d | %,d | %s | %d/%d | %d | %s | %s |",
          w.seed(), w.seed() % 2 == 0 ? "tune" : "report", w.industry(), w.brands().size() - 1,
          String.join("+", w.channels().stream().map(c -> c.replace("contact_centre", "contact").replace("faq_views", "faq")
              .replace("site_search", "search")).toList()), w.baseline().size(), items,
          w.plants().isEmpty() ? "nothing" : String.join(", ", w.plants().stream()
              .map(p -> p.kind() + (p.persisting() ? "*" : "") + "@" + p.channel()).toList()),
          plantedFound, planted(), falseFindings, planted() == 0 && found.isEmpty() ? "none (right)" : headlinePlanted ? "planted" : "NOT planted: " + headline,
          noveltyChecked == 0 ? "-" : noveltyRight + "/" + noveltyChecked);
    }
  }

  private SilenceWorldEvaluation() {}

  /** A reported silence: its subject key ("category:x", "expectation:x"), new or persisting, and a line on it. */
  record Found(String key, String novelty, String detail) {}

  public static Score score(SilenceWorld.Drawn world, SilenceStage.Result result) {
    List<Found> silences = result.groups().stream().filter(g -> g.status().equals(SilenceFindings.SILENCE))
        .map(g -> new Found(g.subjectType() + ":" + g.subject(), g.novelty(), String.format(Locale.ROOT,
            "%s %s@%s ratio %.2f %s", g.subject(), g.lead().test().detector(), g.lead().test().channel(),
            g.lead().test().ratio(), g.novelty())))
        .toList();
    return score(world, silences, p -> {
      String subject = p.subjectKey().substring(p.subjectKey().indexOf(':') + 1);
      return result.groups().stream().filter(g -> (g.subjectType() + ":" + g.subject()).equals(p.subjectKey()))
          .findFirst().map(g -> g.status() + " " + g.lead().test().detector() + "@" + g.lead().test().channel())
          .orElse(result.coverage().stream().filter(c -> c.category().equals(subject) && c.channel().equals(p.channel()))
              .findFirst().map(c -> "structural: " + c.reason())
              .orElse("no test found anything (not significant, or the gap above the ratio threshold)"));
    }, world.items());
  }

  /**
   * Scores the silences a run reported, in rank order, against the world's truth.
   *
   * @param whyMissed what the run said of a planted silence it did not report
   */
  static Score score(SilenceWorld.Drawn world, List<Found> silences, Function<SilenceWorld.Plant, String> whyMissed,
      long items) {
    Set<String> found = new LinkedHashSet<>();
    silences.forEach(f -> found.add(f.key()));
    Set<String> planted = world.plantedKeys();
    int hit = (int) planted.stream().filter(found::contains).count();
    int wrong = (int) found.stream().filter(k -> !planted.contains(k)).count();
    String headline = silences.isEmpty() ? "none" : found.iterator().next();
    boolean headlinePlanted = planted.isEmpty() ? silences.isEmpty() : planted.contains(headline);
    int noveltyRight = 0;
    int noveltyChecked = 0;
    for (SilenceWorld.Plant p : world.plants()) {
      for (Found f : silences) {
        if (f.key().equals(p.subjectKey())) {
          noveltyChecked++;
          if (f.novelty().equals(p.persisting() ? SilenceGroups.PERSISTING : SilenceGroups.NEW)) {
            noveltyRight++;
          }
        }
      }
    }
    List<String> detail = new ArrayList<>(silences.stream().filter(f -> !planted.contains(f.key())).map(Found::detail)
        .toList());
    for (SilenceWorld.Plant p : world.plants()) {
      if (!found.contains(p.subjectKey())) {
        String subject = p.subjectKey().substring(p.subjectKey().indexOf(':') + 1);
        detail.add("MISSED " + p.kind() + " " + subject + "@" + p.channel() + " (planted at "
            + String.format(Locale.ROOT, "%.2f", p.factor()) + " of normal): " + whyMissed.apply(p));
      }
    }
    return new Score(world, found, hit, wrong, headlinePlanted, noveltyRight, noveltyChecked, headline, items, detail);
  }

  public static Score run(SparkSession spark, long seed, SilenceWorld.Kind kind, double scale, Path dir) {
    return run(spark, seed, kind, scale, dir, null);
  }

  public static Score run(SparkSession spark, long seed, SilenceWorld.Kind kind, double scale, Path dir,
      Double channelGapMaxRatio) {
    SilenceWorld.Drawn world = SilenceWorld.draw(seed, kind, scale, dir, channelGapMaxRatio);
    SilenceStage.Result result = SilenceStage.detect(spark.createDataFrame(world.rows(), SilenceWorld.SCHEMA),
        world.program(), world.taxonomy(), world.period(), world.baseline());
    return score(world, result);
  }

  /** The variable (or system property) that holds the pseudonym key of the worlds' programs. */
  static final String KEY_ENV = "LUISTER_WORLD_PSEUDONYM_KEY";

  /**
   * One world through the pipeline, as a company's data would go: its exports ({@link SilenceWorldExports}) are
   * ingested, unified and tested by the silences stage through the command line, and the run is scored on what it
   * wrote to gold.silence_findings, the table a reader sees.
   *
   * @param dir an empty folder for the world's exports and warehouse
   */
  public static Score runPipeline(SparkSession spark, long seed, SilenceWorld.Kind kind, double scale, Path dir) {
    SilenceWorld.Drawn world = SilenceWorld.draw(seed, kind, scale, dir.resolve("world"));
    SilenceWorldExports.Written written = SilenceWorldExports.write(world, dir.resolve("exports"), KEY_ENV);
    if (System.getenv(KEY_ENV) == null && System.getProperty(KEY_ENV) == null) {
      System.setProperty(KEY_ENV, "%064x".formatted(new java.math.BigInteger(1, new java.security.SecureRandom()
          .generateSeed(32))));
    }
    String warehouse = dir.resolve("warehouse").toString();
    List<List<String>> stages = List.of(List.of("ingest"), List.of("unify"), List.of("silences", "--period", written.period()));
    for (List<String> stage : stages) {
      List<String> args = new ArrayList<>(stage);
      args.addAll(List.of("--config", written.config().toString(), "--warehouse", warehouse));
      int code = Luister.execute(args.toArray(String[]::new));
      if (code != 0) {
        throw new IllegalStateException("world " + seed + ": `luister " + String.join(" ", args) + "` exited with " + code);
      }
    }
    Dataset<Row> findings = spark.read().format("delta").load(warehouse + "/gold/silence_findings")
        .filter(col("period").equalTo(written.period()));
    // A handful of rows: the period's findings.
    List<Row> rows = findings.orderBy("rank").select("subject_type", "subject", "novelty", "status", "detectors", "channels")
        .collectAsList();
    List<Found> silences = rows.stream().filter(r -> SilenceFindings.SILENCE.equals(r.getString(3)))
        .map(r -> new Found(r.getString(0) + ":" + r.getString(1), r.getString(2),
            r.getString(1) + " " + r.getString(4) + "@" + r.getString(5) + " " + r.getString(2)))
        .toList();
    return score(world, silences, p -> rows.stream().filter(r -> (r.getString(0) + ":" + r.getString(1)).equals(p.subjectKey()))
        .findFirst().map(r -> r.getString(3) + " " + r.getString(4) + "@" + r.getString(5))
        .orElse("no finding (structural, not significant, or misassigned upstream)"), written.items());
  }

  /** The kind of a seed's world in the evaluation: one in ten has nothing planted, the rest a random mix. */
  public static SilenceWorld.Kind kindOf(long seed) {
    return seed % 10 == 3 ? SilenceWorld.Kind.NONE : SilenceWorld.Kind.MIXED;
  }

  public static void main(String[] arguments) throws Exception {
    // --pipeline: each world's exports through ingest, unify and silences (runPipeline) instead of its silver rows
    // straight into the detectors; both score the same worlds.
    boolean pipeline = List.of(arguments).contains("--pipeline");
    String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.equals("--pipeline")).toArray(String[]::new);
    long first = args.length > 0 ? Long.parseLong(args[0]) : 1000;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
    SparkSession spark = LuisterSpark.builder("silence-worlds", "local[2]", java.util.Map.of("spark.ui.enabled", "false",
        "spark.sql.shuffle.partitions", "2")).getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Path dir = Files.createTempDirectory("silence-worlds");
    String tuning = System.getenv("SILENCE_WORLDS_TUNE");
    if (tuning != null) {
      // Tuning: only the even seeds, once per candidate value of silences.channel_gap_max_ratio; totals only.
      for (String value : tuning.split(",")) {
        List<Score> scores = new ArrayList<>();
        for (long seed = first; seed < first + count; seed++) {
          if (seed % 2 == 0) {
            scores.add(run(spark, seed, kindOf(seed), scale, dir, Double.parseDouble(value)));
          }
        }
        total("tuning half, channel_gap_max_ratio " + value, scores);
      }
      spark.stop();
      return;
    }
    List<Score> scores = new ArrayList<>();
    System.out.println("| seed | half | industry | competitors | channels | baseline quarters | items | planted (* = in every period) "
        + "| found | controls flagged | headline | new/persisting right |" + (pipeline ? " language |" : ""));
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|" + (pipeline ? "---|" : ""));
    for (long seed = first; seed < first + count; seed++) {
      Score s = pipeline ? runPipeline(spark, seed, kindOf(seed), scale, dir.resolve("world-" + seed))
          : run(spark, seed, kindOf(seed), scale, dir);
      if (pipeline) {
        System.out.println(s.line() + " " + SilenceWorldExports.languageOf(seed).name().toLowerCase(java.util.Locale.ROOT) + " |");
      } else {
        System.out.println(s.line());
      }
      scores.add(s);
      if (System.getenv("SILENCE_WORLDS_DETAIL") != null) {
        s.falseDetail().forEach(d -> System.out.println("    " + (d.startsWith("MISSED") ? "" : "flagged control: ") + d));
      }
    }
    System.out.println();
    total("tuning half (even seeds)", scores.stream().filter(s -> s.world().seed() % 2 == 0).toList());
    total("reporting half (odd seeds)", scores.stream().filter(s -> s.world().seed() % 2 == 1).toList());
    total("all", scores);
    spark.stop();
  }

  static void total(String name, List<Score> scores) {
    int planted = scores.stream().mapToInt(Score::planted).sum();
    int hit = scores.stream().mapToInt(Score::plantedFound).sum();
    int found = scores.stream().mapToInt(s -> s.found().size()).sum();
    int wrong = scores.stream().mapToInt(Score::falseFindings).sum();
    long clean = scores.stream().filter(s -> s.falseFindings() == 0).count();
    long headline = scores.stream().filter(Score::headlinePlanted).count();
    int novelty = scores.stream().mapToInt(Score::noveltyRight).sum();
    int noveltyChecked = scores.stream().mapToInt(Score::noveltyChecked).sum();
    System.out.printf(Locale.ROOT, "%s: %d worlds; recall %d/%d = %.3f; precision %d/%d = %.3f; no control flagged in %d of %d; "
            + "headline planted (or rightly none) in %d of %d; new/persisting right %d/%d%n", name, scores.size(), hit, planted,
        planted == 0 ? 1.0 : (double) hit / planted, found - wrong, found, found == 0 ? 1.0 : (double) (found - wrong) / found,
        clean, scores.size(), headline, scores.size(), novelty, noveltyChecked);
  }
}
