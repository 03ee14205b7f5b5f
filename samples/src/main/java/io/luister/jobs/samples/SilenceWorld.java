package io.luister.jobs.samples;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.time.Periods;
import io.luister.jobs.silences.DataHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A random world for evaluating the silence detectors, drawn from a seed: an industry's category set, a mix of
 * channels (web channels and the survey map only some categories natively, so they structurally lack the rest),
 * brands, volumes from thousands to hundreds of thousands per quarter, seasonality and quarter-to-quarter drift,
 * natural differences between channels and between brands, a baseline of 2 to 6 quarters, planted silences of
 * each kind, planted controls, and the truth.
 *
 * <p>The world is drawn at the level of silver.feedback, the only table the silences stage reads: one row per
 * week × channel × brand × category whose {@code weight} is the number of items (as web rows already are), so a
 * world of hundreds of thousands of items is a few thousand rows. Texts are not generated: every expectation is
 * identified by its category, so the language of the items plays no part here (the samples cover keywords).
 */
public final class SilenceWorld {
  /** What is planted. */
  public enum Kind { NONE, EXPECTED_ABSENT, BASELINE_DROP, CHANNEL_GAP, COMPETITOR_GAP, MIXED }

  public static final List<String> ALL_CHANNELS = List.of("social", "contact_centre", "survey", "faq_views", "site_search");

  /**
   * One planted silence.
   *
   * @param kind expected_absent, baseline_drop, channel_gap or competitor_gap
   * @param subjectKey the finding it must produce ("category:x" or "expectation:x")
   * @param channel where it was planted
   * @param factor the planted share as a fraction of the normal share (for expectations: of the expected share)
   * @param persisting true when planted in every period (a lasting gap), false when only in the analysis period
   */
  public record Plant(String kind, String subjectKey, String channel, double factor, boolean persisting) {}

  /** A drawn world: its configuration, its silver rows and its truth. */
  public record Drawn(long seed, Kind kind, String industry, List<String> channels, List<String> brands,
      String period, List<String> baseline, ProgramConfig program, Taxonomy taxonomy, List<Row> rows,
      List<Plant> plants, Set<String> controls) {

    public Set<String> plantedKeys() {
      Set<String> keys = new LinkedHashSet<>();
      plants.forEach(p -> keys.add(p.subjectKey()));
      return keys;
    }

    public long items() {
      return rows.stream().mapToLong(r -> r.getLong(7)).sum();
    }
  }

