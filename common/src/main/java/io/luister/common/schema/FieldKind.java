package io.luister.common.schema;

/** How a canonical field is parsed and validated at ingestion. */
public enum FieldKind {
  /** An identifier: trimmed string, used for duplicate detection. */
  ID,
  /** A short label or code, kept as given (trimmed). */
  LABEL,
  /** Customer-written free text: personal data masked, length capped, encoding checked. */
  TEXT,
  /** A point in time, parsed with the source's timestamp patterns and time zone, stored in UTC. */
  TIMESTAMP,
  /** A calendar day, parsed with the source's date patterns. */
  DATE,
  /** A non-negative whole number. */
  COUNT,
  /** A score within the source's score scale (NPS, CSAT, stars or custom). */
  SCORE,
  /** Yes/no, from the source's true/false spellings. */
  BOOLEAN,
  /** A person's handle or customer id: stored only as a keyed pseudonym. */
  PERSON
}
