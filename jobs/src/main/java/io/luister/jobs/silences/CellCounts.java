package io.luister.jobs.silences;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The volumes the detectors compare: weighted counts per period × channel × brand × subject (a category, or
 * an expectation's match), aggregated in Spark and small enough to hold on the driver (their number grows
 * with categories and channels, never with items).
 */
public final class CellCounts {
  /** The subject key for an item count regardless of subject: the cell's total. */
  public static final String TOTAL = "*";

  private final Map<String, Double> counts = new HashMap<>();
  private final Set<String> subjects = new TreeSet<>();
  private final Set<String> channels = new TreeSet<>();
  private final Set<String> brands = new TreeSet<>();

  public record Cell(String period, String channel, String brand, String subject, double weight) {}

  public CellCounts(List<Cell> cells) {
    for (Cell c : cells) {
      add(c.period(), c.channel(), c.brand(), c.subject(), c.weight());
      if (!c.subject().startsWith(SilenceDetectors.EXPECTATION_PREFIX)) {
        add(c.period(), c.channel(), c.brand(), TOTAL, c.weight());
        subjects.add(c.subject());
      }
      channels.add(c.channel());
      brands.add(c.brand());
    }
  }

  private void add(String period, String channel, String brand, String subject, double weight) {
    counts.merge(key(period, channel, brand, subject), weight, Double::sum);
  }

  /** The weighted count; {@code brand == null} sums over brands. */
  public double get(String period, String channel, String brand, String subject) {
    if (brand == null) {
      return brands.stream().mapToDouble(b -> get(period, channel, b, subject)).sum();
    }
    return counts.getOrDefault(key(period, channel, brand, subject), 0.0);
  }

  public double total(String period, String channel, String brand) {
    return get(period, channel, brand, TOTAL);
  }

  public Set<String> subjects() {
    return subjects;
  }

  public Set<String> channels() {
    return channels;
  }

  private static String key(String period, String channel, String brand, String subject) {
    return Objects.requireNonNull(period) + "|" + channel + "|" + brand + "|" + subject;
  }
}
