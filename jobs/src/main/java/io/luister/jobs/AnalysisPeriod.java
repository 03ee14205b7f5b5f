package io.luister.jobs;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.schema.CanonicalSchemas;
import io.luister.common.schema.FieldKind;
import io.luister.common.time.Periods;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Which quarter a run analyses: the one asked for, or the latest complete quarter in the data. */
public final class AnalysisPeriod {
  private AnalysisPeriod() {}

  public static String choose(String requested, Collection<LocalDate> lastDays) {
    if (requested != null) {
      if (!Periods.isValid(requested)) {
        throw new IllegalArgumentException("--period '" + requested + "' is not a quarter; write it as yyyy-Qn, e.g. 2026-Q3");
      }
      return requested;
    }
    LocalDate last = lastDays.stream().filter(Objects::nonNull).max(LocalDate::compareTo)
        .orElseThrow(() -> new LuisterDataException("no source has any accepted record, so there is no period to analyse"));
    return Periods.latestComplete(last);
  }

  /** The day (in the program's time zone) of a source's time field: its date, or its timestamp's local day. */
  public static Column localDay(SourceConfig source, ProgramConfig config) {
    String timeField = CanonicalSchemas.timeField(source.type());
    boolean isDate = CanonicalSchemas.field(source.type(), timeField).orElseThrow().kind() == FieldKind.DATE;
    return isDate ? col(timeField) : to_date(from_utc_timestamp(col(timeField), config.timezone().getId()));
  }

  /** The last day with data in a bronze table, for commands run on their own after an earlier ingest. */
  public static Optional<LocalDate> lastDayInBronze(SparkSession spark, ProgramConfig config, Warehouse warehouse,
      SourceConfig source) {
    if (!warehouse.exists(spark, Layer.BRONZE, source.name())) {
      return Optional.empty();
    }
    Row r = warehouse.read(spark, Layer.BRONZE, source.name()).agg(max(localDay(source, config))).first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }
}
