package io.luister.jobs.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Which rows of a table belong to a person who asked to be erased. Tables never hold a raw handle or customer
 * id, only keyed pseudonyms, so a person is found by their pseudonyms (authors in {@code author}, customers in
 * {@code customer_id} or {@code customer}) and by the feedback items they wrote ({@code feedback_id}), which is
 * how sentiment and theme membership refer to them. Aggregates (counts, shares) keep no trace of a person and
 * are left as they are.
 */
public final class Erasure {
  static final List<String> AUTHOR_COLUMNS = List.of("author");
  static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "customer");
  static final String FEEDBACK_ID = "feedback_id";
  /** Text columns that can hold a whole record, or a reason quoting a value: searched for the pseudonyms. */
  static final List<String> RECORD_COLUMNS = List.of("raw_record", "reason");
  /** Parts of the names of columns holding free text (others' texts may mention the person). */
  static final List<String> TEXT_COLUMN_PARTS = List.of("text", "note", "comment", "body", "quote", "title", "example",
      "raw_record", "reason", "label", "summary");

  /** A person to erase: their author and customer pseudonyms, and the ids of the items they wrote. */
  public record Person(Set<String> authors, Set<String> customers, Set<String> feedbackIds) {
    public boolean isEmpty() {
      return authors.isEmpty() && customers.isEmpty() && feedbackIds.isEmpty();
    }
  }

  private Erasure() {}

  /** The person's rows in a table with this schema, or empty when the table has no column that could hold them. */
  public static Optional<Column> rowsOf(StructType schema, Person person) {
    Set<String> columns = Set.of(schema.fieldNames());
    List<Column> matches = new ArrayList<>();
    for (String c : AUTHOR_COLUMNS) {
      if (columns.contains(c) && !person.authors().isEmpty()) {
        matches.add(col(c).isin(person.authors().toArray()));
      }
    }
    for (String c : CUSTOMER_COLUMNS) {
      if (columns.contains(c) && !person.customers().isEmpty()) {
        matches.add(col(c).isin(person.customers().toArray()));
      }
    }
    if (columns.contains(FEEDBACK_ID) && !person.feedbackIds().isEmpty()) {
      matches.add(col(FEEDBACK_ID).isin(person.feedbackIds().toArray()));
    }
    // ops.quarantine keeps a refused record as masked text, with the person's pseudonym in place of their value.
    for (String c : RECORD_COLUMNS) {
      if (columns.contains(c)) {
        for (String pseudonym : pseudonyms(person)) {
          matches.add(col(c).contains(pseudonym));
        }
      }
    }
    // null-safe: a row whose person columns are null is nobody's and must not be matched as "unknown".
    return matches.stream().map(m -> coalesce(m, lit(false))).reduce(Column::or);
  }

  private static List<String> pseudonyms(Person person) {
    List<String> all = new ArrayList<>(person.authors());
    all.addAll(person.customers());
    return all;
  }

  /**
   * Deletes the person's rows by joining the table with their values (a MERGE ... WHEN MATCHED THEN DELETE), one
   * commit per kind of match: the transaction log records the join condition ("t.author = s.v"), never the
   * values, where a DELETE records its predicate and so the pseudonyms in clear.
   */
  public static void deleteByJoin(SparkSession spark, String path, StructType schema, Person person) {
    Set<String> columns = Set.of(schema.fieldNames());
    for (String c : AUTHOR_COLUMNS) {
      if (columns.contains(c) && !person.authors().isEmpty()) {
        mergeDelete(spark, path, person.authors(), "t.`" + c + "` = s.v");
      }
    }
    for (String c : CUSTOMER_COLUMNS) {
      if (columns.contains(c) && !person.customers().isEmpty()) {
        mergeDelete(spark, path, person.customers(), "t.`" + c + "` = s.v");
      }
    }
    if (columns.contains(FEEDBACK_ID) && !person.feedbackIds().isEmpty()) {
      mergeDelete(spark, path, person.feedbackIds(), "t.`" + FEEDBACK_ID + "` = s.v");
    }
    for (String c : RECORD_COLUMNS) {
      if (columns.contains(c) && !pseudonyms(person).isEmpty()) {
        // A record is deleted once even when it holds several of the pseudonyms: one source row per record.
        mergeDelete(spark, path, Set.of(String.join("\n", pseudonyms(person))),
            "exists(split(s.v, '\\n'), p -> contains(t.`" + c + "`, p))");
      }
    }
  }

  private static void mergeDelete(SparkSession spark, String path, Set<String> values, String condition) {
    Dataset<Row> source = spark.createDataset(new ArrayList<>(values), Encoders.STRING()).toDF("v");
    DeltaTable.forPath(spark, path).as("t").merge(source.as("s"), condition).whenMatched().delete().execute();
  }

  /** The free-text columns of a table (top-level strings whose name says they hold text). */
  public static List<String> textColumns(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      String name = f.name().toLowerCase(java.util.Locale.ROOT);
      if (f.dataType() instanceof StringType && TEXT_COLUMN_PARTS.stream().anyMatch(name::contains)) {
        out.add(f.name());
      }
    }
    return out;
  }

  /**
   * The person's handles (without '@', any case) and given names as whole words: how others' texts still name them
   * ("@pieter" in a brand's reply where masking kept it, "Hoi Pieter"). Handles and names shorter than three
   * characters are left out: they would match ordinary words.
   */
  public static java.util.Optional<String> mentionPattern(java.util.Collection<String> handlesAndNames) {
    List<String> words = handlesAndNames.stream().map(h -> h.strip().replaceFirst("^@", ""))
        .filter(h -> h.length() >= 3).map(java.util.regex.Pattern::quote).distinct().toList();
    if (words.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("(?i)(?<![\\p{L}\\p{N}_])@?(?:" + String.join("|", words) + ")(?![\\p{L}\\p{N}_])");
  }

  /**
   * Masks the mentions in every free-text column of a table by a MERGE with the pattern as its source row, so the
   * log records neither the pattern nor the names. Returns the number of rows changed.
   */
  public static long maskMentions(SparkSession spark, String path, StructType schema, String pattern) {
    List<String> texts = textColumns(schema);
    if (texts.isEmpty()) {
      return 0;
    }
    Dataset<Row> table = spark.read().format("delta").load(path);
    Column any = texts.stream().map(c -> coalesce(col(c).rlike(pattern), lit(false))).reduce(Column::or).orElseThrow();
    long rows = table.filter(any).count();
    if (rows == 0) {
      return 0;
    }
    Dataset<Row> source = spark.createDataset(List.of(pattern), Encoders.STRING()).toDF("p");
    String condition = texts.stream().map(c -> "coalesce(t.`" + c + "` rlike s.p, false)")
        .collect(java.util.stream.Collectors.joining(" OR "));
    java.util.Map<String, String> set = new java.util.LinkedHashMap<>();
    for (String c : texts) {
      set.put("`" + c + "`", "regexp_replace(t.`" + c + "`, s.p, '" + io.luister.common.privacy.TextMasking.NAME_MASK + "')");
    }
    DeltaTable.forPath(spark, path).as("t").merge(source.as("s"), condition).whenMatched().updateExpr(set).execute();
    return rows;
  }

  /** The feedback items of the person in silver.feedback (a person's own items: a bounded set). */
  public static Dataset<Row> feedbackIdsOf(Dataset<Row> feedback, Person person) {
    return rowsOf(feedback.schema(), new Person(person.authors(), person.customers(), Set.of()))
        .map(c -> feedback.filter(c).select(FEEDBACK_ID).distinct())
        .orElse(feedback.limit(0).select(FEEDBACK_ID));
  }
}
