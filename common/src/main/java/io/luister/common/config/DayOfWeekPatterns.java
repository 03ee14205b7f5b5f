package io.luister.common.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datetime patterns that begin or end with the day of the week, as many real exports write their dates: Twitter's
 * API ({@code Tue Oct 31 22:10:47 +0000 2017}, {@code EEE MMM dd HH:mm:ss Z yyyy}) and e-mail headers (RFC 5322,
 * {@code Tue, 31 Oct 2017 22:10:47 +0000}, {@code EEE, dd MMM yyyy HH:mm:ss Z}). Spark's parser refuses the letter
 * {@code E} ("can only be used for datetime formatting"), and the day of the week says nothing the date does not, so
 * the day is taken off both the pattern and the value before parsing: the pattern loses its {@code E} run with the
 * separator that follows (or precedes) it, the value its first (or last) word with that separator. A day of the
 * week inside a pattern stays refused, with a message that says so.
 */
public final class DayOfWeekPatterns {
  /** Where the day of the week stands, and the pattern without it. */
  public record Split(String pattern, boolean atStart) {
    /** A regular expression for the value's day word and its separator, to replace by nothing. */
    public String valueDayRegex() {
      return atStart ? "^\\s*\\p{L}+\\.?\\s*,?\\s*" : "\\s*,?\\s*\\p{L}+\\.?\\s*$";
    }
  }

  private static final Pattern LEADING = Pattern.compile("^E+\\.?\\s*,?\\s*");
  private static final Pattern TRAILING = Pattern.compile("\\s*,?\\s*E+\\.?$");

  private DayOfWeekPatterns() {}

  /** The pattern without a leading or trailing day of the week, or empty when it has none there. */
  public static Optional<Split> split(String pattern) {
    Matcher leading = LEADING.matcher(pattern);
    if (leading.find()) {
      return Optional.of(new Split(pattern.substring(leading.end()), true));
    }
    Matcher trailing = TRAILING.matcher(pattern);
    if (trailing.find() && !inQuotes(pattern, trailing.start())) {
      return Optional.of(new Split(pattern.substring(0, trailing.start()), false));
    }
    return Optional.empty();
  }

  /** The pattern Spark is given: without a leading or trailing day of the week. */
  public static String parseable(String pattern) {
    return split(pattern).map(Split::pattern).orElse(pattern);
  }

  private static boolean inQuotes(String pattern, int end) {
    boolean quoted = false;
    for (int i = 0; i < end; i++) {
      if (pattern.charAt(i) == '\'') {
        quoted = !quoted;
      }
    }
    return quoted;
  }
}
