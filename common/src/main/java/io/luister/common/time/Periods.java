package io.luister.common.time;

import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Analysis periods are calendar quarters written {@code 2026-Q3}, counted in the program's time zone.
 * The string form sorts chronologically, so it doubles as the partition value.
 */
public final class Periods {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  private Periods() {}

  /** The quarter of a UTC timestamp column, as seen in {@code zone}. */
  public static Column quarterOfTimestamp(Column utcTimestamp, ZoneId zone) {
    return quarterOfDate(to_date(from_utc_timestamp(utcTimestamp, zone.getId())));
  }

  /** The quarter of a date column. */
  public static Column quarterOfDate(Column date) {
    return concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string"));
  }

  public static boolean isValid(String period) {
    return period != null && QUARTER.matcher(period).matches();
  }

  public static LocalDate start(String period) {
    Matcher m = parse(period);
    return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
  }

  /** The last day of the period. */
  public static LocalDate end(String period) {
    return start(period).plusMonths(3).minusDays(1);
  }

  public static String of(LocalDate day) {
    return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  public static String previous(String period) {
    return of(start(period).minusMonths(3));
  }

  /** The {@code count} periods before {@code period}, oldest first. */
  public static java.util.List<String> preceding(String period, int count) {
    java.util.List<String> periods = new java.util.ArrayList<>();
    String p = period;
    for (int i = 0; i < count; i++) {
      p = previous(p);
      periods.add(0, p);
    }
    return periods;
  }

  /** The {@code baseline} periods before {@code period} and then {@code period} itself, oldest first. */
  public static java.util.List<String> window(String period, int baseline) {
    java.util.List<String> periods = preceding(period, baseline);
    periods.add(period);
    return periods;
  }

  private static Matcher parse(String period) {
    Matcher m = period == null ? null : QUARTER.matcher(period);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("'" + period + "' is not a period; write a quarter as yyyy-Qn, e.g. 2026-Q3");
    }
    return m;
  }
}