  public static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType).add("week", DataTypes.DateType).add("channel", DataTypes.StringType)
      .add("brand", DataTypes.StringType).add("category", DataTypes.StringType)
      .add("category_parent", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("weight", DataTypes.LongType).add("own_account", DataTypes.BooleanType);

  static final Map<String, List<String>> INDUSTRIES = new LinkedHashMap<>();

  static {
    INDUSTRIES.put("energy", List.of("billing", "payments", "meter_readings", "outage", "moving", "contract_prices",
        "solar", "green_energy", "app_login", "customer_service"));
    INDUSTRIES.put("telecom", List.of("billing", "network_coverage", "mobile_data", "roaming", "device_repair",
        "contract_change", "internet_outage", "tv_service", "app_login", "customer_service", "number_porting"));
    INDUSTRIES.put("bank", List.of("payments", "cards", "mortgage", "savings", "fraud", "app_login", "fees", "loans",
        "account_opening", "customer_service"));
    INDUSTRIES.put("retail", List.of("delivery", "returns", "refunds", "product_quality", "stock", "prices", "loyalty",
        "store_staff", "webshop", "customer_service"));
    INDUSTRIES.put("insurance", List.of("claims", "premiums", "policy_change", "car_insurance", "home_insurance",
        "health_cover", "cancellation", "documents", "customer_service"));
    INDUSTRIES.put("airline", List.of("booking", "delays", "baggage", "refunds", "check_in", "seats", "loyalty", "food",
        "customer_service", "app"));
  }

  static final List<String> BRAND_NAMES = List.of("Norda", "Velto", "Quarin", "Brisk", "Lumen", "Osmo", "Tavira", "Kestrel");

  private SilenceWorld() {}

  /**
   * @param scale multiplies every volume (1 for the evaluation; smaller for a fast unit test)
   * @param dir a folder for the world's program file
   */
  public static Drawn draw(long seed, Kind requested, double scale, Path dir) {
    return draw(seed, requested, scale, dir, null);
  }

  /** As above, with {@code silences.channel_gap_max_ratio} set (null: the default), for the tuning runs. */
  public static Drawn draw(long seed, Kind requested, double scale, Path dir, Double channelGapMaxRatio) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> industries = new ArrayList<>(INDUSTRIES.keySet());
    String industry = industries.get(r.nextInt(industries.size()));
    List<String> categories = new ArrayList<>(INDUSTRIES.get(industry));
    String launch = "launch_" + industry;

    // Channels: social most of the time (competitors are only seen there), 2 to 5 in all.
    List<String> channels = new ArrayList<>();
    boolean social = r.nextDouble() < 0.85 || requested == Kind.COMPETITOR_GAP;
    if (social) {
      channels.add("social");
    }
    List<String> rest = new ArrayList<>(ALL_CHANNELS.subList(1, ALL_CHANNELS.size()));
    shuffle(rest, r);
    int more = Math.max(2 - channels.size(), 1 + r.nextInt(4));
    channels.addAll(rest.subList(0, Math.min(more, rest.size())));
    channels.sort((a, b) -> ALL_CHANNELS.indexOf(a) - ALL_CHANNELS.indexOf(b));

    List<String> names = new ArrayList<>(BRAND_NAMES);
    shuffle(names, r);
    int competitors = social ? (requested == Kind.COMPETITOR_GAP ? 1 + r.nextInt(3) : r.nextInt(4)) : 0;
    List<String> brands = new ArrayList<>(names.subList(0, 1 + competitors));
    String ours = brands.get(0);

    int year = 2024 + r.nextInt(3);
    String period = year + "-Q" + (1 + r.nextInt(4));
    int baselineLength = 2 + r.nextInt(5);
    List<String> baseline = Periods.preceding(period, baselineLength);
    List<String> periods = new ArrayList<>(baseline);
    periods.add(period);

    // Volumes per quarter about us, log-uniform in a range per channel.
    Map<String, Double> volume = new LinkedHashMap<>();
    for (String c : channels) {
      double[] range = switch (c) {
        case "social" -> new double[] {1_500, 60_000};
        case "contact_centre" -> new double[] {2_000, 80_000};
        case "survey" -> new double[] {800, 10_000};
        case "faq_views" -> new double[] {20_000, 400_000};
        default -> new double[] {5_000, 100_000};
      };
      volume.put(c, scale * Math.exp(Math.log(range[0]) + r.nextDouble() * Math.log(range[1] / range[0])));
    }

    // The normal mix: gamma(2)-like weights, one or two small categories, natural differences per channel and brand.
    Map<String, Double> base = new LinkedHashMap<>();
    for (String k : categories) {
      base.put(k, -Math.log(r.nextDouble() + 1e-12) - Math.log(r.nextDouble() + 1e-12));
    }
    for (int i = 0; i < 1 + r.nextInt(2); i++) {
      String k = categories.get(r.nextInt(categories.size()));
      base.put(k, base.get(k) * 0.08);
    }
    double channelSpread = 0.15 + 0.2 * r.nextDouble();
    Map<String, Double> channelFactor = new LinkedHashMap<>();
    Map<String, Double> brandFactor = new LinkedHashMap<>();
    for (String c : channels) {
      for (String k : categories) {
        channelFactor.put(c + "|" + k, Math.exp(channelSpread * gaussian(r)));
      }
    }
    for (String b : brands) {
      for (String k : categories) {
        brandFactor.put(b + "|" + k, b.equals(ours) ? 1.0 : Math.exp(0.25 * gaussian(r)));
      }
    }
    // Seasonality per category (quarter of the year) and drift per period x channel x category (over-dispersion).
    Map<String, double[]> season = new LinkedHashMap<>();
    for (String k : categories) {
      season.put(k, new double[] {0.25 * r.nextDouble(), 2 * Math.PI * r.nextDouble()});
    }

    // Structural absence: web channels map only some categories (the rest never appear there); the survey has no
    // topic for some (they reach it only through free text, at a small share).
    Set<String> unmapped = new LinkedHashSet<>();
    for (String c : channels) {
      if (c.equals("faq_views") || c.equals("site_search") || c.equals("survey")) {
        for (String k : categories) {
          if (r.nextDouble() < (c.equals("survey") ? 0.2 : 0.3)) {
            unmapped.add(c + "|" + k);
          }
        }
      }
    }

    // Expectation: a product launched in the analysis period, expected in social or the contact centre.
    List<String> launchChannels = channels.stream().filter(c -> c.equals("social") || c.equals("contact_centre")).toList();
    String launchChannel = launchChannels.isEmpty() ? null : launchChannels.get(r.nextInt(launchChannels.size()));
    double launchMinShare = 0.02 + 0.04 * r.nextDouble();

    // Plants.
    List<Kind> kinds = new ArrayList<>();
    switch (requested) {
      case NONE -> { }
      case MIXED -> {
        int n = 1 + r.nextInt(3);
        List<Kind> all = new ArrayList<>(List.of(Kind.EXPECTED_ABSENT, Kind.BASELINE_DROP, Kind.CHANNEL_GAP, Kind.COMPETITOR_GAP));
        shuffle(all, r);
        kinds.addAll(all.subList(0, n));
      }
      default -> kinds.add(requested);
    }
    List<Plant> plants = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (Kind kind : kinds) {
      Plant p = plant(kind, r, channels, categories, base, channelFactor, unmapped, used, launch, launchChannel,
          competitors > 0, volume);
      if (p != null) {
        plants.add(p);
        used.add(p.subjectKey().substring(p.subjectKey().indexOf(':') + 1));
      }
    }
    Set<String> controls = new LinkedHashSet<>();
    for (String k : categories) {
      if (!used.contains(k)) {
        controls.add("category:" + k);
      }
    }
    if (launchChannel != null && !used.contains(launch)) {
      controls.add("expectation:" + launch);
    }

    // Rows: Poisson counts (normal approximation above 50) per week x channel x brand x category.
    List<Row> rows = new ArrayList<>();
    List<String> all = new ArrayList<>(categories);
    all.add(launch);
    for (String p : periods) {
      int quarter = Integer.parseInt(p.substring(6));
      boolean current = p.equals(period);
      List<LocalDate> weeks = DataHealth.fullWeeks(p);
      for (String c : channels) {
        Map<String, Double> drift = new LinkedHashMap<>();
        for (String k : all) {
          drift.put(k, Math.exp(0.08 * gaussian(r)));
        }
        for (String b : c.equals("social") ? brands : List.of(ours)) {
          double brandVolume = b.equals(ours) ? volume.get(c) : volume.get(c) * (0.3 + 1.2 * r.nextDouble());
          Map<String, Double> mix = new LinkedHashMap<>();
          for (String k : categories) {
            double[] s = season.get(k);
            double share = base.get(k) * channelFactor.get(c + "|" + k) * brandFactor.get(b + "|" + k)
                * (1 + s[0] * Math.sin(2 * Math.PI * quarter / 4.0 + s[1])) * drift.get(k);
            if (unmapped.contains(c + "|" + k)) {
              share *= c.equals("survey") ? 0.05 : 0;
            }
            mix.put(k, share);
          }
          double sum = mix.values().stream().mapToDouble(Double::doubleValue).sum();
          mix.replaceAll((k, v) -> v / sum);
          // The launch: absent before the analysis period; in it at twice the expected share unless planted.
          mix.put(launch, current && launchChannel != null && !unmapped.contains(c + "|" + launch)
              && !c.startsWith("faq") && !c.startsWith("site") ? launchMinShare * (1.6 + 0.8 * r.nextDouble()) : 0.0);
          for (Plant pl : plants) {
            String k = pl.subjectKey().substring(pl.subjectKey().indexOf(':') + 1);
            boolean applies = (current || pl.persisting()) && c.equals(pl.channel())
                && (b.equals(ours));
            if (applies) {
              mix.put(k, mix.get(k) * pl.factor());
            }
          }
          for (String k : all) {
            double perWeek = brandVolume * mix.get(k) / weeks.size();
            for (LocalDate w : weeks) {
              long n = poisson(perWeek * Math.exp(0.1 * gaussian(r)), r);
              if (n > 0) {
                rows.add(RowFactory.create(p, Date.valueOf(w), c, b, k, null, null, n, false));
              }
            }
          }
        }
      }
    }

    ProgramConfig program = program(dir, seed, ours, brands.subList(1, brands.size()), baselineLength, launch,
        launchChannel, launchMinShare, period, channels, channelGapMaxRatio);
    List<Category> taxonomy = new ArrayList<>();
    for (String k : all) {
      Map<String, List<String>> mappings = new LinkedHashMap<>();
      mappings.put("contact", List.of(k.toUpperCase(Locale.ROOT)));
      if (!unmapped.contains("survey|" + k)) {
        mappings.put("survey", List.of(k));
      }
      if (!unmapped.contains("faq_views|" + k)) {
        mappings.put("web_pageviews", List.of("/" + k + "*"));
      }
      if (!unmapped.contains("site_search|" + k)) {
        mappings.put("web_search", List.of(k + "*"));
      }
      String label = Character.toUpperCase(k.charAt(0)) + k.substring(1).replace('_', ' ');
      taxonomy.add(new Category(k, Map.of("en", label, "nl", label + " (nl)"), "", null, mappings, Map.of(), Map.of()));
    }
    return new Drawn(seed, requested, industry, channels, brands, period, baseline, program, new Taxonomy(taxonomy),
        rows, plants, controls);
  }

  private static Plant plant(Kind kind, SplittableRandom r, List<String> channels, List<String> categories,
      Map<String, Double> base, Map<String, Double> channelFactor, Set<String> unmapped, Set<String> used,
      String launch, String launchChannel, boolean hasCompetitors, Map<String, Double> volume) {
    double total = base.values().stream().mapToDouble(Double::doubleValue).sum();
    switch (kind) {
      case EXPECTED_ABSENT -> {
        if (launchChannel == null) {
          return null;
        }
        // Factor relative to the launch's normal share (1.6-2.4 x the expected minimum): at most ~15 % of the minimum.
        return new Plant("expected_absent", "expectation:" + launch, launchChannel, 0.06 * r.nextDouble(), false);
      }
      case COMPETITOR_GAP -> {
        if (!hasCompetitors || !channels.contains("social")) {
          return null;
        }
        String k = pick(r, categories, used, c -> base.get(c) / total * channelFactor.get("social|" + c) >= 0.04);
        return k == null ? null : new Plant("competitor_gap", "category:" + k, "social", 0.05 + 0.25 * r.nextDouble(),
            r.nextBoolean());
      }
      case CHANNEL_GAP -> {
        if (channels.size() < 3) {
          return null;
        }
        String channel = channels.get(r.nextInt(channels.size()));
        String k = pick(r, categories, used, c -> !unmapped.contains(channel + "|" + c)
            && base.get(c) / total * channelFactor.get(channel + "|" + c) >= 0.04);
        if (k == null) {
          return null;
        }
        // A lasting gap, never quite zero: at least 3 items a quarter, so it is not mistaken for structural absence.
        double normal = base.get(k) / total * channelFactor.get(channel + "|" + k) * volume.get(channel);
        double factor = Math.max(0.03 + 0.12 * r.nextDouble(), 3 / normal);
        return factor > 0.2 ? null : new Plant("channel_gap", "category:" + k, channel, factor, true);
      }
      case BASELINE_DROP -> {
        String channel = channels.get(r.nextInt(channels.size()));
        String k = pick(r, categories, used, c -> !unmapped.contains(channel + "|" + c)
            && base.get(c) / total * channelFactor.get(channel + "|" + c) >= 0.04);
        return k == null ? null : new Plant("baseline_drop", "category:" + k, channel, 0.3 * r.nextDouble(), false);
      }
      default -> {
        return null;
      }
    }
  }

  private static String pick(SplittableRandom r, List<String> categories, Set<String> used,
      java.util.function.Predicate<String> ok) {
    List<String> candidates = categories.stream().filter(c -> !used.contains(c) && ok.test(c)).toList();
    return candidates.isEmpty() ? null : candidates.get(r.nextInt(candidates.size()));
  }

  private static ProgramConfig program(Path dir, long seed, String ours, List<String> competitors, int baseline,
      String launch, String launchChannel, double minShare, String period, List<String> channels,
      Double channelGapMaxRatio) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("x.csv"), "x\n");
      StringBuilder yaml = new StringBuilder();
      yaml.append("program: world_").append(seed).append('\n');
      yaml.append("brand: {name: ").append(ours).append("}\n");
      if (!competitors.isEmpty()) {
        yaml.append("competitors: [").append(String.join(", ", competitors.stream().map(c -> "{name: " + c + "}").toList()))
            .append("]\n");
      }
      yaml.append("baseline_periods: ").append(baseline).append('\n');
      if (channelGapMaxRatio != null) {
        // The evaluation's tuning runs try values on the tuning half (docs/SILENCES.md); otherwise the default.
        yaml.append("silences: {channel_gap_max_ratio: ").append(channelGapMaxRatio).append("}\n");
      }
      if (launchChannel != null) {
        yaml.append("expectations:\n  - {name: ").append(launch).append(", description: \"The ").append(launch.replace('_', ' '))
            .append(" launch\", category: ").append(launch).append(", channels: [").append(launchChannel)
            .append("], periods: [").append(period).append("], min_share: ")
            .append(String.format(Locale.ROOT, "%.4f", minShare)).append("}\n");
      }
      yaml.append("sources:\n");
      for (String c : channels) {
        yaml.append(switch (c) {
          case "social" -> "  - {name: social, type: social, path: x.csv, format: csv, mapping: {id: a, published_at: b, text: c}}\n";
          case "contact_centre" -> "  - {name: contact, type: contact, path: x.csv, format: csv, mapping: {id: a, started_at: b}}\n";
          case "survey" -> "  - {name: survey, type: survey, path: x.csv, format: csv, mapping: {id: a, responded_at: b}}\n";
          case "faq_views" -> "  - {name: pages, type: web_pageviews, path: x.csv, format: csv, mapping: {date: a, page: b, views: c}}\n";
          default -> "  - {name: search, type: web_search, path: x.csv, format: csv, mapping: {date: a, term: b, searches: c}}\n";
        });
      }
      Path file = dir.resolve("world-" + seed + ".yaml");
      Files.writeString(file, yaml.toString());
      return ConfigLoader.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(r.nextDouble() + 1e-300)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  static long poisson(double mean, SplittableRandom r) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
    }
    double limit = Math.exp(-mean);
    double product = r.nextDouble();
    long n = 0;
    while (product > limit) {
      product *= r.nextDouble();
      n++;
    }
    return n;
  }

  static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
