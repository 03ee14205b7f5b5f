package io.luister.jobs.samples;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/** Calendar of the fictional world: five quarters in Europe/Amsterdam, and hand-rolled fast formatters. */
final class Cal {
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final LocalDate END = LocalDate.of(2026, 9, 30);
  static final int DAYS = (int) ChronoUnit.DAYS.between(START, END) + 1; // 457
  static final String[] PERIODS = {"2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"};
  static final int ANALYSIS = 4;
  static final long END_EPOCH = ZonedDateTime.of(END.plusDays(1).atStartOfDay(), ZONE).toEpochSecond() - 1;
  /** The regional outage: ISO weeks 2026-W33 and 2026-W34 (Mon 2026-08-10 .. Sun 2026-08-23). */
  static final String[] SPIKE_WEEKS = {"2026-W33", "2026-W34"};
  static final LocalDate SPIKE_START = LocalDate.of(2026, 8, 10);
  static final LocalDate SPIKE_END = LocalDate.of(2026, 8, 23);
  /** Launch of the dynamic contract (with campaign) and of the app update that crashes. */
  static final LocalDate DYNAMIC_LAUNCH = LocalDate.of(2026, 7, 1);

  private Cal() {}

  static LocalDate day(int i) {
    return START.plusDays(i);
  }

  static int period(LocalDate d) {
    return (d.getYear() - 2025) * 4 + (d.getMonthValue() - 1) / 3 - 2;
  }

  static int periodOfDay(int dayIndex) {
    return period(day(dayIndex));
  }

  static LocalDate periodStart(int p) {
    return START.plusMonths(3L * p);
  }

  static LocalDate periodEnd(int p) {
    return periodStart(p).plusMonths(3).minusDays(1);
  }

  static String isoWeek(LocalDate d) {
    int wy = d.get(IsoFields.WEEK_BASED_YEAR);
    int w = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return wy + "-W" + (w < 10 ? "0" : "") + w;
  }

  static boolean inSpike(LocalDate d) {
    return !d.isBefore(SPIKE_START) && !d.isAfter(SPIKE_END);
  }

  static boolean isSunday(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Epoch second of a local wall-clock time (a time in the spring-forward gap moves one hour later). */
  static long epoch(LocalDate d, int secondOfDay) {
    LocalDateTime ldt = d.atStartOfDay().plusSeconds(secondOfDay);
    return ZonedDateTime.of(ldt, ZONE).toEpochSecond();
  }

  static ZonedDateTime zoned(long epoch) {
    return Instant.ofEpochSecond(epoch).atZone(ZONE);
  }

  static LocalDate localDate(long epoch) {
    return zoned(epoch).toLocalDate();
  }

  /** 2026-07-03T14:22:05+02:00 */
  static String isoOffset(long epoch) {
    ZonedDateTime z = zoned(epoch);
    StringBuilder sb = new StringBuilder(25);
    date(sb, z.getYear(), z.getMonthValue(), z.getDayOfMonth(), '-');
    sb.append('T');
    time(sb, z.getHour(), z.getMinute(), z.getSecond());
    ZoneOffset off = z.getOffset();
    int s = off.getTotalSeconds();
    sb.append(s < 0 ? '-' : '+');
    s = Math.abs(s);
    two(sb, s / 3600);
    sb.append(':');
    two(sb, (s % 3600) / 60);
    return sb.toString();
  }

  /** dd-MM-yyyy HH:mm local time. */
  static String dutchDateTime(long epoch) {
    ZonedDateTime z = zoned(epoch);
    StringBuilder sb = new StringBuilder(16);
    two(sb, z.getDayOfMonth());
    sb.append('-');
    two(sb, z.getMonthValue());
    sb.append('-').append(z.getYear()).append(' ');
    two(sb, z.getHour());
    sb.append(':');
    two(sb, z.getMinute());
    return sb.toString();
  }

  /** yyyy-MM-dd HH:mm:ss local time. */
  static String sqlDateTime(long epoch) {
    ZonedDateTime z = zoned(epoch);
    StringBuilder sb = new StringBuilder(19);
    date(sb, z.getYear(), z.getMonthValue(), z.getDayOfMonth(), '-');
    sb.append(' ');
    time(sb, z.getHour(), z.getMinute(), z.getSecond());
    return sb.toString();
  }

  static String isoDate(LocalDate d) {
    StringBuilder sb = new StringBuilder(10);
    date(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth(), '-');
    return sb.toString();
  }

  static String dutchDate(LocalDate d) {
    StringBuilder sb = new StringBuilder(10);
    two(sb, d.getDayOfMonth());
    sb.append('-');
    two(sb, d.getMonthValue());
    sb.append('-').append(d.getYear());
    return sb.toString();
  }

  private static void date(StringBuilder sb, int y, int m, int d, char sep) {
    sb.append(y).append(sep);
    two(sb, m);
    sb.append(sep);
    two(sb, d);
  }

  private static void time(StringBuilder sb, int h, int m, int s) {
    two(sb, h);
    sb.append(':');
    two(sb, m);
    sb.append(':');
    two(sb, s);
  }

  private static void two(StringBuilder sb, int v) {
    if (v < 10) sb.append('0');
    sb.append(v);
  }
}
