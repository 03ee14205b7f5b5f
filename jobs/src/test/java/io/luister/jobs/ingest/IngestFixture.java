package io.luister.jobs.ingest;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Layer;
import io.luister.common.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A program in a temporary folder: write export files and a config, ingest, read the tables back. */
final class IngestFixture {
  static final Instant RUN_STARTED = Instant.parse("2026-11-01T00:00:00Z");
  static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("test-key-0123456789abcdef");

  final Path dir;
  final SparkSession spark = TestSpark.session();
  final Warehouse warehouse;

  IngestFixture() {
    this.dir = TestSpark.tempDir("ingest");
    this.warehouse = new Warehouse(dir.resolve("warehouse").toString());
  }

  IngestFixture file(String name, String content) {
    return file(name, content, Charset.forName("UTF-8"));
  }

  IngestFixture file(String name, String content, Charset charset) {
    return bytes(name, content.getBytes(charset));
  }

  IngestFixture bytes(String name, byte[] content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A program with our brand Acme (accounts @acme, @AcmeHelp), competitor Rival (@rival) and the given sources. */
  /**
   * The fixtures are mostly broken records on purpose, so the quarantine limit is lifted here; IngestGuardsTest
   * tests the limit with {@link #configWithIngest}.
   */
  ProgramConfig config(String sourcesYaml) {
    return configWithIngest("ingest: {max_quarantine_share: 1.0}\n", sourcesYaml);
  }

  /** The same program with top-level YAML (such as an ingest: block) added. */
  ProgramConfig configWithIngest(String topLevelYaml, String sourcesYaml) {
    String yaml = """
        program: acme
        brand: {name: Acme, aliases: [acme], accounts: ["@acme", "@AcmeHelp"]}
        competitors:
          - {name: Rival, aliases: [rival], accounts: ["@rival"]}
        timezone: Europe/Amsterdam
        """ + topLevelYaml + "sources:\n" + sourcesYaml.indent(2);
    file("program.yaml", yaml);
    return ConfigLoader.load(dir.resolve("program.yaml"));
  }

  IngestResult ingest(ProgramConfig config, String source) {
    IngestStage stage = new IngestStage(spark, config, warehouse, PSEUDONYMIZER, "test-run", RUN_STARTED);
    return stage.ingest(config.source(source).orElseThrow());
  }

  Dataset<Row> bronze(String source) {
    return warehouse.read(spark, Layer.BRONZE, source);
  }

  Dataset<Row> quarantine(String source) {
    return warehouse.read(spark, Layer.OPS, IngestTransforms.QUARANTINE_TABLE).filter("source = '" + source + "'");
  }

  /** reason code → record numbers, sorted, for compact assertions. */
  List<String> quarantineSummary(String source) {
    return quarantine(source).orderBy("input_file", "record_number").collectAsList().stream()
        .map(r -> fileName(r.getString(r.fieldIndex("input_file"))) + "#" + r.getLong(r.fieldIndex("record_number"))
            + ":" + r.getString(r.fieldIndex("reason_code")))
        .toList();
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
