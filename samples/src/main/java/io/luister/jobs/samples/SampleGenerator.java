package io.luister.jobs.samples;

import io.luister.common.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deterministic generator of the Luister sample data: exports of the fictional Dutch energy supplier
 * Zonnewijs and two competitors over five quarters (2025-Q3 .. 2026-Q3), with planted signals and a ground
 * truth. The same (items, seed) always gives byte-identical files. Memory does not grow with the number of
 * items: every source is streamed day by day. See docs/SAMPLES.md.
 *
 * <pre>java -cp ... io.luister.jobs.samples.SampleGenerator --out data-samples --items 60000 --seed 20260923</pre>
 */
public final class SampleGenerator {
  public static final long DEFAULT_SEED = 20260923L;
  public static final long DEFAULT_ITEMS = 60_000L;
  /** Smallest supported request (below it the five quarters cannot hold the structure). */
  public static final long MIN_ITEMS = 1_000L;

  private SampleGenerator() {}

  /**
   * What one run wrote.
   *
   * @param recordsWritten data records in all files (valid items + bad records); the request is met within +-2 %
   * @param validItems rows of ground-truth/items.csv.gz
   * @param recordsBySource records per source: social, contact, survey, web_pageviews, web_search
   */
  public record Summary(Path outDir, long itemsRequested, long seed, long recordsWritten, long validItems,
                        long badRecords, Map<String, Long> recordsBySource, long bytesWritten, long millis) {}

  public static Summary generate(Path outDir, long items, long seed) throws IOException {
    if (items < MIN_ITEMS) {
      throw ConfigException.option("--items must be at least " + MIN_ITEMS + ", not " + items);
    }
    long start = System.nanoTime();
    Files.createDirectories(outDir);
    clean(outDir);

    WebGen.PagePlan pages = WebGen.planPages(items, seed);
    WebGen.TermPlan terms = WebGen.planTerms(items, seed);
    long rest = Math.max(0, items - Math.round(pages.expected) - Math.round(terms.expected));
    double sum = World.SH_SOCIAL + World.SH_CONTACT + World.SH_SURVEY;
    long contactRecords = Math.round(rest * World.SH_CONTACT / sum);
    long surveyRecords = Math.round(rest * World.SH_SURVEY / sum);
    long socialRecords = rest - contactRecords - surveyRecords;

    Map<String, Long> bySource = new LinkedHashMap<>();
    Truth truth = new Truth(outDir);
    SocialGen social;
    ContactGen contact;
    SurveyGen survey;
    WebGen web;
    try {
      social = new SocialGen(outDir, truth, seed, items, socialRecords);
      social.run();
      Customers customers = new Customers(seed, contactRecords, surveyRecords);
      contact = new ContactGen(outDir, truth, customers, seed, contactRecords);
      contact.run();
      survey = new SurveyGen(outDir, truth, customers, seed, surveyRecords);
      survey.run();
      web = new WebGen(outDir, truth, pages, terms, seed);
      web.run();
    } finally {
      truth.close();
    }
    TruthWriter.write(truth, seed, items, social, contact, survey, web, pages, terms);
    truth.deleteSpools();
    TaxonomyYaml.write(outDir);
    for (int s = 0; s < Truth.SOURCES.length; s++) bySource.put(Truth.SOURCES[s], 0L);
    for (Map.Entry<String, long[]> e : truth.fileRecords.entrySet()) {
      bySource.merge(truth.fileMeta.get(e.getKey())[0], e.getValue()[0], Long::sum);
    }
    long records = bySource.values().stream().mapToLong(Long::longValue).sum();
    return new Summary(outDir, items, seed, records, truth.validItems, truth.badCount, bySource, size(outDir),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Removes only files this generator writes (so a hand-written luister.yaml next to them survives). */
  private static void clean(Path outDir) throws IOException {
    deleteMatching(outDir.resolve("social"), "mentions-*.jsonl");
    deleteMatching(outDir.resolve("contact"), "contacten_*.csv");
    deleteMatching(outDir.resolve("survey"), "nps_responses.csv");
    deleteMatching(outDir.resolve("web"), "{pageviews_daily.csv,site_search_daily.csv}");
    deleteMatching(outDir.resolve("ground-truth"), "{items.csv.gz,truth.json,.*.spool}");
    Files.deleteIfExists(outDir.resolve("taxonomy.yaml"));
  }

  private static void deleteMatching(Path dir, String glob) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      for (Path p : ds) Files.delete(p);
    }
  }

  private static long size(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  public static void main(String[] args) throws IOException {
    Path out = Paths.get("data-samples");
    long items = DEFAULT_ITEMS;
    long seed = DEFAULT_SEED;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out": out = Paths.get(args[++i]); break;
        case "--items": items = Long.parseLong(args[++i].replace("_", "")); break;
        case "--seed": seed = Long.parseLong(args[++i]); break;
        case "-h":
        case "--help":
          System.out.println("usage: SampleGenerator [--out DIR] [--items N] [--seed S]  (defaults: data-samples, "
              + DEFAULT_ITEMS + ", " + DEFAULT_SEED + ")");
          return;
        default:
          System.err.println("unknown argument: " + args[i]);
          System.exit(2);
      }
    }
    Summary s = generate(out, items, seed);
    System.out.printf("wrote %,d records (%,d valid items, %,d bad) to %s in %,d ms, %,d bytes%n",
        s.recordsWritten(), s.validItems(), s.badRecords(), s.outDir(), s.millis(), s.bytesWritten());
    s.recordsBySource().forEach((k, v) -> System.out.printf("  %-14s %,d%n", k, v));
  }
}
