package io.luister.jobs.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The stages after ingest and what each needs, in the order {@code run} (and {@code bench}) starts them for one
 * period. One list, so a new stage is added in one place and the run, the benchmark and their docs cannot
 * disagree.
 *
 * <p>Stages whose inputs are ready run at the same time in one Spark application ({@link #run}). A stage keeps
 * some of the machine idle: its driver plans queries and commits to Delta between Spark jobs, and a model fit
 * runs on one partition. Themes, sentiment and silences all read only {@code silver.feedback}, so another
 * stage's tasks can fill that time.
 */
final class Pipeline {
  private Pipeline() {}

  /**
   * @param name the stage's name in ops.runs and on the command line
   * @param needsTaxonomy whether the stage compares categories, so is skipped for a program without a taxonomy
   * @param after the stages whose tables this one reads (every stage also needs ingest)
   * @param body runs the stage for a period
   */
  record Stage(String name, boolean needsTaxonomy, List<String> after, BiConsumer<RunContext, String> body) {}

  /** In an order that runs every stage after those it needs, so one stage at a time is this order. */
  static final List<Stage> AFTER_INGEST = List.of(
      new Stage("unify", false, List.of(), UnifyCommand::unify),
      new Stage("themes", false, List.of("unify"), ThemesCommand::themes),
      new Stage("sentiment", false, List.of("unify"), SentimentCommand::sentiment),
      new Stage("analyse", false, List.of("themes", "sentiment"), AnalyseCommand::analyse),
      new Stage("silences", true, List.of("unify"), SilencesCommand::silences),
      new Stage("report", false, List.of("analyse", "silences"), ReportCommand::report));

  /** Stages run at once by default: two, since one stage alone kept 60–73 % of two cores busy at 1M items. */
  static final int DEFAULT_CONCURRENT_STAGES = 2;

  /**
   * The stages after ingest that {@code wanted} names, without those that compare categories when the program has
   * no taxonomy (each of those is reported as skipped).
   */
  static List<Stage> forProgram(RunContext ctx, java.util.function.Predicate<String> wanted) {
    List<Stage> chosen = new ArrayList<>();
    for (Stage stage : AFTER_INGEST) {
      if (!wanted.test(stage.name())) {
        continue;
      }
      if (stage.needsTaxonomy() && ctx.taxonomy == null) {
        Console.info(stage.name() + ": skipped (it compares categories, and the config names no taxonomy)");
      } else {
        chosen.add(stage);
      }
    }
    return chosen;
  }

  static List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("ingest"),
        AFTER_INGEST.stream().map(Stage::name)).toList();
  }

  /**
   * Runs the given stages, each once the stages it needs among them have finished, at most {@code concurrent} at
   * a time, starting ready stages in list order; with 1, one after another in list order. A need outside the list
   * counts as met (the stage ran before, or is skipped). When a stage fails no further stage starts; the running
   * ones finish (each commits its own tables whole or not at all), and the first failure is thrown as it was.
   */
  static void run(List<Stage> stages, int concurrent, Consumer<Stage> runStage) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("--concurrent-stages must be at least 1, not " + concurrent);
    }
    Set<String> listed = new HashSet<>(stages.stream().map(Stage::name).toList());
    Set<String> done = new HashSet<>();
    List<Stage> waiting = new ArrayList<>(stages);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrent,
        r -> new Thread(r, "luister-stage-" + threadNumber.incrementAndGet()));
    ExecutorCompletionService<Stage> finished = new ExecutorCompletionService<>(pool);
    Throwable failure = null;
    int running = 0;
    try {
      while (true) {
        for (var it = waiting.iterator(); failure == null && running < concurrent && it.hasNext(); ) {
          Stage stage = it.next();
          if (stage.after().stream().allMatch(need -> done.contains(need) || !listed.contains(need))) {
            it.remove();
            finished.submit(() -> runStage.accept(stage), stage);
            running++;
          }
        }
        if (running == 0) {
          break;
        }
        Future<Stage> next = finished.take();
        running--;
        try {
          done.add(next.get().name());
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stages were running", e);
    } finally {
      pool.shutdownNow();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    if (!waiting.isEmpty()) {
      throw new IllegalArgumentException("stages " + waiting.stream().map(Stage::name).toList()
          + " need each other or a stage that never finished");
    }
  }
}
