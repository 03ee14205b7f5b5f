package io.luister.jobs.serve;

import com.univocity.parsers.csv.CsvWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Publishes gold tables into one PostgreSQL schema as ONE transaction: create what is missing, delete the
 * period's rows (or all rows of a table without a period), COPY the new rows in, record the publication,
 * (re)create the views over the published tables ({@link SqlViews}), commit. A failure anywhere rolls
 * everything back, so BI users see the previous publication or the new one, never half of it; publishing the
 * same period again gives the same rows.
 */
public final class PostgresPublisher {
  /** Where each publication is recorded (period, table, rows, when, which run): BI tools can show freshness. */
  public static final String LOG_TABLE = "luister_publications";
  /** Bytes of CSV sent to the server per COPY write. */
  static final int COPY_CHUNK = 1 << 16;

  /**
   * One table to publish. {@code columns} is its Delta schema (it decides the PostgreSQL types and
   * comments); {@code rows} yields rows with the same columns, nested ones already as JSON text.
   */
  public record Table(String name, StructType columns, boolean byPeriod, Supplier<Iterator<Row>> rows) {}

  /** What one table's publication did: rows loaded, and seconds spent (reading Delta, DDL, delete, COPY). */
  public record Published(String table, long rows, double seconds) {}

  private final String schema;

  public PostgresPublisher(String schema) {
    this.schema = schema;
  }

  public List<Published> publish(Connection connection, String period, String runId, List<Table> tables,
      Consumer<Published> progress) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      List<Published> published = new ArrayList<>();
      execute(connection, PgDdl.createSchema(schema));
      execute(connection, "CREATE TABLE IF NOT EXISTS " + PgDdl.qualified(schema, LOG_TABLE)
          + " (period text, table_name text, rows bigint, published_at timestamptz, run_id text)");
      for (Table table : tables) {
        long started = System.nanoTime();
        long rows = publishTable(connection, table, period);
        Published p = new Published(table.name(), rows, (System.nanoTime() - started) / 1e9);
        logPublication(connection, period, runId, p);
        published.add(p);
        progress.accept(p);
      }
      for (SqlViews.View view : SqlViews.over(tables.stream().map(Table::name).toList())) {
        for (String sql : view.postgres(schema)) {
          execute(connection, sql);
        }
      }
      connection.commit();
      return published;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private long publishTable(Connection connection, Table table, String period) throws SQLException {
    StructType columns = table.columns();
    execute(connection, PgDdl.createTable(schema, table.name(), columns));
    for (String sql : PgDdl.addMissingColumns(schema, table.name(), columns)) {
      execute(connection, sql);
    }
    for (String sql : PgDdl.comments(schema, table.name(), columns, "Luister gold." + table.name()
        + (table.byPeriod() ? ", one slice per period" : ", replaced whole at each publication"))) {
      execute(connection, sql);
    }
    for (String sql : PgDdl.indexes(schema, table.name(), columns)) {
      execute(connection, sql);
    }
    try (PreparedStatement delete = connection.prepareStatement(PgDdl.deleteSlice(schema, table.name(), table.byPeriod()))) {
      if (table.byPeriod()) {
        delete.setString(1, period);
      }
      delete.executeUpdate();
    }
    return copy(connection, PgDdl.copyIn(schema, table.name(), columns), columns, table.rows().get());
  }

  /** Streams the rows as CSV into COPY, a chunk at a time: the driver never holds more than one chunk. */
  static long copy(Connection connection, String sql, StructType columns, Iterator<Row> rows) throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      CsvWriter csv = CsvCells.writer(null, columns, CsvCells.Flavour.POSTGRES_COPY);
      StringBuilder chunk = new StringBuilder(COPY_CHUNK + 4096);
      while (rows.hasNext()) {
        chunk.append(csv.writeRowToString((Object[]) CsvCells.cells(rows.next(), columns, CsvCells.Flavour.POSTGRES_COPY)));
        chunk.append('\n');
        if (chunk.length() >= COPY_CHUNK) {
          write(copy, chunk);
        }
      }
      write(copy, chunk);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
    if (chunk.length() > 0) {
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    }
  }

  private void logPublication(Connection connection, String period, String runId, Published p) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + PgDdl.qualified(schema, LOG_TABLE)
        + " (period, table_name, rows, published_at, run_id) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, period);
      insert.setString(2, p.table());
      insert.setLong(3, p.rows());
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.setString(5, runId);
      insert.executeUpdate();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      // The server ends an aborted transaction itself when the connection closes; keep the first error.
      cause.addSuppressed(rollbackFailure);
    }
  }
}
