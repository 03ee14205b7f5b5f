package io.luister.jobs.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The SQL statements that publish one gold table into a PostgreSQL schema. Everything is
 * {@code IF NOT EXISTS}, so running them again (every publication does) changes nothing that is there.
 */
public final class PgDdl {
  /** Columns BI users filter on; indexed where a table has them. */
  public static final List<String> INDEXED_COLUMNS = List.of("period", "category", "theme_id", "source");
  /** PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1). */
  static final int MAX_IDENTIFIER = 63;

  private PgDdl() {}

  /** PostgreSQL refuses an empty identifier, and none can hold a NUL character. */
  public static boolean isUsableIdentifier(String name) {
    return !name.isEmpty() && name.indexOf('\0') < 0;
  }

  /** A double-quoted identifier, so names are kept exactly and nothing in them is read as SQL. */
  public static String ident(String name) {
    if (!isUsableIdentifier(name)) {
      throw new IllegalArgumentException("not a usable PostgreSQL identifier: '" + name + "'");
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  public static String qualified(String schema, String table) {
    return ident(schema) + "." + ident(table);
  }

  /** A single-quoted SQL string literal (standard_conforming_strings is on since PostgreSQL 9.1). */
  public static String literal(String text) {
    return "'" + text.replace("\0", "").replace("'", "''") + "'";
  }

  public static String createSchema(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + ident(schema);
  }

  public static String createTable(String schema, String table, StructType columns) {
    return "CREATE TABLE IF NOT EXISTS " + qualified(schema, table) + " ("
        + Arrays.stream(columns.fields()).map(f -> ident(f.name()) + " " + PgTypes.of(f.dataType()))
            .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * A column added to a gold table after its first publication is added in PostgreSQL too; a column
   * whose type changed is not altered (the load then fails and rolls back, with PostgreSQL's message).
   */
  public static List<String> addMissingColumns(String schema, String table, StructType columns) {
    List<String> statements = new ArrayList<>();
    for (StructField f : columns.fields()) {
      statements.add("ALTER TABLE " + qualified(schema, table) + " ADD COLUMN IF NOT EXISTS " + ident(f.name()) + " "
          + PgTypes.of(f.dataType()));
    }
    return statements;
  }

  /** The Delta column descriptions (the data dictionary), so BI tools show them beside each field. */
  public static List<String> comments(String schema, String table, StructType columns, String tableComment) {
    List<String> statements = new ArrayList<>();
    if (tableComment != null) {
      statements.add("COMMENT ON TABLE " + qualified(schema, table) + " IS " + literal(tableComment));
    }
    for (StructField f : columns.fields()) {
      if (f.getComment().isDefined()) {
        statements.add("COMMENT ON COLUMN " + qualified(schema, table) + "." + ident(f.name()) + " IS "
            + literal(f.getComment().get()));
      }
    }
    return statements;
  }

  public static List<String> indexes(String schema, String table, StructType columns) {
    List<String> names = Arrays.asList(columns.fieldNames());
    List<String> statements = new ArrayList<>();
    for (String column : INDEXED_COLUMNS) {
      if (names.contains(column)) {
        statements.add("CREATE INDEX IF NOT EXISTS " + ident(indexName(table, column)) + " ON "
            + qualified(schema, table) + " (" + ident(column) + ")");
      }
    }
    return statements;
  }

  /** {@code <table>_<column>_idx}, shortened so PostgreSQL does not truncate two names into one. */
  static String indexName(String table, String column) {
    String name = table + "_" + column + "_idx";
    if (name.length() <= MAX_IDENTIFIER) {
      return name;
    }
    String hash = Integer.toHexString(name.hashCode());
    String suffix = "_" + column + "_" + hash + "_idx";
    return table.substring(0, Math.max(1, MAX_IDENTIFIER - suffix.length())) + suffix;
  }

  /** Removes the slice a publication replaces: one period, or the whole table when it has no period. */
  public static String deleteSlice(String schema, String table, boolean byPeriod) {
    return "DELETE FROM " + qualified(schema, table) + (byPeriod ? " WHERE " + ident("period") + " = ?" : "");
  }

  public static String copyIn(String schema, String table, StructType columns) {
    return "COPY " + qualified(schema, table) + " ("
        + Arrays.stream(columns.fieldNames()).map(PgDdl::ident).collect(Collectors.joining(", "))
        + ") FROM STDIN WITH (FORMAT csv, HEADER false, ENCODING 'UTF8')";
  }
}
