package io.luister.jobs.cli;

import io.luister.common.time.Periods;
import io.luister.jobs.docs.TableUpkeep;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.themes.ThemeLineage;
import io.luister.jobs.themes.ThemeStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "themes", mixinStandardHelpOptions = true,
    description = {"Discovers the themes customers talk about in the period's free text (k-means on TF-IDF of "
        + "stemmed unigrams and bigrams, k chosen by silhouette), labels them with their most distinctive words, keeps "
        + "their ids across periods and links them to the categories. Writes gold.themes, gold.theme_membership, "
        + "gold.theme_trends, gold.theme_lineage and gold.theme_categories, and saves the model under "
        + "<warehouse>/models/themes/<period>.",
        "Method: docs/THEMES.md."})
final class ThemesCommand extends PeriodStageCommand {
  @Mixin
  BackfillOption backfill;

  @Override
  void runStage(RunContext ctx, String period) {
    backfill.run(ctx, period, "themes", ThemesCommand::themes);
  }

  static void themes(RunContext ctx, String period) {
    Instant started = Instant.now();
    ThemeStage.Result result = new ThemeStage(ctx.spark(), ctx.config, ctx.warehouse)
        .run(period, Periods.preceding(period, ctx.config.baselinePeriods()), ctx.runId);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    if (!result.measured()) {
      // Too little text for themes: nothing written for the period, and why, in ops.runs and on the console.
      Console.info("themes: " + result.notMeasured());
    } else {
      long births = result.lineage().stream().filter(e -> e.event().equals(ThemeLineage.BIRTH)).count();
      Console.info(String.format("themes: %d themes (k chosen: %d, fitted on %d items) over %d items, %d born, in %.1f s",
          result.themes().size(), result.model().k(), result.model().fittedRows(), result.items(), births, seconds));
      result.themes().forEach(t -> Console.info(String.format("  - %-10s %5d  %-3s %s%s", t.themeId(), t.size(),
          t.dominantLanguage(), t.label(), t.taxonomyCandidate() ? "  [taxonomy candidate]" : "")));
    }
    TableUpkeep.afterStage(ctx.spark(), ctx.warehouse, "themes");
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(new RunRecord(ctx.runId, ctx.config.program(), ThemeStage.NAME,
        "*", period, Timestamp.from(started), Timestamp.from(Instant.now()), seconds, result.items(),
        result.themes().size(), 0, 0, RunRecord.OK, result.notMeasured())));
  }
}
