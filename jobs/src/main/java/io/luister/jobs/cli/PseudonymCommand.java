package io.luister.jobs.cli;

import io.luister.common.privacy.Pseudonymizer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pseudonym", mixinStandardHelpOptions = true,
    description = {"Prints the keyed pseudonym of an author handle (au_...) or a customer id (cu_...) under the "
        + "program's key, normalised as ingest does (handles: trimmed, lower-case, no leading @; ids: trimmed), "
        + "one per line in the order given (authors first). Use it to find a person's rows in the tables.",
        "No Spark is started."})
final class PseudonymCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Mixin
  PersonOptions people;

  @Override
  public Integer call() {
    people.requireSome();
    try (RunContext ctx = new RunContext(program)) {
      Pseudonymizer p = ctx.pseudonymizer();
      people.authors.forEach(a -> Console.out(p.author(a)));
      people.customers.forEach(c -> Console.out(p.customer(c)));
      return 0;
    }
  }
}
