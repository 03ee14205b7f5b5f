package io.luister.jobs;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ConfigException;
import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.schema.CanonicalSchemas;
import io.luister.common.schema.FieldKind;
import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which quarter a run analyses: the one asked for (when some source has data in it), or the latest complete quarter
 * that holds data. A quarter is complete when the data (all sources together) begin no later than its first week
 * and reach into its last week ({@link #complete}); Backfill uses the same rule for the quarters before it.
 */
public final class AnalysisPeriod {
  /** Data starting within this many days of a quarter's first day, or ending within them of its last, cover it. */
  static final int EDGE_DAYS = 7;

  private AnalysisPeriod() {}

  /** One source's accepted records in one quarter: their first and last day (program time zone). */
  public record QuarterData(String period, LocalDate firstDay, LocalDate lastDay) {}

  /** The syntax of an explicit {@code --period}, checked before anything is read. */
  public static String validate(String requested) {
    if (!Periods.isValid(requested)) {
      throw ConfigException.option("--period '" + requested + "' is not a quarter; write it as yyyy-Qn, e.g. 2026-Q3");
    }
    return requested;
  }

  /**
   * The quarter to analyse, given what the sources hold ({@code data}: every source's quarters with accepted
   * records). An explicit {@code requested} quarter must hold data in some source; without one, the latest complete
   * quarter that holds data. Either way, a choice the data cannot support is a {@link LuisterDataException} (exit 3)
   * naming the data's first and last day and the {@code --period} that would analyse them.
   */
  public static String choose(String requested, Collection<QuarterData> data) {
    List<QuarterData> known = data.stream().filter(Objects::nonNull).toList();
    if (requested != null) {
      validate(requested);
      if (known.stream().noneMatch(q -> q.period().equals(requested))) {
        throw new LuisterDataException("--period " + requested + ": no source has any accepted record in "
            + requested + (known.isEmpty() ? "" : "; " + describe(known) + ". Choose one of the quarters with data,"
            + " e.g. --period " + suggestion(known)));
      }
      return requested;
    }
    if (known.isEmpty()) {
      throw new LuisterDataException("no source has any accepted record, so there is no period to analyse");
    }
    LocalDate first = known.stream().map(QuarterData::firstDay).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = known.stream().map(QuarterData::lastDay).max(LocalDate::compareTo).orElseThrow();
    return known.stream().map(QuarterData::period).distinct().sorted(Comparator.reverseOrder())
        .filter(q -> complete(q, first, last)).findFirst()
        .orElseThrow(() -> new LuisterDataException("no complete quarter holds data: " + describe(known)
            + ", and a quarter counts as complete only when the data begin in its first week and reach its last"
            + " week. To analyse the data anyway, ask for the quarter: --period " + suggestion(known)
            + " (the analysis of an incomplete quarter is marked as such: data health reports its weeks without"
            + " data, and the silences of those channels are withheld)."));
  }

  /**
   * Whether data that begin on {@code firstDay} and end on {@code lastDay} cover {@code quarter} from its first week
   * to its last: a quarter the data start or stop in the middle of is not presented as a whole quarter.
   */
  public static boolean complete(String quarter, LocalDate firstDay, LocalDate lastDay) {
    return firstDay.isBefore(Periods.start(quarter).plusDays(EDGE_DAYS))
        && lastDay.isAfter(Periods.end(quarter).minusDays(EDGE_DAYS));
  }

  /** "the data run from 2015-02-16 to 2015-02-24 (quarters with data: 2015-Q1)", for messages. */
  static String describe(List<QuarterData> known) {
    LocalDate first = known.stream().map(QuarterData::firstDay).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = known.stream().map(QuarterData::lastDay).max(LocalDate::compareTo).orElseThrow();
    return "the data run from " + first + " to " + last + " (quarters with data: "
        + String.join(", ", new TreeSet<>(known.stream().map(QuarterData::period).toList())) + ")";
  }

  /** The quarter with data the data cover longest (the later one on a tie): what a user would most likely ask for. */
  static String suggestion(List<QuarterData> known) {
    Map<String, long[]> span = new TreeMap<>();
    for (QuarterData q : known) {
      long[] s = span.computeIfAbsent(q.period(), p -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      s[0] = Math.min(s[0], q.firstDay().toEpochDay());
      s[1] = Math.max(s[1], q.lastDay().toEpochDay());
    }
    return span.entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1] - e.getValue()[0])
            .thenComparing(Map.Entry::getKey))
        .orElseThrow().getKey();
  }

  /** The day (in the program's time zone) of a source's time field: its date, or its timestamp's local day. */
  public static Column localDay(SourceConfig source, ProgramConfig config) {
    String timeField = CanonicalSchemas.timeField(source.type());
    boolean isDate = CanonicalSchemas.field(source.type(), timeField).orElseThrow().kind() == FieldKind.DATE;
    return isDate ? col(timeField) : to_date(from_utc_timestamp(col(timeField), config.timezone().getId()));
  }

  /**
   * The quarters in the sources' bronze tables with their first and last day, for commands run after an earlier
   * ingest. One aggregation over every source's table (their periods and days stacked): {@link #choose} needs each
   * quarter's first and last day over all sources, not per source, and one query per source was a shuffle and a
   * collect each.
   */
  public static List<QuarterData> quartersInBronze(SparkSession spark, ProgramConfig config, Warehouse warehouse,
      List<SourceConfig> sources) {
    Dataset<Row> days = null;
    for (SourceConfig source : sources) {
      if (!warehouse.exists(spark, Layer.BRONZE, source.name())) {
        continue;
      }
      Dataset<Row> sourceDays = warehouse.read(spark, Layer.BRONZE, source.name())
          .select(col("period"), localDay(source, config).as("day"));
      days = days == null ? sourceDays : days.unionByName(sourceDays);
    }
    if (days == null) {
      return List.of();
    }
    return days.groupBy(col("period"))   // a row per quarter
        .agg(min(col("day")), max(col("day"))).collectAsList().stream()
        .filter(r -> !r.isNullAt(1))
        .map(r -> new QuarterData(r.getString(0), r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate())).toList();
  }
}
