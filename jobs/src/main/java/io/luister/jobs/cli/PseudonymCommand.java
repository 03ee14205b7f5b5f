package io.luister.jobs.cli;

import io.luister.common.privacy.Pseudonymizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pseudonym", mixinStandardHelpOptions = true,
    description = {"Prints the keyed pseudonym of an author handle (au_...) or a customer id (cu_...) under the "
        + "program's key, normalised as ingest does (handles: trimmed, lower-case, no leading @; ids: trimmed), "
        + "one per line in the order given (authors first). Use it to find a person's rows in the tables.",
        "No Spark is started."})
final class PseudonymCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Option(names = "--author", paramLabel = "HANDLE", description = "An author handle (@name or name); repeatable.")
  List<String> authors = new ArrayList<>();

  @Option(names = "--customer", paramLabel = "ID", description = "A customer id; repeatable.")
  List<String> customers = new ArrayList<>();

  @Override
  public Integer call() {
    if (authors.isEmpty() && customers.isEmpty()) {
      throw new IllegalArgumentException("give at least one --author HANDLE or --customer ID");
    }
    try (RunContext ctx = new RunContext(program)) {
      Pseudonymizer p = ctx.pseudonymizer();
      authors.forEach(a -> Console.out(p.author(a)));
      customers.forEach(c -> Console.out(p.customer(c)));
      return 0;
    }
  }
}
