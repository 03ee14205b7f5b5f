package io.luister.jobs.cli;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The stages after ingest, in the order {@code run} (and {@code bench}) runs them for one period. One list,
 * so a new stage is added in one place and the run, the benchmark and their docs cannot disagree.
 */
final class Pipeline {
  private Pipeline() {}

  /**
   * @param name the stage's name in ops.runs and on the command line
   * @param needsTaxonomy whether the stage compares categories, so is skipped for a program without a taxonomy
   * @param body runs the stage for a period
   */
  record Stage(String name, boolean needsTaxonomy, BiConsumer<RunContext, String> body) {}

  static final List<Stage> AFTER_INGEST = List.of(
      new Stage("unify", false, UnifyCommand::unify),
      new Stage("themes", false, ThemesCommand::themes),
      new Stage("sentiment", false, SentimentCommand::sentiment),
      new Stage("analyse", false, AnalyseCommand::analyse),
      new Stage("silences", true, SilencesCommand::silences),
      new Stage("report", false, ReportCommand::report));

  static List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("ingest"),
        AFTER_INGEST.stream().map(Stage::name)).toList();
  }
}
