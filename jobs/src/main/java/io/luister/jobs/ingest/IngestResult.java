package io.luister.jobs.ingest;

import java.time.LocalDate;

/**
 * What ingesting one source did. {@code rowsRead == rowsAccepted + rowsQuarantined} always holds;
 * duplicates are counted among the quarantined.
 *
 * @param lastDay the last day (program time zone) of any accepted record, or null when none was accepted
 */
public record IngestResult(String source, long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsDuplicate,
    double seconds, LocalDate lastDay) {}
