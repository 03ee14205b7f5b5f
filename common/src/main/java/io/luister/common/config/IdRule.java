package io.luister.common.config;

import java.util.List;

/**
 * How a record's id is made (config {@code mapping.id}): one column (the usual case, then this rule is
 * {@link #SINGLE} and the column is in the mapping), several columns whose values together are unique
 * (a composite key, joined with {@code |}), or {@code generated}: a stable hash of the record's content and
 * its file name, for exports without any key. A generated id is the same on every rerun of the same file,
 * and two records with identical content in one file get the same id, so duplicates are still caught.
 *
 * @param columns the columns of a composite key (empty otherwise)
 * @param generated whether the id is generated
 */
public record IdRule(List<String> columns, boolean generated) {
  public static final IdRule SINGLE = new IdRule(List.of(), false);
  public static final IdRule GENERATED = new IdRule(List.of(), true);
  /** The value of {@code mapping.id} that asks for a generated id. */
  public static final String GENERATED_KEYWORD = "generated";

  public IdRule {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  public boolean composite() {
    return !columns.isEmpty();
  }

  public String describe() {
    return generated ? "generated (hash of the record and its file name)"
        : composite() ? "composite of " + String.join(" + ", columns) : "one column";
  }
}
