package io.luister.jobs.sentiment;

import io.luister.common.config.BrandConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hand-labelled examples (intent/labelled.tsv) and the classifier's reading of them outside Spark, with the same
 * regular expressions and precedence as {@link IntentClassifier#classify} (IntentClassifierTest checks that both
 * agree on every example). Run {@link #main} to print precision and recall per intent on the dev and test halves.
 */
final class IntentLabels {
  /** The brands the examples are read with: the sample program's and five real suppliers customers name. */
  static final List<BrandConfig> BRANDS = List.of(
      new BrandConfig("Zonnewijs", List.of("Zonnewijs", "zonnewijs energie"), List.of("@Zonnewijs", "@ZonnewijsHelpt")),
      new BrandConfig("Stroomlijn", List.of("Stroomlijn"), List.of("@Stroomlijn_NL")),
      new BrandConfig("GreenGrid", List.of("GreenGrid", "Green Grid"), List.of("@GreenGridHelp")),
      new BrandConfig("KPN", List.of("KPN"), List.of()),
      new BrandConfig("Odido", List.of("Odido"), List.of()),
      new BrandConfig("Ziggo", List.of("Ziggo"), List.of()),
      new BrandConfig("Eneco", List.of("Eneco"), List.of()),
      new BrandConfig("Vattenfall", List.of("Vattenfall"), List.of()));

  record Example(int id, String intent, String language, String target, String text) {
    boolean dev() {
      return id % 2 == 1;
    }
  }

  static List<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    try (InputStream in = IntentLabels.class.getResourceAsStream("/intent/labelled.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
          continue;
        }
        String[] f = line.split("\t", 5);
        out.add(new Example(Integer.parseInt(f[0]), f[1], f[2], f[3].isEmpty() ? null : f[3], f[4]));
      }
    }
    return out;
  }

  /** The classifier outside Spark: {intent, target}. The item's brand is unknown here (no "jullie" target). */
  static final class Plain {
    final Map<String, Pattern> match = new LinkedHashMap<>();
    final Map<String, Pattern> not = new LinkedHashMap<>();
    final Map<String, Pattern> targets = new LinkedHashMap<>();
    final Map<String, Pattern> mentions = new LinkedHashMap<>();
    final Pattern selfTarget;

    Plain(IntentClassifier.Patterns patterns, List<BrandConfig> brands) {
      IntentClassifier.Compiled c = new IntentClassifier.Compiled(patterns, brands);
      for (String intent : IntentClassifier.PRECEDENCE) {
        String m = c.matchRegex(intent);
        String n = c.notRegex(intent);
        if (m != null) {
          match.put(intent, Pattern.compile(m));
        }
        if (n != null) {
          not.put(intent, Pattern.compile(n));
        }
      }
      brands.forEach(b -> targets.put(b.name(), Pattern.compile(c.targetRegex(b))));
      brands.forEach(b -> mentions.put(b.name(), Pattern.compile("(?U)" + c.namesOf(b))));
      selfTarget = Pattern.compile(c.selfTargetRegex());
    }

    String[] classify(String text) {
      String t = text.replaceAll("[’‘]", "'").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      for (String intent : IntentClassifier.PRECEDENCE) {
        if (match.containsKey(intent) && match.get(intent).matcher(t).find() && (!not.containsKey(intent)
            || match.get(intent).matcher(not.get(intent).matcher(t).replaceAll(" ")).find())) {
          String target = null;
          if (intent.equals(IntentClassifier.SWITCH_TO)) {
            for (Map.Entry<String, Pattern> e : targets.entrySet()) {
              if (e.getValue().matcher(t).find()) {
                target = e.getKey();
                break;
              }
            }
            if (target == null && selfTarget.matcher(t).find()) {
              int first = Integer.MAX_VALUE;
              for (Map.Entry<String, Pattern> m : mentions.entrySet()) {   // silver's brand of a post: first named
                java.util.regex.Matcher found = m.getValue().matcher(t);
                if (found.find() && found.start() < first) {
                  first = found.start();
                  target = m.getKey();
                }
              }
            }
          }
          return new String[] {intent, target};
        }
      }
      return new String[] {IntentClassifier.NONE, null};
    }
  }

  /** The item's brand as silver gives a social post without an export field: the first configured brand named. */

  /** Precision and recall per intent over the examples, as lines of a Markdown table; errors listed when asked. */
  static List<String> report(List<Example> examples, Plain plain, boolean listErrors) {
    List<String> out = new ArrayList<>();
    Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn
    IntentClassifier.INTENTS.forEach(i -> counts.put(i, new int[3]));
    int targetsRight = 0;
    int targetsAsked = 0;
    for (Example e : examples) {
      String[] got = plain.classify(e.text());
      if (got[0].equals(e.intent())) {
        counts.get(e.intent())[0]++;
      } else {
        counts.get(got[0])[1]++;
        counts.get(e.intent())[2]++;
        if (listErrors) {
          out.add("  ERR #" + e.id() + " want " + e.intent() + " got " + got[0] + ": " + e.text());
        }
      }
      if (e.intent().equals(IntentClassifier.SWITCH_TO) && got[0].equals(IntentClassifier.SWITCH_TO)) {
        targetsAsked++;
        if (java.util.Objects.equals(e.target(), got[1])) {
          targetsRight++;
        } else if (listErrors) {
          out.add("  TARGET #" + e.id() + " want " + e.target() + " got " + got[1] + ": " + e.text());
        }
      }
    }
    out.add("| intent | examples | precision | recall |");
    out.add("|---|---|---|---|");
    counts.forEach((intent, c) -> out.add(String.format(Locale.ROOT, "| %s | %d | %s | %s |", intent, c[0] + c[2],
        c[0] + c[1] == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%d/%d)", c[0] / (double) (c[0] + c[1]), c[0], c[0] + c[1]),
        String.format(Locale.ROOT, "%.2f (%d/%d)", c[0] / (double) (c[0] + c[2]), c[0], c[0] + c[2]))));
    out.add(String.format(Locale.ROOT, "switch_to target right: %d of %d recognised switch_to", targetsRight, targetsAsked));
    return out;
  }

  static final java.nio.file.Path AIRLINE_TWEETS =
      java.nio.file.Path.of("..", "..", "shared", "realdata", "airline-tweets", "Tweets.csv");

  /** The airline brands as docs/examples/airline-tweets.yaml configures them. */
  static final List<BrandConfig> AIRLINES = List.of(
      new BrandConfig("United", List.of("United", "United Airlines", "@united"), List.of("@united")),
      new BrandConfig("American", List.of("American", "American Airlines"), List.of("@AmericanAir")),
      new BrandConfig("Delta", List.of("Delta"), List.of("@Delta", "@DeltaAssist")),
      new BrandConfig("Southwest", List.of("Southwest"), List.of("@SouthwestAir")),
      new BrandConfig("US Airways", List.of("US Airways"), List.of("@USAirways")),
      new BrandConfig("Virgin America", List.of("Virgin America"), List.of("@VirginAmerica")));

  /**
   * One labelled sample (1 or 2) of the airline tweets (intent/airline-tweets-labels.tsv: ids and labels only), with
   * the texts read from the corpus; {@code stratum} random, keyword or null for both. Empty when the corpus is absent.
   */
  static List<Example> airlineTweets(int sample, String stratum) throws IOException {
    if (!java.nio.file.Files.exists(AIRLINE_TWEETS)) {
      return List.of();
    }
    Map<String, String> texts = new java.util.HashMap<>();
    com.univocity.parsers.csv.CsvParserSettings settings = new com.univocity.parsers.csv.CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setMaxCharsPerColumn(100_000);
    com.univocity.parsers.csv.CsvParser parser = new com.univocity.parsers.csv.CsvParser(settings);
    for (com.univocity.parsers.common.record.Record r : parser.parseAllRecords(AIRLINE_TWEETS.toFile(), "UTF-8")) {
      texts.putIfAbsent(r.getString("tweet_id"), r.getString("text"));
    }
    List<Example> out = new ArrayList<>();
    try (InputStream in = IntentLabels.class.getResourceAsStream("/intent/airline-tweets-labels.tsv")) {
      int n = 0;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("tweet_id\t")) {
          continue;
        }
        String[] f = line.split("\t");
        if (Integer.parseInt(f[1]) == sample && (stratum == null || stratum.equals(f[2]))) {
          out.add(new Example(++n * 2, f[3], "en", null, texts.get(f[0])));
        }
      }
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("airline")) {
      Plain plain = new Plain(IntentClassifier.Patterns.shipped(), AIRLINES);
      int sample = Integer.parseInt(args[1]);
      for (String stratum : new String[] {"random", "keyword", null}) {
        List<Example> part = airlineTweets(sample, stratum);
        System.out.println("AIRLINE sample " + sample + " " + (stratum == null ? "all" : stratum) + " (" + part.size()
            + " tweets)");
        report(part, plain, args.length > 2).forEach(System.out::println);
      }
      return;
    }
    Plain plain = new Plain(IntentClassifier.Patterns.shipped(), BRANDS);
    List<Example> all = examples();
    boolean test = args.length > 0 && args[0].equals("test");
    List<Example> part = all.stream().filter(e -> e.dev() != test).toList();
    System.out.println((test ? "TEST" : "DEV") + " (" + part.size() + " examples)");
    report(part, plain, !test).forEach(System.out::println);
  }
}
