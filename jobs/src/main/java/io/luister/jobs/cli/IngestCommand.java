package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.common.config.SourceConfig;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.LuisterInfrastructureException;
import io.luister.jobs.SideBySide;
import io.luister.jobs.ingest.IngestResult;
import io.luister.jobs.ingest.IngestStage;
import io.luister.jobs.ingest.QuarantineLimit;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads every source's files into bronze.<source> tables (partitioned by period) and refused "
        + "records into ops.quarantine; appends the counts to ops.runs. A source whose files are unusable is "
        + "refused as a whole (the message names the file and the problem); the other sources are still ingested, "
        + "and the command exits 3.",
        "Each run reads the whole history of a source and replaces the periods it has rows for: rerunning never duplicates."})
final class IngestCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--source", paramLabel = "NAME", description = "Only this source (repeatable). Default: all.")
  List<String> sources = new ArrayList<>();

  @Override
  public Integer call() {
    try (RunContext ctx = new RunContext(program)) {
      for (String s : sources) {
        if (ctx.config.source(s).isEmpty()) {
          throw ConfigException.option("--source " + s + ": no such source in " + ctx.config.file());
        }
      }
      List<IngestResult> results = ingest(ctx, sources, null);
      Summaries.printIngest(results);
      return 0;
    }
  }

  static List<IngestResult> ingest(RunContext ctx, List<String> only, String period) {
    return ingest(ctx, only, period, troubled -> {});
  }

  /**
   * Ingests the chosen sources side by side, appends their rows to ops.runs, and throws when a source was refused
   * or failed (after the others were ingested).
   *
   * @param explain called, before that throw, with the sources that were refused, failed, or accepted with too little
   *     brand coverage (in the config's order; not called when there are none): {@code run} prints check's findings
   *     and advice for them there
   */
  static List<IngestResult> ingest(RunContext ctx, List<String> only, String period,
      java.util.function.Consumer<List<String>> explain) {
    IngestStage stage = new IngestStage(ctx.spark(), ctx.config, ctx.warehouse, ctx.pseudonymizer(), ctx.runId,
        ctx.startedAt);
    List<SourceConfig> chosen = ctx.config.sources().stream()
        .filter(source -> only.isEmpty() || only.contains(source.name())).toList();
    // Filled per source, read in the config's order below, so the log and the results do not depend on which
    // source finished first.
    IngestResult[] results = new IngestResult[chosen.size()];
    RunRecord[] records = new RunRecord[chosen.size()];
    List<SideBySide.Work> work = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      int at = i;
      SourceConfig source = chosen.get(i);
      work.add(SideBySide.Work.of(source.name(), () -> {
        Instant started = Instant.now();
        Console.info("ingest: " + source.name() + " (" + source.type().configName() + ", " + source.format().configName() + ") ...");
        try {
          IngestResult r = stage.ingest(source);
          Console.info(String.format("ingest: %s read %,d, accepted %,d, quarantined %,d (%,d duplicates) in %.1f s",
              r.source(), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), r.rowsDuplicate(), r.seconds()));
          Console.info("ingest: " + (r.brandCoverageLow() ? "WARNING " : "") + r.source() + " " + r.brandAndFieldSummary());
          results[at] = r;
          records[at] = stage.toRunRecord(r, period, started);
        } catch (QuarantineLimit.Exceeded e) {
          // Too much of the source would be quarantined: refused with its counts, so ops.runs shows how much.
          IngestResult r = e.result();
          Console.error("ingest: " + source.name() + " refused: " + e.getMessage());
          records[at] = unfinished(ctx, source, period, started, r, RunRecord.REFUSED, e.getMessage());
        } catch (Exception e) {
          // (Exception, not RuntimeException: Spark and Delta throw checked exceptions from Scala code undeclared.)
          if (Luister.decisive(e) instanceof LuisterDataException unusable) {
            // An unusable file refuses its source before anything of it is written; the other sources still go in,
            // so one broken export costs one source, not the run's whole ingest. (Found in a Spark task, it arrives
            // wrapped in Spark's exception: still a refusal.)
            Console.error("ingest: " + source.name() + " refused: " + unusable.getMessage());
            records[at] = unfinished(ctx, source, period, started, null, RunRecord.REFUSED, unusable.getMessage());
          } else {
            // Anything else (a bug, a storage error) fails this source only; the others are still ingested, and the
            // command then fails with every failure named.
            Console.error("ingest: " + source.name() + " failed: " + e);
            org.slf4j.LoggerFactory.getLogger(IngestCommand.class).error("ingest of {} failed", source.name(), e);
            records[at] = unfinished(ctx, source, period, started, null, RunRecord.FAILED, "failed: " + e);
          }
        }
      }));
    }
    // Sources side by side (two by default): one source's driver work (listing, schema inference, planning, Delta
    // commits) overlaps another's tasks.
    SideBySide.run(work, ctx.concurrentWork, "luister-ingest");
    List<String> refused = Arrays.stream(records).filter(r -> RunRecord.REFUSED.equals(r.status()))
        .map(RunRecord::message).toList();
    List<String> failed = Arrays.stream(records).filter(r -> RunRecord.FAILED.equals(r.status()))
        .map(r -> r.source() + ": " + r.message()).toList();
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(records));
    List<String> troubled = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      if (!RunRecord.OK.equals(records[i].status()) || results[i].brandCoverageLow()) {
        troubled.add(chosen.get(i).name());
      }
    }
    if (!troubled.isEmpty()) {
      explain.accept(troubled);
    }
    if (!failed.isEmpty()) {
      throw new LuisterInfrastructureException(failed.size() + " source(s) failed" + (refused.isEmpty() ? "" : " and "
          + refused.size() + " refused") + ", the others were ingested: " + String.join("; ", failed)
          + (refused.isEmpty() ? "" : "; " + String.join("; ", refused)));
    }
    if (!refused.isEmpty()) {
      // Later stages would analyse the period without those sources and report silences that are only a
      // missing export: stop here, with every refusal named (and logged in ops.runs with status 'refused').
      throw new LuisterDataException(refused.size() + " source(s) refused, the others were ingested: "
          + String.join("; ", refused));
    }
    return Arrays.stream(results).filter(Objects::nonNull).toList();
  }

  /**
   * The ops.runs row of a source that was refused or failed, ending now: with the counts of a source refused for
   * its quarantined share, and zero counts (and the time until now) when it never got as far as counting.
   */
  private static RunRecord unfinished(RunContext ctx, SourceConfig source, String period, Instant started,
      IngestResult counted, String status, String message) {
    Instant ended = Instant.now();
    double seconds = counted != null ? counted.seconds() : (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0;
    return new RunRecord(ctx.runId, ctx.config.program(), IngestStage.NAME, source.name(), period,
        Timestamp.from(started), Timestamp.from(ended), seconds,
        counted == null ? 0 : counted.rowsRead(), counted == null ? 0 : counted.rowsAccepted(),
        counted == null ? 0 : counted.rowsQuarantined(), counted == null ? 0 : counted.rowsDuplicate(), status, message);
  }
}
