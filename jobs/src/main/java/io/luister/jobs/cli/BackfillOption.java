package io.luister.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import picocli.CommandLine.Option;

/**
 * The {@code --backfill} option of the stages that have history ({@code themes}, {@code analyse}): first the
 * earlier quarters gold lacks ({@link Backfill}), then the period. {@code run} has its own option (negatable, on
 * by default) and shares one read of silver between its stages.
 */
final class BackfillOption {
  @Option(names = "--backfill",
      description = "First the complete quarters before --period that silver.feedback holds and the gold tables lack, "
          + "oldest first (as run does), so trends and theme lineage have their history.")
  boolean backfill;

  /** Runs {@code stage} ({@code body}) for the quarters it lacks when asked to backfill, then for {@code period}. */
  void run(RunContext ctx, String period, String stage, BiConsumer<RunContext, String> body) {
    if (backfill) {
      Backfill.periods(ctx, Backfill.silverQuarters(ctx.spark(), ctx.warehouse, period), stage)
          .forEach(earlier -> body.accept(ctx, earlier));
    }
    body.accept(ctx, period);
  }

  /**
   * Runs {@code stage} once for the quarters it lacks (when asked to backfill) and {@code period} together, oldest
   * first: for a stage that computes several quarters in one pass ({@code analyse}).
   */
  void runAll(RunContext ctx, String period, String stage, BiConsumer<RunContext, List<String>> body) {
    List<String> periods = new ArrayList<>();
    if (backfill) {
      periods.addAll(Backfill.periods(ctx, Backfill.silverQuarters(ctx.spark(), ctx.warehouse, period), stage));
    }
    periods.add(period);
    body.accept(ctx, periods);
  }
}
