package io.luister.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.test.CsvFiles;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.samples.SampleGenerator;
import io.luister.jobs.serve.CliRunner;
import io.luister.jobs.silences.DataHealth;
import io.luister.jobs.silences.SilenceFindings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A source at a hundred times its usual volume (an export loaded over and over, a bot campaign) goes through the whole
 * pipeline: the run finishes, every record is accounted for, and the flood is reported as the channel's data-health
 * problem instead of as silences of everything it crowds out. The memory side at scale is the bench's (performance.md).
 */
class HundredfoldSourceRunTest {
  private static final String PERIOD = "2026-Q3";
  private static final int COPIES = 99;

  @Test
  void aContactExportAtAHundredTimesItsUsualVolumeRunsThroughEveryStageAndIsFlaggedNotFailed() throws IOException {
    Path program = TestSpark.tempDir("hundredfold").resolve("program");
    SampleGenerator.generate(program, SampleGenerator.MIN_ITEMS, SampleGenerator.DEFAULT_SEED);
    Files.writeString(program.resolve("luister.yaml"), Files.readString(samplesConfig())
        + "\nreport: {output_dir: '" + program.resolve("reports") + "'}\n");
    Path export = program.resolve("contact/contacten_2026Q3.csv");
    List<List<String>> records = CsvFiles.parse(Files.readString(export, StandardCharsets.UTF_8), ';');
    long usual = records.size() - 1;  // the header
    Files.writeString(program.resolve("contact/contacten_2026Q3_again.csv"), copies(records), StandardCharsets.UTF_8);
    String warehouse = program.resolveSibling("warehouse").toString();

    CliRunner.Result run = CliRunner.run("run", "--config", program.resolve("luister.yaml").toString(),
        "--warehouse", warehouse, "--period", PERIOD);

    assertEquals(0, run.code(), run.printed());
    SparkSession spark = TestSpark.session();
    Warehouse tables = new Warehouse(warehouse);
    Row ingest = tables.read(spark, Layer.OPS, "runs")
        .filter(col("stage").equalTo("ingest").and(col("source").equalTo("contact_centre"))).first();
    long read = ingest.getLong(ingest.fieldIndex("rows_read"));
    assertEquals(read, ingest.getLong(ingest.fieldIndex("rows_accepted")) + ingest.getLong(ingest.fieldIndex("rows_quarantined")),
        "every record is accepted or quarantined");
    assertTrue(read >= (COPIES + 1) * usual, read + " records read, the quarter alone is " + (COPIES + 1) * usual);
    assertEquals(Set.of("ingest", "unify", "themes", "sentiment", "analyse", "silences", "report"),
        tables.read(spark, Layer.OPS, "runs").select("stage").distinct().collectAsList().stream()
            .map(r -> r.getString(0)).filter(s -> !s.equals("retention")).collect(Collectors.toSet()),
        "every stage ran");

    Row volume = tables.read(spark, Layer.GOLD, "data_health")
        .filter(col("period").equalTo(PERIOD).and(col("channel").equalTo("contact_centre")).and(col("check").equalTo("volume")))
        .first();
    assertEquals(DataHealth.PROBLEM, volume.getString(volume.fieldIndex("status")), volume.toString());
    double ratio = volume.getDouble(volume.fieldIndex("observed")) / volume.getDouble(volume.fieldIndex("expected"));
    assertTrue(ratio > 50, "the volume check sees about a hundred times the usual volume: " + volume);
    assertTrue(volume.getString(volume.fieldIndex("explanation_en")).contains("times the usual volume"), volume.toString());
    assertEquals(0, tables.read(spark, Layer.GOLD, "silences").filter(col("period").equalTo(PERIOD)
            .and(col("channel").equalTo("contact_centre")).and(col("status").equalTo(SilenceFindings.SILENCE))).count(),
        "a flooded channel gets no silences");
  }

  /**
   * The header, then every record COPIES times, each copy with its own id (the first field) so none is a duplicate;
   * ';'-separated with CRLF, as the contact centre's export.
   */
  private static String copies(List<List<String>> records) {
    List<List<String>> out = new ArrayList<>(List.of(records.get(0)));
    for (int copy = 1; copy <= COPIES; copy++) {
      for (List<String> record : records.subList(1, records.size())) {
        List<String> copied = new ArrayList<>(record);
        copied.set(0, record.get(0) + "-R" + copy);
        out.add(copied);
      }
    }
    return CsvFiles.write(out, ';', "\r\n");
  }

  private static Path samplesConfig() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("data-samples/luister.yaml"))) {
        return p.resolve("data-samples/luister.yaml");
      }
    }
    throw new IllegalStateException("no data-samples/luister.yaml above " + Paths.get("").toAbsolutePath());
  }
}
