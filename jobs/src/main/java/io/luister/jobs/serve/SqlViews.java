package io.luister.jobs.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Views for the questions BI users ask first ("this quarter's silences, most severe first"), one SQL file each
 * under {@code io/luister/jobs/views/}. The same text serves Spark ({@code bin/luister sql}) and PostgreSQL
 * ({@code bin/luister publish}), so it keeps to SQL both read alike: no dialect functions, no quoted names.
 * The file's first line, a comment, is the question the view answers; it becomes the view's comment.
 */
public final class SqlViews {
  /** Every view, in the order the data dictionary lists them; the file is {@code <name>.sql}. */
  static final List<String> NAMES = List.of("latest_silences", "latest_alerts", "latest_themes",
      "share_of_voice_by_quarter", "reputation_by_category", "webcare_by_quarter");
  private static final Pattern GOLD_TABLE = Pattern.compile("\\bgold\\.([a-z_]+)\\b");

  /**
   * @param name the view's name in the gold schema
   * @param question what it answers (its comment)
   * @param sql the SELECT, naming tables as {@code gold.<table>}
   */
  public record View(String name, String question, String sql) {
    /** The gold tables the view reads. */
    public Set<String> tables() {
      Set<String> tables = new LinkedHashSet<>();
      Matcher m = GOLD_TABLE.matcher(sql);
      while (m.find()) {
        tables.add(m.group(1));
      }
      return tables;
    }

    /** The SELECT with its tables in {@code schema}, each table name passed through {@code qualify}. */
    String sqlFor(java.util.function.UnaryOperator<String> qualify) {
      return GOLD_TABLE.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(qualify.apply(m.group(1))));
    }

    /** The PostgreSQL statements that (re)create the view in {@code schema} with its comment. */
    public List<String> postgres(String schema) {
      String qualified = PgDdl.qualified(schema, name);
      // DROP + CREATE, not CREATE OR REPLACE: PostgreSQL refuses to replace a view whose columns changed.
      return List.of("DROP VIEW IF EXISTS " + qualified,
          "CREATE VIEW " + qualified + " AS " + sqlFor(table -> PgDdl.qualified(schema, table)),
          "COMMENT ON VIEW " + qualified + " IS " + PgDdl.literal(question));
    }
  }

  private SqlViews() {}

  public static List<View> all() {
    List<View> views = new ArrayList<>();
    for (String name : NAMES) {
      views.add(parse(name, resource("/io/luister/jobs/views/" + name + ".sql")));
    }
    return views;
  }

  /** The views whose every table is among {@code tables}: a view over a missing table would not compile. */
  public static List<View> over(Collection<String> tables) {
    return all().stream().filter(v -> tables.containsAll(v.tables())).toList();
  }

  /**
   * Creates every view whose tables are registered in the session catalog as {@code gold.<table>} (after
   * {@code Warehouse.registerTables}). Returns the names of the views created.
   */
  public static List<String> register(SparkSession spark) {
    List<String> present = spark.catalog().databaseExists("gold")
        ? spark.sql("SHOW TABLES IN gold").select("tableName").as(Encoders.STRING()).collectAsList()
        : List.of();
    List<String> created = new ArrayList<>();
    for (View view : over(present)) {
      spark.sql("CREATE OR REPLACE VIEW gold." + view.name() + " COMMENT '" + view.question().replace("\\", "\\\\")
          .replace("'", "\\'") + "' AS " + view.sql());
      created.add("gold." + view.name());
    }
    return created;
  }

  static View parse(String name, String text) {
    String[] lines = text.strip().split("\n", 2);
    if (lines.length < 2 || !lines[0].startsWith("--")) {
      throw new IllegalStateException("view " + name + ": the first line must be a comment with the question it answers");
    }
    return new View(name, lines[0].substring(2).strip(), lines[1].strip());
  }

  private static String resource(String path) {
    try (InputStream in = SqlViews.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing view definition " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
