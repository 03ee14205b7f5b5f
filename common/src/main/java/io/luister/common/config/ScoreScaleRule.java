package io.luister.common.config;

import java.util.List;

/**
 * A score scale that is not fixed for the whole source (config {@code score_scale: {column: ...}} or
 * {@code score_scale: {infer: [...]}}). Either each record names its own scale in a column (a named scale
 * such as {@code stars}, a range such as {@code 1-10}, or a maximum such as {@code 10}, read as 1 to that
 * maximum), or each file's scale is inferred: the smallest candidate that holds the file's highest value.
 * A value that fits no scale is a field issue, not a reason to refuse the record.
 *
 * @param column the column that names each record's scale, or null
 * @param candidates the scales to choose from per file (smallest first), empty when {@code column} is set
 */
public record ScoreScaleRule(String column, List<ScoreScale> candidates) {
  public ScoreScaleRule {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  public boolean perRecord() {
    return column != null;
  }

  public String describe() {
    return perRecord() ? "per record from column '" + column + "'"
        : "inferred per file from " + candidates.stream().map(ScoreScale::describe).toList();
  }
}
