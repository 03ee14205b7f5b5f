package io.luister.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One benchmark run's results, written as JSON (for tools) and as a Markdown table (for people). */
public record BenchReport(
    long items,
    long seed,
    String period,
    double totalWallSeconds,
    double floorSeconds,
    double floorRatio,
    long floorRecords,
    long floorTokens,
    int cores,
    String cpuModel,
    double memoryGb,
    long driverMaxHeapMb,
    String master,
    String sparkVersion,
    String javaVersion,
    String gitCommit,
    String finishedAt,
    double generateSeconds,
    List<Stage> stages,
    double pipelineCpuSeconds,
    double peakRssMb,
    PeerRun.Result peer) {

  /** One stage; {@code startSeconds} is when it started after the pipeline's start, as stages may overlap. */
  public record Stage(String name, double startSeconds, double wallSeconds, long rowsIn, long rowsOut, double rowsPerSecond,
      long peakDriverHeapMb, long shuffleWriteBytes, long shuffleReadBytes, long spillBytes, long inputBytes) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public Path write(Path dir, String stamp) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve("bench-" + items + "-" + stamp + ".json");
    JSON.writeValue(json.toFile(), this);
    Files.writeString(dir.resolve("bench-" + items + "-" + stamp + ".md"), markdown());
    Files.writeString(dir.resolve("README.md"), index(dir));
    return json;
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "# Benchmark: %,d items, period %s%n%n", items, period));
    md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %.1f GB memory; driver heap max %,d MB; master %s; "
        + "Spark %s, Java %s; commit %s; finished %s.%n%n", cores, cpuModel, memoryGb, driverMaxHeapMb, master,
        sparkVersion, javaVersion, gitCommit, finishedAt));
    md.append(String.format(Locale.ROOT, "Pipeline %.1f s (wall time from the first stage's start to the last one's end; stages overlap where the "
        + "start and wall columns say so); read-and-tokenise floor %.1f s (%,d records, %,d tokens); "
        + "ratio %.2f.%n%n", totalWallSeconds, floorSeconds, floorRecords, floorTokens, floorRatio));
    md.append("| stage | start s | wall s | rows in | rows out | rows/s | peak heap MB | shuffle write MB | spill MB |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Stage s : stages) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,d | %,d | %,.0f | %,d | %.1f | %.1f |%n", s.name,
          s.startSeconds, s.wallSeconds, s.rowsIn, s.rowsOut, s.rowsPerSecond, s.peakDriverHeapMb, s.shuffleWriteBytes / 1e6,
          s.spillBytes / 1e6));
    }
    if (peer != null) {
      md.append(sideBySide());
    }
    return md.toString();
  }

  /**
   * Luister and the pandas + scikit-learn peer on the same files, per stage and in total. The peer ran after the
   * pipeline, on its own. Luister's stages may overlap (themes, sentiment and silences run side by side), so its
   * total is the pipeline's wall time, not the sum of the column; the report stage has no counterpart in the peer.
   */
  String sideBySide() {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n## Side by side with the pandas + scikit-learn peer%n%n"
        + "The same files, the peer (`../shared/peer/peer_pipeline.py`) run after Luister's pipeline, not beside it.%n%n"
        + "| stage | Luister s | peer s | Luister / peer |%n|---|---:|---:|---:|%n"));
    for (Stage s : stages) {
      Double p = peer.stages().get(s.name);
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s |%n", s.name, s.wallSeconds,
          p == null ? "—" : String.format(Locale.ROOT, "%.1f", p), p == null || p <= 0 ? "—" : String.format(Locale.ROOT, "%.1f×", s.wallSeconds / p)));
    }
    double withoutReport = totalWallSeconds - stages.stream().filter(s -> s.name.equals("report")).mapToDouble(Stage::wallSeconds).sum();
    md.append(String.format(Locale.ROOT, "| **pipeline** (Luister without the report: %.1f s) | %.1f | %.1f | %.1f× |%n",
        withoutReport, totalWallSeconds, peer.totalSeconds(), peer.totalSeconds() > 0 ? totalWallSeconds / peer.totalSeconds() : 0));
    md.append(String.format(Locale.ROOT, "| CPU seconds (Luister: its process during the pipeline; peer: all its processes) | %.1f | %.1f | %s |%n",
        pipelineCpuSeconds, peer.cpuSeconds(), peer.cpuSeconds() > 0 ? String.format(Locale.ROOT, "%.1f×", pipelineCpuSeconds / peer.cpuSeconds()) : "—"));
    md.append(String.format(Locale.ROOT, "| peak memory MB (Luister: the JVM's resident peak; peer: its processes' PSS peak) | %,.0f | %,.0f | — |%n",
        peakRssMb, peer.peakAllProcessesMb()));
    md.append(String.format(Locale.ROOT, "%nThe peer's process took %.1f s in all (Python start-up and imports included).%n",
        peer.processSeconds()));
    return md.toString();
  }

  /** The index of every result in the folder: one line per run, newest first, with its stages' times. */
  static String index(Path dir) throws IOException {
    List<JsonNode> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().matches("bench-\\d+-.*\\.json")).toList()) {
        runs.add(JSON.readTree(p.toFile()));
      }
    }
    runs.sort(Comparator.comparing((JsonNode n) -> n.path("finished_at").asText()).reversed());
    StringBuilder md = new StringBuilder("# Benchmark results\n\n"
        + "Written by `bin/luister bench --items N` (one file pair per run; this index is rewritten each time). "
        + "Times in seconds; the floor is one Spark pass that reads every input and tokenises every text. Runs on "
        + "processors of another model are not comparable (the processor was recorded from 2026-12-05 on).\n\n"
        + "| finished | items | cores | processor | memory GB | pipeline s | floor s | ratio | stages (s) |\n"
        + "|---|---:|---:|---|---:|---:|---:|---:|---|\n");
    for (JsonNode n : runs) {
      StringBuilder stages = new StringBuilder();
      for (JsonNode s : n.path("stages")) {
        stages.append(stages.length() == 0 ? "" : ", ").append(s.path("name").asText())
            .append(String.format(Locale.ROOT, " %.1f", s.path("wall_seconds").asDouble()));
      }
      md.append(String.format(Locale.ROOT, "| %s | %,d | %d | %s | %.0f | %.1f | %.1f | %.2f | %s |%n",
          n.path("finished_at").asText(), n.path("items").asLong(), n.path("cores").asInt(),
          n.path("cpu_model").asText("not recorded"), n.path("memory_gb").asDouble(), n.path("total_wall_seconds").asDouble(), n.path("floor_seconds").asDouble(),
          n.path("floor_ratio").asDouble(), stages));
    }
    return md.toString();
  }
}
