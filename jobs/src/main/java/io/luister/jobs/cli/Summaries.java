package io.luister.jobs.cli;

import io.luister.jobs.ingest.IngestResult;
import java.util.List;

/** Human summaries printed at the end of a command. */
final class Summaries {
  private Summaries() {}

  static void printIngest(List<IngestResult> results) {
    Console.out(String.format("%-24s %12s %12s %12s %12s", "source", "read", "accepted", "quarantined", "duplicates"));
    for (IngestResult r : results) {
      Console.out(String.format("%-24s %,12d %,12d %,12d %,12d", r.source(), r.rowsRead(), r.rowsAccepted(),
          r.rowsQuarantined(), r.rowsDuplicate()));
    }
  }
}
