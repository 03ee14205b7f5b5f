package io.luister.jobs.cli;

import io.luister.common.config.SourceConfig;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.ingest.Preflight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Preflight in seconds: for every source, reads the files' headers and the first "
        + Preflight.SAMPLE_RECORDS + " records of each file, maps and checks them as ingest would, and prints the "
        + "columns found, a few parsed records (masked), the share and top reasons of what would be quarantined, the "
        + "brand share and concrete advice. Writes nothing.",
        "Exits 3 when a source would be refused (an unreadable file, a missing column) or would lose more than "
            + "ingest.max_quarantine_share of its sample. run performs the same check first."})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  ProgramOptions program;

  @Override
  public Integer call() {
    try (RunContext ctx = new RunContext(program)) {
      List<String> failing = check(ctx, true);
      if (!failing.isEmpty()) {
        throw new LuisterDataException("check: " + failing.size() + " source(s) would fail ingest: " + String.join("; ", failing));
      }
      return 0;
    }
  }

  /**
   * Checks every source; prints the findings (all of them when {@code verbose}, else only the sources that fail);
   * returns the sources that would fail ingest, each with why.
   */
  static List<String> check(RunContext ctx, boolean verbose) {
    long start = System.nanoTime();
    Preflight preflight = new Preflight(ctx.spark(), ctx.config, ctx.pseudonymizer());
    List<String> failing = new ArrayList<>();
    for (SourceConfig source : ctx.config.sources()) {
      Preflight.SourceCheck c = preflight.check(source);
      if (c.fails()) {
        failing.add(c.source() + (c.refusal() != null ? " (refused: " + c.refusal() + ")"
            : String.format(" (%.1f %% of the sample quarantined, limit %.1f %%)", 100 * c.share(), 100 * c.limit())));
      }
      if (verbose || c.fails()) {
        print(source, c);
      }
    }
    Console.info(String.format("check: %d source(s) in %.1f s", ctx.config.sources().size(), (System.nanoTime() - start) / 1e9));
    return failing;
  }

  private static void print(SourceConfig source, Preflight.SourceCheck c) {
    Console.out("");
    Console.out("source " + c.source() + " (" + source.type().configName() + ", " + source.format().configName() + ", "
        + c.files() + " file(s) at " + source.path() + ")");
    if (c.refusal() != null) {
      Console.out("  REFUSED: " + c.refusal());
      return;
    }
    Console.out("  columns found: " + c.columns());
    Console.out("  mapped:        " + source.mapping());
    Console.out(String.format("  sample: %,d record(s) read, %,d would be quarantined (%.1f %%; limit %.1f %%)%s",
        c.read(), c.quarantined(), 100 * c.share(), 100 * c.limit(), c.share() > c.limit() ? "  -> WOULD BE REFUSED" : ""));
    for (String r : c.topReasons()) {
      Console.out("    " + r);
    }
    if (c.brandShare() >= 0) {
      Console.out(String.format("  brand given by the export: %.1f %% of accepted records", 100 * c.brandShare()));
    }
    Console.out("  language mix: not measured here (detected in unify)");
    for (String e : c.examples()) {
      Console.out("  e.g. " + Console.inert(e));
    }
    for (String a : c.advice()) {
      Console.out("  advice: " + a);
    }
  }
}
