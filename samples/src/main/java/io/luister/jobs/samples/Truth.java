package io.luister.jobs.samples;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Records the ground truth while the sources are written: the per-item truth (streamed to
 * items.csv.gz), long lists (PII, unanswered questions, bad records) spooled to temporary files, and small
 * aggregates in memory. Memory is independent of the number of items.
 */
final class Truth implements AutoCloseable {
  static final String[] SOURCES = {"social", "contact", "survey", "web_pageviews", "web_search"};
  static final int SOCIAL = 0, CONTACT = 1, SURVEY = 2, PAGEVIEWS = 3, SEARCH = 4;
  static final String ITEMS_HEADER = "source,item_id,period,brand,category,theme,sentiment,is_question,language";

  final Path dir;
  private final Writer items;
  private final Path piiSpool, unansweredSpool, badSpool;
  private final BufferedWriter pii, unanswered, bad;
  long piiCount, unansweredCount, badCount, validItems;
  final long[] badBySource = new long[5];
  final Map<String, Long> badByReason = new TreeMap<>();

  /** [source][brand][period][category] over valid items; for social only customer posts (no own replies). */
  final long[][][][] cat = new long[5][3][5][World.CATS.length];
  final long[][][][] theme = new long[5][3][5][World.THEMES.length];
  final long[][][][] sentiment = new long[5][3][5][3];
  final long[][] language = new long[5][3];
  /** Web: [0 pageviews, 1 search][period][category] summed counts and rows. */
  final long[][][] webVolume = new long[2][5][World.CATS.length];
  final long[][][] webRows = new long[2][5][World.CATS.length];
  final long[][] ownReplies = new long[3][5];
  final long[][] ownReplyDelayMinutesSum = new long[3][5];
  /** [brand][period][category]: customer questions and how many got an own-account reply. */
  final long[][][] questions = new long[3][5][World.CATS.length];
  final long[][][] answered = new long[3][5][World.CATS.length];
  /** Our social customer posts per ISO week: {total, outage}. */
  final TreeMap<String, long[]> oursWeekly = new TreeMap<>();
  final long[][] surveySilent = new long[5][2]; // [period]{empty comments, empty with score 0-6}
  final long[] surveyResponses = new long[5];
  final long[][] npsClass = new long[5][3]; // promoter, passive, detractor
  final long[][][] sentimentByNps = new long[3][3][1]; // [class][sentiment]
  final Map<String, long[]> fileRecords = new LinkedHashMap<>(); // path -> {records, bad}
  final Map<String, String[]> fileMeta = new LinkedHashMap<>();  // path -> {source, format, encoding}
  final Map<Long, AuthorStat> planted = new TreeMap<>();
  long dynamicPageViewsQ3;
  long dynamicSearchesQ3;

  static final class AuthorStat {
    final String group;
    final String handle;
    int posts, negative, positive, neutral, negativeOutsideSpike;
    final Set<String> weeks = new TreeSet<>();
    final Set<String> negativeWeeks = new TreeSet<>();
    final Set<String> quarters = new TreeSet<>();

    AuthorStat(String group, String handle) {
      this.group = group;
      this.handle = handle;
    }
  }

