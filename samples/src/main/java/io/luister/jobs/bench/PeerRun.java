package io.luister.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.jobs.LuisterInfrastructureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the pandas + scikit-learn peer ({@code ../shared/peer/peer_pipeline.py}, #34) on the bench's own data folder,
 * after Luister's pipeline and never beside it, so the two are timed one after the other on the same files in one
 * bench run. The peer prints one JSON object as its last line of standard output; this reads it.
 */
public final class PeerRun {
  /**
   * @param totalSeconds the peer's own total (its stages, without the Python start-up)
   * @param processSeconds the whole peer process, start-up included, timed here
   * @param cpuSeconds user + system CPU of the peer and its worker processes
   * @param stages seconds per stage, under Luister's stage names
   */
  public record Result(double totalSeconds, double processSeconds, double cpuSeconds, double peakRssMb,
      double peakAllProcessesMb, Map<String, Double> stages) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private PeerRun() {}

  /**
   * @param python the interpreter of a venv with the peer's requirements
   * @param script peer_pipeline.py
   * @param log where the peer's output goes (kept for reading when it fails)
   */
  public static Result run(Path python, Path script, Path data, Path out, Path luisterHome, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    Process peer = new ProcessBuilder(List.of(python.toString(), script.toString(), "--data", data.toString(),
        "--out", out.toString(), "--luister-home", luisterHome.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = peer.waitFor();
    double processSeconds = (System.nanoTime() - start) / 1e9;
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    if (code != 0) {
      throw new LuisterInfrastructureException("the peer exited with " + code + " (killed for memory?); its output: " + log);
    }
    return parse(lines, processSeconds, log);
  }

  /** The result from the peer's output: its last line that is a JSON object with a "peer" field. */
  static Result parse(List<String> lines, double processSeconds, Path log) throws IOException {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("{\"peer\"")) {
        JsonNode n = JSON.readTree(lines.get(i));
        Map<String, Double> stages = new LinkedHashMap<>();
        n.path("stages").fields().forEachRemaining(e -> stages.put(e.getKey(), e.getValue().asDouble()));
        return new Result(n.path("total_seconds").asDouble(), processSeconds, n.path("cpu_seconds").asDouble(),
            n.path("peak_rss_mb").asDouble(), n.path("peak_pss_all_processes_mb").asDouble(), stages);
      }
    }
    throw new LuisterInfrastructureException("the peer printed no result line ({\"peer\": ...}); its output: " + log);
  }
}
