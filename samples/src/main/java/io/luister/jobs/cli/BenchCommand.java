package io.luister.jobs.cli;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ConfigException;
import io.luister.jobs.AnalysisPeriod;
import io.luister.jobs.LuisterInfrastructureException;
import io.luister.jobs.bench.BenchReport;
import io.luister.jobs.bench.PeerRun;
import io.luister.jobs.bench.ReadTokeniseFloor;
import io.luister.jobs.bench.StageProbe;
import io.luister.jobs.ingest.IngestResult;
import io.luister.jobs.ops.RunLog;
import io.luister.jobs.samples.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measures the pipeline: generates a deterministic data set of N items over five quarters (the "
        + "samples' generator), runs every stage for the last complete quarter in a fresh warehouse, and writes per "
        + "stage wall time, rows in/out, rows per second, peak driver heap, shuffle and spill bytes, and the ratio to "
        + "the read-and-tokenise floor measured in the same run.",
        "Results: bench/results/bench-<items>-<time>.json and .md, indexed in bench/results/README.md."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--items", defaultValue = "100000",
      description = "Feedback items to generate over all sources and quarters. Default: ${DEFAULT-VALUE}.")
  long items;

  @Option(names = "--seed", defaultValue = "20260923", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--stages", split = ",", paramLabel = "STAGE",
      description = "Stages to run (comma-separated, in pipeline order); default all. Later stages need the earlier "
          + "ones' tables, so a subset is for profiling one stage after a full run in the same --work folder.")
  List<String> stages;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Scratch folder for generated data (kept and reused for the same items and seed) and the "
          + "warehouse (recreated). Default: bench/work in the Luister folder.")
  Path work;

  @Option(names = "--results", paramLabel = "DIR", description = "Where results go. Default: bench/results in the Luister folder.")
  Path results;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:LUISTER_SPARK_MASTER:-local[*]}",
      description = "Spark master. Default: ${DEFAULT-VALUE}.")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting, repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(names = "--peer", description = "Also run the pandas + scikit-learn peer (../shared/peer) on the same files "
      + "after the pipeline, and report both side by side. Needs Python 3; the peer's venv is made on first use.")
  boolean peer;

  @Option(names = "--peer-script", paramLabel = "FILE", description = "The peer's peer_pipeline.py. Default: "
      + "../shared/peer/peer_pipeline.py beside the Luister folder.")
  Path peerScript;

  @Option(names = "--peer-python", paramLabel = "FILE", description = "A Python with the peer's requirements. Default: "
      + "the venv <work>/peer-venv, made from the peer's requirements.txt when absent.")
  Path peerPython;

  @Mixin
  StageOptions stageOptions;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("luister.home", "."));
    Path workDir = work != null ? work : home.resolve("bench/work");
    Path resultsDir = results != null ? results : home.resolve("bench/results");
    List<String> wanted = stages == null || stages.isEmpty() ? Pipeline.names() : stages;
    for (String s : wanted) {
      if (!Pipeline.names().contains(s)) {
        throw ConfigException.option("--stages: unknown stage '" + s + "'; stages are " + Pipeline.names());
      }
    }

    Path data = workDir.resolve("data-" + items + "-" + seed);
    double generateSeconds = generate(home, data);
    Path warehouse = workDir.resolve("warehouse-" + items);
    if (wanted.contains("ingest")) {
      deleteRecursively(warehouse);
    }

    Path peerPipeline = peerScript != null ? peerScript : home.toAbsolutePath().resolveSibling("shared/peer/peer_pipeline.py");
    if (peer && !Files.isRegularFile(peerPipeline)) {
      throw ConfigException.option("--peer: the peer's script " + peerPipeline + " does not exist; give it with --peer-script");
    }
    ProgramOptions options = new ProgramOptions();
    options.config = data.resolve("luister.yaml");
    options.warehouse = warehouse.toString();
    options.master = master;
    options.sparkConf.putAll(sparkConf);
    long started = System.nanoTime();
    try (RunContext ctx = new RunContext(options, stageOptions.concurrentStages);
        StageProbe probe = new StageProbe(ctx.spark())) {
      // The floor runs before (also warming the file cache and the JIT) and after the pipeline; the faster
      // of the two is reported, which makes the pipeline's ratio the conservative one.
      ReadTokeniseFloor.Result floorBefore = ReadTokeniseFloor.measure(ctx.spark(), ctx.config);
      Console.info(String.format("bench: floor (before) %.1f s over %,d records", floorBefore.seconds(), floorBefore.records()));
      Map<String, Timing> timings = new ConcurrentHashMap<>();
      long pipelineStart = System.nanoTime();
      long cpuStart = processCpuNanos();
      String period = null;
      if (wanted.contains("ingest")) {
        List<IngestResult> ingested = new ArrayList<>();
        timed(probe, "ingest", pipelineStart, timings, () -> ingested.addAll(IngestCommand.ingest(ctx, List.of(), null)));
        period = AnalysisPeriod.choose(null, ingested.stream().flatMap(r -> r.quarters().stream()).toList());
      } else {
        period = ctx.analysisPeriod(null);
      }
      String chosen = period;
      Pipeline.run(Pipeline.forProgram(wanted::contains), ctx.concurrentWork,
          stage -> timed(probe, stage.name(), pipelineStart, timings, () -> stage.body().accept(ctx, chosen)));
      double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
      double pipelineCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      List<BenchReport.Stage> measured = measured(ctx, probe, timings);
      ReadTokeniseFloor.Result floorAfter = ReadTokeniseFloor.measure(ctx.spark(), ctx.config);
      double floor = Math.min(floorBefore.seconds(), floorAfter.seconds());
      PeerRun.Result peerResult = null;
      if (peer) {
        Console.info("bench: the peer on the same files ...");
        peerResult = PeerRun.run(peerInterpreter(workDir, peerPipeline), peerPipeline, data,
            workDir.resolve("peer-out-" + items), home.toAbsolutePath(), workDir.resolve("peer-" + items + ".log"));
        Console.info(String.format("bench: peer %.1f s (its process %.1f s)", peerResult.totalSeconds(), peerResult.processSeconds()));
      }
      Instant finished = Instant.now();
      BenchReport report = new BenchReport(items, seed, chosen, pipelineSeconds, floor,
          floor > 0 ? pipelineSeconds / floor : 0, floorAfter.records(), floorAfter.tokens(),
          Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryGb(), Runtime.getRuntime().maxMemory() >> 20,
          master, ctx.spark().version(), System.getProperty("java.version"), gitCommit(home),
          finished.toString(), generateSeconds, measured, pipelineCpuSeconds, peakRssMb(), peerResult);
      Path json = report.write(resultsDir,
          DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(finished));
      Console.out(report.markdown());
      Console.info(String.format("bench: %d items in %.1f s overall; results in %s", items,
          (System.nanoTime() - started) / 1e9, json));
    }
    return 0;
  }

  /** The peer's Python: --peer-python, or a venv in the work folder made from the peer's requirements once. */
  private Path peerInterpreter(Path workDir, Path peerPipeline) throws IOException, InterruptedException {
    if (peerPython != null) {
      return peerPython;
    }
    Path venv = workDir.resolve("peer-venv");
    Path python = venv.resolve("bin/python");
    if (!Files.isExecutable(python) || !Files.exists(venv.resolve(".installed"))) {
      Console.info("bench: making the peer's venv in " + venv + " ...");
      runOrFail(List.of("python3", "-m", "venv", venv.toString()));
      runOrFail(List.of(python.toString(), "-m", "pip", "install", "-q", "-r",
          peerPipeline.resolveSibling("requirements.txt").toString()));
      Files.writeString(venv.resolve(".installed"), Instant.now().toString());
    }
    return python;
  }

  private static void runOrFail(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new LuisterInfrastructureException("bench: `" + String.join(" ", command) + "` failed");
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  /** The process's peak resident memory (Linux VmHWM), MB; 0 where it cannot be read. */
  private static double peakRssMb() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", ""))
          .mapToDouble(kb -> Long.parseLong(kb) / 1024.0).findFirst().orElse(0);
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** When a stage started (seconds after the pipeline's start), how long it ran, and the peak heap meanwhile. */
  private record Timing(double startSeconds, double seconds, long peakHeapBytes) {}

  private static void timed(StageProbe probe, String name, long pipelineStart, Map<String, Timing> timings, Runnable body) {
    probe.begin(name);
    long start = System.nanoTime();
    try {
      body.run();
    } finally {
      long peak = probe.end(name);
      timings.put(name, new Timing((start - pipelineStart) / 1e9, (System.nanoTime() - start) / 1e9, peak));
    }
  }

  /** Each stage's figures in the order the stages started, rows in/out from what they logged in ops.runs. */
  private static List<BenchReport.Stage> measured(RunContext ctx, StageProbe probe, Map<String, Timing> timings) {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : ctx.warehouse.read(ctx.spark(), io.luister.common.warehouse.Layer.OPS, RunLog.TABLE)
        .filter(col("run_id").equalTo(ctx.runId)).groupBy("stage")
        .agg(coalesce(sum("rows_read"), lit(0L)), coalesce(sum("rows_accepted"), lit(0L))).collectAsList()) {
      rows.put(r.getString(0), r);
    }
    List<BenchReport.Stage> measured = new ArrayList<>();
    timings.entrySet().stream().sorted(Comparator.comparingDouble(e -> e.getValue().startSeconds())).forEach(e -> {
      Timing t = e.getValue();
      StageProbe.Totals used = probe.totals(e.getKey());
      Row r = rows.get(e.getKey());
      long in = r == null ? 0 : r.getLong(1);
      long out = r == null ? 0 : r.getLong(2);
      measured.add(new BenchReport.Stage(e.getKey(), t.startSeconds(), t.seconds(), in, out,
          t.seconds() > 0 ? in / t.seconds() : 0, t.peakHeapBytes() >> 20, used.shuffleWriteBytes(),
          used.shuffleReadBytes(), used.spillBytes(), used.inputBytes()));
    });
    return measured;
  }

  /** Generates the data set once per (items, seed); a marker file says a previous generation completed. */
  private double generate(Path home, Path data) throws IOException {
    Path done = data.resolve(".generated");
    if (Files.exists(done)) {
      Console.info("bench: reusing " + data);
      return 0;
    }
    long start = System.nanoTime();
    Console.info(String.format("bench: generating %,d items into %s ...", items, data));
    SampleGenerator.generate(data, items, seed);
    // The generated exports have the samples' shape, so the samples' program config fits them.
    Files.copy(home.resolve("data-samples/luister.yaml"), data.resolve("luister.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // The report stage writes files: into the work folder, not wherever the bench was started.
    if (!Files.readString(data.resolve("luister.yaml")).contains("\nreport:")) {
      Files.writeString(data.resolve("luister.yaml"), "\nreport: {output_dir: '"
          + data.resolve("reports").toAbsolutePath().toString().replace("'", "''") + "'}\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    Files.writeString(done, Instant.now().toString());
    return (System.nanoTime() - start) / 1e9;
  }

  /** The processor's model name (Linux), so runs on machines of one size but another speed are told apart. */
  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(System.getProperty("os.arch"));
    } catch (IOException | UncheckedIOException e) {
      return System.getProperty("os.arch");
    }
  }

  private static double totalMemoryGb() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }
    return 0;
  }

  private static String gitCommit(Path home) {
    try {
      Process git = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "--short", "HEAD")
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      return git.waitFor() == 0 ? out : "unknown";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
