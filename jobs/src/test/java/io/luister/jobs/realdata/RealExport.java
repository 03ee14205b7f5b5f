package io.luister.jobs.realdata;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.test.TestSpark;
import io.luister.common.warehouse.Warehouse;
import io.luister.jobs.ingest.IngestResult;
import io.luister.jobs.ingest.IngestStage;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A real public export ingested through one of docs/examples' configurations alone, into a fresh warehouse, as of a
 * fixed run date (so "after the run" never depends on today).
 */
record RealExport(ProgramConfig config, Warehouse warehouse, IngestResult result) {
  static final Instant RUN_DATE = Instant.parse("2026-11-01T00:00:00Z");

  /** Ingests the configuration's first source. */
  static RealExport ingest(Path configFile, String name) {
    ProgramConfig config = ConfigLoader.load(configFile);
    Warehouse warehouse = new Warehouse(TestSpark.tempDir(name).toString());
    IngestStage stage = new IngestStage(TestSpark.session(), config, warehouse,
        new Pseudonymizer(Pseudonymizer.DEVELOPMENT_KEY), name + "-test", RUN_DATE);
    return new RealExport(config, warehouse, stage.ingest(config.sources().get(0)));
  }
}
