package io.luister.jobs.ingest;

/** Why a record was not accepted. The code is stable (for queries and tests); the message is for people. */
public enum QuarantineReason {
  MALFORMED_RECORD("The record could not be parsed in the declared format (wrong number of CSV fields, unbalanced quote, broken JSON)."),
  MISSING_REQUIRED("A required field is empty or absent."),
  EMPTY_TEXT("A record whose point is its text has none."),
  INVALID_TIMESTAMP("A timestamp or date does not match any configured pattern, or is not a real date (31-02)."),
  TIMESTAMP_OUT_OF_RANGE("A timestamp lies before ingest.earliest_date or too far after the run."),
  INVALID_NUMBER("A count or score is not a number (or a count is not a whole number). In an optional field: a field issue (ops.field_issues), the record is kept."),
  NEGATIVE_COUNT("A count is below zero. In an optional field: a field issue (ops.field_issues), the record is kept."),
  COUNT_OUT_OF_RANGE("A count is larger than ingest.max_count: almost certainly an export error. In an optional field: a field issue (ops.field_issues), the record is kept."),
  SCORE_OUT_OF_SCALE("A score or rating lies outside the source's score scale. In an optional field: a field issue (ops.field_issues), the record is kept."),
  INVALID_BOOLEAN("A yes/no field has a value that is neither a configured true nor false spelling. In an optional field: a field issue (ops.field_issues), the record is kept."),
  INVALID_ENCODING("A value contains bytes that are not valid in the configured encoding, or an id or label contains control characters (NUL, ESC)."),
  NOT_A_SCALAR("A nested object or list stands where a single value belongs."),
  DUPLICATE_ID("Another record of the same source has the same id (the first one is kept).");

  private final String meaning;

  QuarantineReason(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
