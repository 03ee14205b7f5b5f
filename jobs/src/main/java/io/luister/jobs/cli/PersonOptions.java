package io.luister.jobs.cli;

import io.luister.common.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The people a command is about, as given on the command line (raw handles and ids: never print them). */
final class PersonOptions {
  @Option(names = "--author", paramLabel = "HANDLE", description = "An author handle (@name or name); repeatable.")
  List<String> authors = new ArrayList<>();

  @Option(names = "--customer", paramLabel = "ID", description = "A customer id; repeatable.")
  List<String> customers = new ArrayList<>();

  void requireSome() {
    if (authors.isEmpty() && customers.isEmpty()) {
      throw ConfigException.option("give at least one --author HANDLE or --customer ID");
    }
  }
}
