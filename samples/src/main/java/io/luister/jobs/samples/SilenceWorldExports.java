package io.luister.jobs.samples;

import io.luister.common.taxonomy.Category;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;

/**
 * Writes a drawn {@link SilenceWorld} as the exports and configuration a company would hand over, so the world can
 * go through the whole pipeline (ingest → unify → silences) instead of straight into the detectors: social posts
 * that name their brand only in the text, contact records with agent codes and notes, survey answers with a topic
 * (or, for the categories the survey has no topic for, only a comment), and daily-style web statistics.
 *
 * <p>What the pipeline must get right on its own: parse the files, attribute each post to a brand from its text
 * (aliases), detect the language of short Dutch, English or mixed texts, and find each post's and comment's
 * category by the taxonomy's keyword rules in that language; the contact codes, survey topics, page paths and
 * search terms are mapped by the taxonomy's native mappings. Nothing in the exports names a category id.
 *
 * <p>The world's texts are in one language mode drawn from its seed (English, Dutch, or mixed item by item), from
 * a random stream of its own, so the world itself (its rows, plants and truth) is the one the detectors see
 * directly. Its dates are moved back {@value #YEARS_BACK} years (month and day kept, so every item stays in its
 * quarter; four, so a leap day stays a leap day and no two days fall on one): worlds are drawn up to 2026-Q4, and
 * ingest refuses dates after the run's date.
 */
public final class SilenceWorldExports {
  /** The language of a world's texts. */
  public enum Language { EN, NL, MIXED }

  /**
   * @param config the program file to run with
   * @param period the analysis period, moved back like the dates
   * @param items the items written (posts, contacts, answers, page views and searches)
   */
  public record Written(Path config, String period, Language language, long items) {}

  static final int YEARS_BACK = 4;

  /** Each category's keyword in English and Dutch: the text of the items and the taxonomy's rule. */
  static final Map<String, String[]> KEYWORDS = new LinkedHashMap<>();

  static {
    String[][] words = {
        {"billing", "invoice", "factuur"}, {"payments", "direct debit", "incasso"},
        {"meter_readings", "meter reading", "meterstand"}, {"outage", "power outage", "stroomstoring"},
        {"moving", "moving house", "verhuizing"}, {"contract_prices", "energy tariff", "energietarief"},
        {"solar", "solar panels", "zonnepanelen"}, {"green_energy", "green energy", "groene stroom"},
        {"app_login", "app login", "inloggen app"}, {"customer_service", "customer service", "klantenservice"},
        {"network_coverage", "network coverage", "netwerkdekking"}, {"mobile_data", "mobile data", "mobiele data"},
        {"roaming", "roaming charges", "roamingkosten"}, {"device_repair", "phone repair", "telefoonreparatie"},
        {"contract_change", "contract change", "contractwijziging"}, {"internet_outage", "internet down", "internetstoring"},
        {"tv_service", "tv channels", "tv zenders"}, {"number_porting", "number porting", "nummerbehoud"},
        {"cards", "debit card", "bankpas"}, {"mortgage", "mortgage", "hypotheek"},
        {"savings", "savings account", "spaarrekening"}, {"fraud", "fraud", "fraude"},
        {"fees", "account fees", "bankkosten"}, {"loans", "personal loan", "lening"},
        {"account_opening", "open an account", "rekening openen"}, {"delivery", "delivery", "bezorging"},
        {"returns", "return the item", "retourneren"}, {"refunds", "refund", "terugbetaling"},
        {"product_quality", "poor quality", "slechte kwaliteit"}, {"stock", "out of stock", "uitverkocht"},
        {"prices", "price increase", "prijsverhoging"}, {"loyalty", "loyalty points", "spaarpunten"},
        {"store_staff", "store staff", "winkelpersoneel"}, {"webshop", "webshop", "webwinkel"},
        {"claims", "insurance claim", "schadeclaim"}, {"premiums", "premium increase", "premieverhoging"},
        {"policy_change", "policy change", "polis wijzigen"}, {"car_insurance", "car insurance", "autoverzekering"},
        {"home_insurance", "home insurance", "inboedelverzekering"}, {"health_cover", "health cover", "zorgverzekering"},
        {"cancellation", "cancel my policy", "opzeggen"}, {"documents", "policy documents", "polisblad"},
        {"booking", "booking", "boeking"}, {"delays", "flight delay", "vertraging"},
        {"baggage", "lost baggage", "bagage kwijt"}, {"check_in", "online check in", "inchecken"},
        {"seats", "seat reservation", "stoelreservering"}, {"food", "onboard meal", "maaltijd aan boord"},
        {"app", "mobile app", "mobiele app"}};
    for (String[] w : words) {
      KEYWORDS.put(w[0], new String[] {w[1], w[2]});
    }
  }

