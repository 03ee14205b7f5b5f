package io.luister.jobs.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How the commands that run the pipeline ({@code run}, {@code bench}) schedule its stages. */
final class StageOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  int concurrentStages;

  @Option(names = "--concurrent-stages", paramLabel = "N", defaultValue = "" + Pipeline.DEFAULT_CONCURRENT_STAGES,
      description = "Stages whose inputs are ready (themes, sentiment and silences after unify) run side by side, at "
          + "most N at once; ingest reads N sources and analyse computes N tables at once. 1 runs everything one "
          + "after another. Default: ${DEFAULT-VALUE}.")
  void concurrentStages(int n) {
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrent-stages must be at least 1, not " + n);
    }
    concurrentStages = n;
  }
}
