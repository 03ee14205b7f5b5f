package io.luister.jobs.cli;

import io.luister.jobs.SideBySide;
import io.luister.jobs.ingest.IngestStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The stages after ingest and what each needs, in the order {@code run} (and {@code bench}) starts them for one
 * period. One list, so a new stage is added in one place and the run, the benchmark and their docs cannot
 * disagree.
 *
 * <p>Stages whose inputs are ready run at the same time in one Spark application ({@link #run}). Themes,
 * sentiment and silences all read only {@code silver.feedback}, so each can fill the time another leaves the
 * cores idle.
 */
final class Pipeline {
  private Pipeline() {}

  /**
   * @param name the stage's name in ops.runs and on the command line
   * @param after the stages whose tables this one reads (every stage also needs ingest)
   * @param body runs the stage for a period
   * @param bodyForPeriods runs it for several periods, oldest first (a backfill and the analysis period): one call
   *     per period, or one pass over them all where the stage can ({@code analyse})
   */
  record Stage(String name, List<String> after, BiConsumer<RunContext, String> body,
      BiConsumer<RunContext, List<String>> bodyForPeriods) {
    /** A stage that runs once per period. */
    Stage(String name, List<String> after, BiConsumer<RunContext, String> body) {
      this(name, after, body, (ctx, periods) -> periods.forEach(period -> body.accept(ctx, period)));
    }
  }

  /** In an order that runs every stage after those it needs, so one stage at a time is this order. */
  static final List<Stage> AFTER_INGEST = List.of(
      new Stage("unify", List.of(), UnifyCommand::unify),
      new Stage("themes", List.of("unify"), ThemesCommand::themes),
      new Stage("sentiment", List.of("unify"), SentimentCommand::sentiment),
      new Stage("analyse", List.of("themes", "sentiment"), AnalyseCommand::analyse, AnalyseCommand::analyse),
      new Stage("silences", List.of("unify"), SilencesCommand::silences),
      new Stage("report", List.of("analyse", "silences"), ReportCommand::report));

  /** A stage of the whole pipeline and the stages it runs after: {@link #whole}. */
  record Step(String name, List<String> after) {}

  /**
   * Every stage {@code run} runs, in an order that runs each after those it needs: ingest; the stages after ingest
   * (one that needs no other stage after ingest); retention, once the stages no other stage waits for have finished
   * (run applies it after them all). What {@code stages --json} prints for the Airflow DAG.
   */
  static List<Step> whole() {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(IngestStage.NAME, List.of()));
    AFTER_INGEST.forEach(stage -> steps.add(
        new Step(stage.name(), stage.after().isEmpty() ? List.of(IngestStage.NAME) : stage.after())));
    Set<String> waitedFor = AFTER_INGEST.stream().flatMap(stage -> stage.after().stream())
        .collect(java.util.stream.Collectors.toSet());
    steps.add(new Step(RetentionCommand.STAGE,
        AFTER_INGEST.stream().map(Stage::name).filter(name -> !waitedFor.contains(name)).toList()));
    return steps;
  }

  /** Stages run at once by default: two, since one stage alone kept 60–73 % of two cores busy at 1M items. */
  static final int DEFAULT_CONCURRENT_STAGES = 2;

  /**
   * The stages after ingest that {@code wanted} names. Every stage runs without a taxonomy too: the silence stage
   * then runs only its data-health checks (its tests compare categories), so a program without one still gets
   * gold.data_health, and the Airflow DAG, which runs every stage, does not fail on it.
   */
  static List<Stage> forProgram(java.util.function.Predicate<String> wanted) {
    return AFTER_INGEST.stream().filter(stage -> wanted.test(stage.name())).toList();
  }

  static List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("ingest"),
        AFTER_INGEST.stream().map(Stage::name)).toList();
  }

  /**
   * Runs the given stages side by side ({@link SideBySide#run}): each once the stages it needs among them have
   * finished, at most {@code concurrent} at a time; with 1, one after another in list order. When a stage fails no
   * further stage starts, the running ones finish, and the first failure is thrown as it was.
   */
  static void run(List<Stage> stages, int concurrent, Consumer<Stage> runStage) {
    SideBySide.run(stages.stream().map(stage -> new SideBySide.Work(stage.name(), stage.after(),
        () -> runStage.accept(stage))).toList(), concurrent, "luister-stage");
  }
}
