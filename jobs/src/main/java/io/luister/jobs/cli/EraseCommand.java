package io.luister.jobs.cli;

import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.warehouse.Layer;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.privacy.Erasure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "erase", mixinStandardHelpOptions = true,
    description = {"Removes a person's records from every table of the warehouse (a data subject's request to be "
        + "erased): rows whose author or customer pseudonym is theirs, and rows about the feedback items they wrote "
        + "(sentiment, theme membership). Handles and ids are pseudonymised under the program's key first and are "
        + "never printed or logged. Aggregates keep no trace of a person and stay as they are.",
        "Each table is changed in one Delta transaction. The deleted rows stay in the table's older files (time "
        + "travel), and the older commits of the Delta log keep file statistics that can name them, until VACUUM "
        + "and Delta's log cleanup remove them: --vacuum does both at once; without it, run VACUUM later "
        + "(docs/reliability.md). Rerun the pipeline's later stages if aggregates must leave the person out too.",
        "Erase from the raw exports as well, or the next ingest brings the person back."})
final class EraseCommand implements Callable<Integer> {
  static final String STAGE = "erase";

  @Mixin
  ProgramOptions program;

  @Mixin
  PersonOptions people;

  @Option(names = "--vacuum", description = "Also VACUUM the changed tables with zero retention and checkpoint their "
      + "Delta log, deleting every older commit, so the rows and the log's statistics of them are physically gone "
      + "now (ends time travel to earlier versions of those tables).")
  boolean vacuum;

  @Option(names = "--name", paramLabel = "NAME", description = "A name the person is known by in others' texts "
      + "(\"Hoi Pieter\" in a brand's reply); masked as [name] as a whole word in every free-text column, like the "
      + "--author handles; repeatable. Never printed or logged.")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    people.requireSome();
    try (RunContext ctx = new RunContext(program)) {
      Pseudonymizer p = ctx.pseudonymizer();
      Set<String> authorPseudonyms = new LinkedHashSet<>(people.authors.stream().map(p::author).toList());
      Set<String> customerPseudonyms = new LinkedHashSet<>(people.customers.stream().map(p::customer).toList());
      Erasure.Person person = new Erasure.Person(authorPseudonyms, customerPseudonyms, feedbackIds(ctx,
          new Erasure.Person(authorPseudonyms, customerPseudonyms, Set.of())));
      Console.info(String.format("erase: %d author(s), %d customer(s), %d feedback item(s) of theirs in silver",
          authorPseudonyms.size(), customerPseudonyms.size(), person.feedbackIds().size()));
      List<RunRecord> records = new ArrayList<>();
      Set<String> changed = new LinkedHashSet<>();
      long total = 0;
      for (Layer layer : Layer.values()) {
        for (String table : ctx.warehouse.tables(ctx.spark(), layer)) {
          Instant started = Instant.now();
          Dataset<Row> rows = ctx.warehouse.read(ctx.spark(), layer, table);
          Optional<Column> theirs = Erasure.rowsOf(rows.schema(), person);
          if (theirs.isEmpty()) {
            continue;
          }
          long count = rows.filter(theirs.get()).count();
          if (count > 0) {
            // By a join, not a predicate: the Delta log keeps a DELETE's predicate, and with it the pseudonyms.
            Erasure.deleteByJoin(ctx.spark(), ctx.warehouse.path(layer, table), rows.schema(), person);
            changed.add(layer.folder() + "." + table);
          }
          total += count;
          Console.info(String.format("  %-28s %,8d rows removed", layer.folder() + "." + table, count));
          records.add(record(ctx, layer.folder() + "." + table, count, started));
        }
      }
      List<String> known = new ArrayList<>(people.authors);
      known.addAll(names);
      Optional<String> mentions = Erasure.mentionPattern(known);
      long masked = 0;
      if (mentions.isPresent()) {
        for (Layer layer : Layer.values()) {
          for (String table : ctx.warehouse.tables(ctx.spark(), layer)) {
            String path = ctx.warehouse.path(layer, table);
            long rows = Erasure.maskMentions(ctx.spark(), path, ctx.warehouse.read(ctx.spark(), layer, table).schema(),
                mentions.get());
            if (rows > 0) {
              changed.add(layer.folder() + "." + table);
              masked += rows;
              Console.info(String.format("  %-28s %,8d texts naming them masked", layer.folder() + "." + table, rows));
            }
          }
        }
      }
      if (vacuum) {
        for (String table : changed) {
          String[] parts = table.split("\\.", 2);
          // The log first: vacuum appends commits of its own, and the last erase commit, kept with the checkpoint,
          // shows what was done.
          ctx.warehouse.expireLogNow(ctx.spark(), layerOf(parts[0]), parts[1]);
          ctx.warehouse.vacuumNow(ctx.spark(), layerOf(parts[0]), parts[1]);
        }
      }
      RunLog.append(ctx.spark(), ctx.warehouse, records);
      Console.out(String.format("erase: %,d rows removed, %,d texts naming them masked%s", total, masked,
          total + masked == 0 ? ""
          : vacuum ? "; the changed tables were vacuumed and their logs checkpointed, the rows are physically gone"
          : "; they remain in older table versions until VACUUM (see docs/reliability.md, or rerun with --vacuum)"));
      return 0;
    }
  }

  private static Layer layerOf(String folder) {
    for (Layer layer : Layer.values()) {
      if (layer.folder().equals(folder)) {
        return layer;
      }
    }
    throw new IllegalStateException("no layer " + folder);
  }

  /** The items the person wrote, from silver.feedback (before its rows are deleted). */
  private static Set<String> feedbackIds(RunContext ctx, Erasure.Person person) {
    if (!ctx.warehouse.exists(ctx.spark(), Layer.SILVER, "feedback")) {
      return Set.of();
    }
    Dataset<Row> feedback = ctx.warehouse.read(ctx.spark(), Layer.SILVER, "feedback");
    return new HashSet<>(Erasure.feedbackIdsOf(feedback, person).as(Encoders.STRING()).collectAsList());
  }

  private static RunRecord record(RunContext ctx, String table, long rows, Instant started) {
    Instant now = Instant.now();
    return new RunRecord(ctx.runId, ctx.config.program(), STAGE, table, null, Timestamp.from(started),
        Timestamp.from(now), (now.toEpochMilli() - started.toEpochMilli()) / 1000.0, rows, 0, 0, 0, RunRecord.OK,
        rows + " rows of the erased person(s) removed");
  }
}
