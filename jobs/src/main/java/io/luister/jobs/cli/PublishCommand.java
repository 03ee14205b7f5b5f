package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.LuisterInfrastructureException;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.serve.GoldPublication;
import io.luister.jobs.serve.JdbcTarget;
import io.luister.jobs.serve.PgDdl;
import io.luister.jobs.serve.PostgresPublisher;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Copies every gold table's rows of one period into a PostgreSQL schema, for BI tools "
        + "(Metabase, Superset, Power BI, Tableau) through their standard PostgreSQL connector. One transaction: "
        + "the period's rows are replaced, or nothing changes. Tables without a period are replaced whole.",
        "Password: LUISTER_PG_PASSWORD, else the URL's password parameter, else PGPASSWORD. Never printed.",
        "Example: LUISTER_PG_PASSWORD=... bin/luister publish --jdbc jdbc:postgresql://db:5432/insights --user luister",
        "Details: docs/SERVING.md."})
final class PublishCommand extends PeriodStageCommand {
  @Option(names = "--jdbc", required = true, paramLabel = "URL",
      description = "The PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/insights?sslmode=require")
  String jdbc;

  @Option(names = "--schema", defaultValue = "luister", paramLabel = "NAME",
      description = "The PostgreSQL schema the gold tables go into (created if missing). Default: ${DEFAULT-VALUE}.")
  String schema;

  @Option(names = "--user", paramLabel = "U", description = "The database user. Default: the URL's user parameter.")
  String user;

  @Override
  void checkOptions() {
    if (!PgDdl.isUsableIdentifier(schema)) {
      throw ConfigException.option("--schema '" + schema.replace("\0", "\\0") + "' is not a PostgreSQL schema name: give a "
          + "non-empty name without NUL characters, e.g. --schema luister");
    }
  }

  @Override
  void runStage(RunContext ctx, String period) {
    publish(ctx, period, JdbcTarget.of(jdbc, user, System.getenv()), schema);
  }

  static void publish(RunContext ctx, String period, JdbcTarget target, String schema) {
    Instant started = Instant.now();
    Console.info("publish: gold tables of " + period + " to schema " + schema + " at " + target.redacted());
    List<PostgresPublisher.Table> tables = GoldPublication.tables(ctx.spark(), ctx.warehouse, period);
    if (tables.isEmpty()) {
      throw new LuisterDataException("the warehouse " + ctx.warehouse.root() + " has no gold tables: run the "
          + "pipeline first (bin/luister run)");
    }
    List<RunRecord> records = new ArrayList<>();
    try (Connection connection = target.connect()) {
      new PostgresPublisher(schema).publish(connection, period, ctx.runId, tables, p -> {
        Console.info(String.format("  %-24s %,10d rows  %5.1f s", p.table(), p.rows(), p.seconds()));
        records.add(record(ctx, period, p.seconds(), p.table(), p.rows(), RunRecord.OK, null));
      });
    } catch (SQLException | RuntimeException e) {
      RunLog.append(ctx.spark(), ctx.warehouse, List.of(record(ctx, period, seconds(started), "*", 0, RunRecord.FAILED,
          "nothing changed in PostgreSQL (rolled back): " + e.getMessage())));
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new LuisterInfrastructureException("publish to " + target.redacted() + " failed; nothing changed there (the "
          + "transaction was rolled back, the previous publication is intact): " + e.getMessage(), e);
    }
    Console.info(String.format("publish: %d tables, %,d rows committed in %.1f s", records.size(),
        records.stream().mapToLong(RunRecord::rowsAccepted).sum(), seconds(started)));
    RunLog.append(ctx.spark(), ctx.warehouse, records);
  }

  private static double seconds(Instant started) {
    return (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
  }

  /** One ops.runs row per table (source = the gold table), timed by the table's own load. */
  private static RunRecord record(RunContext ctx, String period, double seconds, String table, long rows,
      String status, String message) {
    Instant now = Instant.now();
    return new RunRecord(ctx.runId, ctx.config.program(), GoldPublication.STAGE, table, period,
        Timestamp.from(now.minusMillis((long) (seconds * 1000))), Timestamp.from(now), seconds,
        rows, rows, 0, 0, status, message);
  }
}
