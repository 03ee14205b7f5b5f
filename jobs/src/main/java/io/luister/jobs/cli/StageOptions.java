package io.luister.jobs.cli;

import picocli.CommandLine.Option;

/** How the commands that run the pipeline ({@code run}, {@code bench}) schedule its stages. */
final class StageOptions {
  @Option(names = "--concurrent-stages", paramLabel = "N", defaultValue = "" + Pipeline.DEFAULT_CONCURRENT_STAGES,
      description = "Stages whose inputs are ready (themes, sentiment and silences after unify) run side by side, at "
          + "most N at once; ingest reads N sources and analyse computes N tables at once. 1 runs everything one "
          + "after another. Default: ${DEFAULT-VALUE}.")
  int concurrentStages;
}
