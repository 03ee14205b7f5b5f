package io.luister.jobs.cli;

import io.luister.jobs.samples.SampleGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes a synthetic data set in the shape of data-samples/ (any size, deterministic), with its ground truth.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
  Path out;

  @Option(names = "--items", defaultValue = "60000", description = "Total feedback items over all sources and quarters. Default: ${DEFAULT-VALUE}.")
  long items;

  @Option(names = "--seed", defaultValue = "20260923", description = "Random seed; the same seed gives the same files. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws Exception {
    Console.info("generating " + items + " items into " + out + " (seed " + seed + ") ...");
    SampleGenerator.Summary summary = SampleGenerator.generate(out, items, seed);
    Console.out(String.valueOf(summary));
    return 0;
  }
}
