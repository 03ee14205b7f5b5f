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
    // null-safe: a row whose person columns are null is nobody's and must not be matched as "unknown".
    return matches.stream().map(m -> coalesce(m, lit(false))).reduce(Column::or);
  }

  /** The feedback items of the person in silver.feedback (a person's own items: a bounded set). */
  public static Dataset<Row> feedbackIdsOf(Dataset<Row> feedback, Person person) {
    return rowsOf(feedback.schema(), new Person(person.authors(), person.customers(), Set.of()))
        .map(c -> feedback.filter(c).select(FEEDBACK_ID).distinct())
        .orElse(feedback.limit(0).select(FEEDBACK_ID));
  }
}