  Truth(Path outDir) throws IOException {
    this.dir = outDir.resolve("ground-truth");
    Files.createDirectories(dir);
    OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("items.csv.gz")), 1 << 16);
    this.items = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
    items.write(ITEMS_HEADER);
    items.write('\n');
    piiSpool = dir.resolve(".pii.spool");
    unansweredSpool = dir.resolve(".unanswered.spool");
    badSpool = dir.resolve(".bad.spool");
    pii = Files.newBufferedWriter(piiSpool, StandardCharsets.UTF_8);
    unanswered = Files.newBufferedWriter(unansweredSpool, StandardCharsets.UTF_8);
    bad = Files.newBufferedWriter(badSpool, StandardCharsets.UTF_8);
  }

  void file(String path, String source, String format, String encoding) {
    fileRecords.putIfAbsent(path, new long[2]);
    fileMeta.putIfAbsent(path, new String[] {source, format, encoding});
  }

  void countRecord(String path) {
    fileRecords.get(path)[0]++;
  }

  /** One valid item. theme/sentiment &lt; 0 = none; lang null = empty. */
  void item(int source, String id, int period, int brand, int category, int themeIdx, int sent, boolean question,
            String lang) throws IOException {
    StringBuilder sb = new StringBuilder(96);
    sb.append(SOURCES[source]).append(',');
    Csv.field(sb, id, ',');
    sb.append(',').append(Cal.PERIODS[period]).append(',').append(World.BRANDS[brand]).append(',')
        .append(World.CATS[category]).append(',');
    if (themeIdx >= 0) sb.append(World.THEMES[themeIdx]);
    sb.append(',');
    if (sent >= 0) sb.append(TextBank.SENTIMENTS[sent]);
    sb.append(',').append(question).append(',');
    if (lang != null) sb.append(lang);
    sb.append('\n');
    items.write(sb.toString());
    validItems++;
    if (source <= SURVEY && themeIdx != World.T_REPLY) {
      cat[source][brand][period][category]++;
      if (themeIdx >= 0) theme[source][brand][period][themeIdx]++;
      if (sent >= 0) sentiment[source][brand][period][sent]++;
      if (lang != null) language[source][langIndex(lang)]++;
    }
  }

  private static int langIndex(String lang) {
    return lang.equals("nl") ? 0 : lang.equals("en") ? 1 : 2;
  }

  void web(int source, int period, int category, long volume) {
    int w = source == PAGEVIEWS ? 0 : 1;
    webVolume[w][period][category] += volume;
    webRows[w][period][category]++;
  }

  void pii(String value, String type, int source, String file, String itemId) throws IOException {
    pii.write(value + "\t" + type + "\t" + SOURCES[source] + "\t" + file + "\t" + itemId + "\n");
    piiCount++;
  }

  void unanswered(int brand, int period, int category, String id, String platform) throws IOException {
    unanswered.write(World.BRANDS[brand] + "\t" + Cal.PERIODS[period] + "\t" + World.CATS[category] + "\t" + id
        + "\t" + platform + "\n");
    unansweredCount++;
  }

  void bad(int source, String file, long record, String itemId, String reason, String detail) throws IOException {
    bad.write(file + "\t" + record + "\t" + (itemId == null ? "" : itemId) + "\t" + reason + "\t"
        + detail.replace('\t', ' ').replace('\n', ' ') + "\t" + SOURCES[source] + "\n");
    badCount++;
    badBySource[source]++;
    badByReason.merge(reason, 1L, Long::sum);
    fileRecords.get(file)[1]++;
  }

  @Override
  public void close() throws IOException {
    items.close();
    pii.close();
    unanswered.close();
    bad.close();
  }

  void deleteSpools() throws IOException {
    Files.deleteIfExists(piiSpool);
    Files.deleteIfExists(unansweredSpool);
    Files.deleteIfExists(badSpool);
  }

  // ------------------------------------------------------------------ reading spools back

  interface LineSink {
    void accept(String[] fields) throws IOException;
  }

  void readPii(LineSink sink) throws IOException {
    read(piiSpool, sink);
  }

  void readUnanswered(LineSink sink) throws IOException {
    read(unansweredSpool, sink);
  }

  void readBad(LineSink sink) throws IOException {
    read(badSpool, sink);
  }

  private static void read(Path p, LineSink sink) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) sink.accept(line.split("\t", -1));
    }
  }

  // ------------------------------------------------------------------ helpers for signal numbers

  long total(int source, int brand, int period) {
    long t = 0;
    for (long c : cat[source][brand][period]) t += c;
    return t;
  }

  double share(int source, int brand, int period, int category) {
    long t = total(source, brand, period);
    return t == 0 ? 0 : cat[source][brand][period][category] / (double) t;
  }

  double themeShare(int source, int brand, int period, int th) {
    long t = total(source, brand, period);
    return t == 0 ? 0 : theme[source][brand][period][th] / (double) t;
  }

  double webShare(int w, int period, int category) {
    long t = 0;
    for (long v : webVolume[w][period]) t += v;
    return t == 0 ? 0 : webVolume[w][period][category] / (double) t;
  }
}
