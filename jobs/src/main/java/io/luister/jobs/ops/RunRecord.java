package io.luister.jobs.ops;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * One row of ops.runs: what one stage did for one source (or for all, source = "*") in one run. {@code status} is
 * {@link #OK}, {@link #REFUSED} (a source whose files are unusable, nothing of it written) or {@link #FAILED}.
 */
public record RunRecord(
    String runId,
    String program,
    String stage,
    String source,
    String period,
    Timestamp startedAt,
    Timestamp finishedAt,
    double seconds,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    long rowsDuplicate,
    String status,
    String message) implements Serializable {
  public static final String OK = "ok";
  public static final String REFUSED = "refused";
  public static final String FAILED = "failed";
}
