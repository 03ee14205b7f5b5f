package io.luister.jobs.bench;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.jobs.LuisterInfrastructureException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peer's result line, read back, and the side-by-side table the bench prints with it (#34). */
class PeerRunTest {
  static final List<String> OUTPUT = List.of(
      "peer: ingest 2.7 s {} (main peak rss 300 MB, all processes' peak pss 400 MB)",
      "{\"peer\": \"pandas+sklearn\", \"items_dir\": \"/d\", \"period\": \"2026-Q3\", \"total_seconds\": 14.1, "
          + "\"setup_seconds\": 0.4, \"stages\": {\"ingest\": 2.7, \"unify\": 5.2, \"themes\": 1.8}, "
          + "\"peak_rss_mb\": 665.0, \"peak_pss_all_processes_mb\": 1200.0, \"cpu_seconds\": 21.7}");

  @Test
  void readsTheLastResultLine() throws Exception {
    PeerRun.Result r = PeerRun.parse(OUTPUT, 15.0, Path.of("peer.log"));
    assertEquals(14.1, r.totalSeconds());
    assertEquals(15.0, r.processSeconds());
    assertEquals(21.7, r.cpuSeconds());
    assertEquals(1200.0, r.peakAllProcessesMb());
    assertEquals(Map.of("ingest", 2.7, "unify", 5.2, "themes", 1.8), r.stages());
  }

  @Test
  void aPeerWithoutAResultLineIsAnErrorNamingItsLog() {
    LuisterInfrastructureException e = assertThrows(LuisterInfrastructureException.class,
        () -> PeerRun.parse(List.of("Traceback (most recent call last):", "MemoryError"), 3.0, Path.of("/w/peer-10.log")));
    assertTrue(e.getMessage().contains("/w/peer-10.log"), e.getMessage());
  }

  @Test
  void theMarkdownPutsEveryStageBesideThePeersAndTheTotals() throws Exception {
    PeerRun.Result peer = PeerRun.parse(OUTPUT, 15.0, Path.of("peer.log"));
    List<BenchReport.Stage> stages = List.of(
        new BenchReport.Stage("ingest", 0, 27.0, 100, 100, 3.7, 500, 0, 0, 0, 0),
        new BenchReport.Stage("themes", 27, 9.0, 100, 100, 11, 500, 0, 0, 0, 0),
        new BenchReport.Stage("report", 36, 4.0, 0, 0, 0, 500, 0, 0, 0, 0));
    BenchReport report = new BenchReport(100_000, 1, "2026-Q3", 40.0, 1.4, 28.6, 100, 1000, 2, "cpu", 24, 4096,
        "local[*]", "4.1.0", "17", "abc", "t", 0, stages, 80.0, 3000, peer);
    String md = report.markdown();
    assertTrue(md.contains("| ingest | 27.0 | 2.7 | 10.0× |"), md);
    assertTrue(md.contains("| themes | 9.0 | 1.8 | 5.0× |"), md);
    assertTrue(md.contains("| report | 4.0 | — | — |"), md);
    assertTrue(md.contains("| **pipeline** (Luister without the report: 36.0 s) | 40.0 | 14.1 | 2.8× |"), md);
    assertTrue(md.contains("| 80.0 | 21.7 | 3.7× |"), md);
    assertFalse(new BenchReport(100_000, 1, "2026-Q3", 40.0, 1.4, 28.6, 100, 1000, 2, "cpu", 24, 4096, "local[*]",
        "4.1.0", "17", "abc", "t", 0, stages, 80.0, 3000, null).markdown().contains("peer"));
  }
}
