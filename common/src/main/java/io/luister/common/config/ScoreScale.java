package io.luister.common.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The range a survey score or review rating is given on. Named scales cover the usual cases; a custom
 * range is written as {@code {min: 1, max: 10}} in the config.
 */
public record ScoreScale(String name, double min, double max) {

  public static final ScoreScale NPS = new ScoreScale("nps", 0, 10);
  public static final ScoreScale CSAT = new ScoreScale("csat", 1, 5);
  public static final ScoreScale STARS = new ScoreScale("stars", 1, 5);

  public static Optional<ScoreScale> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "nps" -> Optional.of(NPS);
      case "csat" -> Optional.of(CSAT);
      case "stars" -> Optional.of(STARS);
      default -> Optional.empty();
    };
  }

  public String describe() {
    return name + " (" + format(min) + "–" + format(max) + ")";
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
