package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import io.luister.common.config.ReportSettings;
import io.luister.jobs.docs.TableUpkeep;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.ops.RunRecord;
import io.luister.jobs.report.ReportRenderer;
import io.luister.jobs.report.ReportStage;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes the quarterly report for management from the gold tables of the period: a self-contained "
        + "HTML file and a PDF per language, as <out>/<period>/luister-<period>-<lang>.html and .pdf.",
        "Contents and sources of every figure: docs/REPORT.md."})
final class ReportCommand extends PeriodStageCommand {
  @Option(names = "--lang", paramLabel = "en|nl", split = ",",
      description = "Language of the report, repeatable (--lang en --lang nl or --lang en,nl). Default: the config's "
          + "report.languages (en and nl).")
  List<String> languages = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder under which <period>/ is written. Default: the config's report.output_dir (reports, "
          + "relative to the working directory).")
  Path out;

  @Override
  void runStage(RunContext ctx, String period) {
    for (String language : languages) {
      if (!ReportSettings.SUPPORTED_LANGUAGES.contains(language)) {
        throw ConfigException.option("--lang " + language + ": the report is written in "
            + ReportSettings.SUPPORTED_LANGUAGES);
      }
    }
    write(ctx, period, languages.isEmpty() ? ctx.config.report().languages() : List.copyOf(languages),
        out != null ? out : Path.of(ctx.config.report().outputDir()));
  }

  /** The report stage of {@code run}: every configured language, into the configured folder. */
  static void report(RunContext ctx, String period) {
    write(ctx, period, ctx.config.report().languages(), Path.of(ctx.config.report().outputDir()));
  }

  static void write(RunContext ctx, String period, List<String> languages, Path outputRoot) {
    Instant started = Instant.now();
    ReportStage.Result result = new ReportStage(ctx.spark(), ctx.config, ctx.taxonomy, ctx.warehouse)
        .run(period, languages, outputRoot, ctx.runId);
    TableUpkeep.afterStage(ctx.spark(), ctx.warehouse, ReportStage.NAME);
    double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    Console.info(String.format("report: %s in %.1f s (gold tables %.1f s, charts/HTML/PDF %.1f s)", languages, seconds,
        result.modelSeconds(), result.renderSeconds()));
    for (ReportRenderer.Output o : result.outputs()) {
      Console.info("  - " + o.html().toAbsolutePath());
      Console.info("  - " + o.pdf().toAbsolutePath());
    }
    if (!result.model().missingTables().isEmpty()) {
      Console.info("  (tables missing, their sections say so: " + result.model().missingTables() + ")");
    }
    RunLog.append(ctx.spark(), ctx.warehouse, List.of(new RunRecord(ctx.runId, ctx.config.program(), ReportStage.NAME,
        "*", period, Timestamp.from(started), Timestamp.from(Instant.now()), seconds, 0, result.outputs().size() * 2L,
        0, 0, RunRecord.OK, "languages " + String.join(",", languages) + " in " + outputRoot.resolve(period))));
  }
}