  /** The launched product of every industry has one made-up name in both languages. */
  static final String LAUNCH_KEYWORD = "novaflex";

  private static final String[] EN_POSTS = {
      "%s at %s is a mess again, nobody can help me", "Anyone else having trouble with the %s from %s?",
      "Question for %s about my %s, who can I ask?", "The %s took ages, still waiting on %s",
      "Really happy with how %s handled the %s today"};
  private static final String[] NL_POSTS = {
      "%s bij %s is weer een puinhoop, niemand helpt me", "Heeft iemand anders ook problemen met de %s van %s?",
      "Vraag aan %s over mijn %s, wie kan ik bellen?", "De %s duurt lang, ik wacht nog steeds op %s",
      "Heel blij met hoe %s vandaag de %s heeft geregeld"};
  private static final String[] EN_NOTES = {"Customer called about the %s, explained the next steps",
      "Question about %s, sent an e-mail with the details", "Complaint about %s, escalated to the back office"};
  private static final String[] NL_NOTES = {"Klant belde over de %s, volgende stappen uitgelegd",
      "Vraag over %s, mail gestuurd met de details", "Klacht over %s, doorgezet naar de backoffice"};
  private static final String[] EN_COMMENTS = {"The %s could be better", "Fine, but the %s was confusing",
      "Good help with my %s"};
  private static final String[] NL_COMMENTS = {"De %s kan beter", "Prima, maar de %s was onduidelijk",
      "Goed geholpen met mijn %s"};

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private SilenceWorldExports() {}

  /** The language mode of a world's texts, from a random stream of its own (the world's draw is left alone). */
  public static Language languageOf(long seed) {
    return Language.values()[new SplittableRandom(seed * 7919 + 17).nextInt(Language.values().length)];
  }

  /**
   * Writes the exports, the taxonomy and the program file into {@code dir}.
   *
   * @param keyEnv the variable (or system property) that holds the pseudonym key
   */
  public static Written write(SilenceWorld.Drawn world, Path dir, String keyEnv) {
    Language language = languageOf(world.seed());
    SplittableRandom r = new SplittableRandom(world.seed() * 104729 + 3);
    try {
      Files.createDirectories(dir);
      Map<String, StringBuilder> files = new LinkedHashMap<>();
      files.put("social", new StringBuilder("id,published_at,text,author,platform\n"));
      files.put("contact_centre", new StringBuilder("id,started_at,code,notes,customer_id\n"));
      files.put("survey", new StringBuilder("id,responded_at,score,topic,comment,customer_id\n"));
      files.put("faq_views", new StringBuilder("date,page,views\n"));
      files.put("site_search", new StringBuilder("date,term,searches,results\n"));
      Map<String, Category> categories = new LinkedHashMap<>();
      world.taxonomy().categories().forEach(c -> categories.put(c.id(), c));
      long items = 0;
      long id = 0;
      for (Row row : world.rows()) {
        LocalDate week = row.getDate(1).toLocalDate();
        String channel = row.getString(2);
        String brand = row.getString(3);
        String category = row.getString(4);
        long n = row.getLong(7);
        items += n;
        StringBuilder out = files.get(channel);
        switch (channel) {
          // Web statistics are daily: the week's count spread over its days, as an analytics export has them.
          case "faq_views" -> {
            for (int d = 0; d < 7; d++) {
              long daily = n / 7 + (d < n % 7 ? 1 : 0);
              if (daily > 0) {
                out.append(Csv.row(',', date(week.plusDays(d)).toString(), "/" + category + "/faq", Long.toString(daily)))
                    .append('\n');
              }
            }
          }
          case "site_search" -> {
            String term = keyword(category, english(language, r)) + (r.nextBoolean() ? "" : r.nextBoolean() ? " hulp" : " help");
            for (int d = 0; d < 7; d++) {
              long daily = n / 7 + (d < n % 7 ? 1 : 0);
              if (daily > 0) {
                out.append(Csv.row(',', date(week.plusDays(d)).toString(), term, Long.toString(daily),
                    Integer.toString(r.nextInt(40)))).append('\n');
              }
            }
          }
          default -> {
            for (long i = 0; i < n; i++) {
              id++;
              String at = TIMESTAMP.format(moment(week, r));
              boolean en = english(language, r);
              String word = keyword(category, en);
              switch (channel) {
                case "social" -> out.append(Csv.row(',', "p" + id, at, post(en, word, brand, r),
                    "user" + r.nextInt(20_000), "twitter")).append('\n');
                case "contact_centre" -> out.append(Csv.row(',', "c" + id, at, category.toUpperCase(Locale.ROOT),
                    String.format(Locale.ROOT, pick(en ? EN_NOTES : NL_NOTES, r), word), "K" + r.nextInt(50_000)))
                    .append('\n');
                default -> {
                  boolean hasTopic = categories.get(category).nativeMappings().containsKey("survey");
                  out.append(Csv.row(',', "r" + id, at, Integer.toString(r.nextInt(11)), hasTopic ? category : "Other",
                      String.format(Locale.ROOT, pick(en ? EN_COMMENTS : NL_COMMENTS, r), word), "K" + r.nextInt(50_000)))
                      .append('\n');
                }
              }
            }
          }
        }
      }
      for (String channel : world.channels()) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(channel + ".csv"), StandardCharsets.UTF_8)) {
          w.append(files.get(channel));
        }
      }
      Files.writeString(dir.resolve("taxonomy.yaml"), taxonomy(world));
      Path config = dir.resolve("luister.yaml");
      String period = shift(world.period());
      Files.writeString(config, program(world, period, keyEnv));
      return new Written(config, period, language, items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String shift(String period) {
    return (Integer.parseInt(period.substring(0, 4)) - YEARS_BACK) + period.substring(4);
  }

  private static LocalDate date(LocalDate day) {
    return day.minusYears(YEARS_BACK);
  }

  /** A moment in the week (the rows' weeks are full weeks of their quarter, so every moment stays in it). */
  private static LocalDateTime moment(LocalDate week, SplittableRandom r) {
    return date(week.plusDays(r.nextInt(7))).atStartOfDay().plusSeconds(r.nextInt(86_400));
  }

  private static boolean english(Language language, SplittableRandom r) {
    return language == Language.EN || (language == Language.MIXED && r.nextBoolean());
  }

  static String keyword(String category, boolean english) {
    if (category.startsWith("launch_")) {
      return LAUNCH_KEYWORD;
    }
    String[] words = KEYWORDS.get(category);
    if (words == null) {
      throw new IllegalStateException("no keywords for the world category " + category);
    }
    return english ? words[0] : words[1];
  }

  private static String post(boolean english, String word, String brand, SplittableRandom r) {
    int t = r.nextInt(EN_POSTS.length);
    String template = (english ? EN_POSTS : NL_POSTS)[t];
    // Templates 0, 3 name the subject first; 1, 2, 4 the brand first or second as written.
    return switch (t) {
      case 0 -> String.format(Locale.ROOT, template, capitalise(word), brand);
      case 1, 3 -> String.format(Locale.ROOT, template, word, brand);
      default -> String.format(Locale.ROOT, template, brand, word);
    };
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String pick(String[] options, SplittableRandom r) {
    return options[r.nextInt(options.length)];
  }

  /** The world's categories with its native mappings, each with its keyword as the free-text rule per language. */
  static String taxonomy(SilenceWorld.Drawn world) {
    StringBuilder yaml = new StringBuilder("categories:\n");
    for (Category c : world.taxonomy().categories()) {
      String en = keyword(c.id(), true);
      String nl = keyword(c.id(), false);
      yaml.append("  - id: ").append(c.id()).append('\n');
      yaml.append("    label: {en: \"").append(c.label("en")).append("\", nl: \"").append(c.label("nl")).append("\"}\n");
      yaml.append("    native:\n");
      yaml.append("      contact: [\"").append(c.id().toUpperCase(Locale.ROOT)).append("\"]\n");
      if (c.nativeMappings().containsKey("survey")) {
        yaml.append("      survey: [\"").append(c.id()).append("\"]\n");
      }
      if (c.nativeMappings().containsKey("web_pageviews")) {
        yaml.append("      web_pageviews: [\"/").append(c.id()).append("/*\"]\n");
      }
      if (c.nativeMappings().containsKey("web_search")) {
        yaml.append("      web_search: [\"").append(en).append("*\", \"").append(nl).append("*\"]\n");
      }
      yaml.append("    rules:\n      include: {nl: [\"").append(nl).append("\"], en: [\"").append(en).append("\"]}\n");
    }
    return yaml.toString();
  }

  static String program(SilenceWorld.Drawn world, String period, String keyEnv) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("program: world_").append(world.seed()).append('\n');
    String ours = world.brands().get(0);
    yaml.append("brand: {name: ").append(ours).append(", aliases: [").append(ours).append("]}\n");
    List<String> competitors = world.brands().subList(1, world.brands().size());
    if (!competitors.isEmpty()) {
      yaml.append("competitors:\n");
      competitors.forEach(c -> yaml.append("  - {name: ").append(c).append(", aliases: [").append(c).append("]}\n"));
    }
    yaml.append("timezone: UTC\n");
    yaml.append("baseline_periods: ").append(world.baseline().size()).append('\n');
    yaml.append("taxonomy: taxonomy.yaml\n");
    yaml.append("pseudonymisation: {key_env: ").append(keyEnv).append("}\n");
    if (!world.program().expectations().isEmpty()) {
      yaml.append("expectations:\n");
    }
    world.program().expectations().forEach(e -> yaml.append("  - {name: ").append(e.name())
        .append(", description: \"").append(e.description()).append("\", category: ").append(e.category())
        .append(", channels: [").append(String.join(", ", e.channels())).append("], periods: [").append(period)
        .append("], min_share: ").append(String.format(Locale.ROOT, "%.4f", e.minShare())).append("}\n"));
    String timestamps = "options: {timestamp_formats: [\"yyyy-MM-dd HH:mm:ss\"], timezone: UTC}";
    List<String> sources = new ArrayList<>();
    for (String c : world.channels()) {
      sources.add(switch (c) {
        case "social" -> "  - {name: social, type: social, path: social.csv, format: csv, " + timestamps
            + ", mapping: {id: id, published_at: published_at, text: text, author: author, platform: platform}}";
        case "contact_centre" -> "  - {name: contact, type: contact, path: contact_centre.csv, format: csv, " + timestamps
            + ", mapping: {id: id, started_at: started_at, native_code: code, notes: notes, customer_id: customer_id}}";
        case "survey" -> "  - {name: survey, type: survey, path: survey.csv, format: csv, " + timestamps
            + ", mapping: {id: id, responded_at: responded_at, score: score, native_topic: topic, comment: comment, "
            + "customer_id: customer_id}}";
        case "faq_views" -> "  - {name: pages, type: web_pageviews, path: faq_views.csv, format: csv, "
            + "options: {date_formats: [\"yyyy-MM-dd\"]}, mapping: {date: date, page: page, views: views}}";
        default -> "  - {name: search, type: web_search, path: site_search.csv, format: csv, "
            + "options: {date_formats: [\"yyyy-MM-dd\"]}, mapping: {date: date, term: term, searches: searches, results: results}}";
      });
    }
    yaml.append("sources:\n").append(String.join("\n", sources)).append('\n');
    return yaml.toString();
  }
}
