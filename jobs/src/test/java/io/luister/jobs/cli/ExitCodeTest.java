package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigException;
import io.luister.common.test.TestSpark;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.LuisterInfrastructureException;
import io.luister.jobs.SideBySide;
import io.luister.jobs.serve.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/**
 * The exit code a scheduler decides retries on: 2 when the config or command line is wrong, 3 when the data or the
 * warehouse's state cannot be processed as configured, 4 for everything else (infrastructure, or a bug). Asserted on
 * codes, never on message text.
 */
class ExitCodeTest {

  /** A valid program of one survey source in a fresh folder; returns the config's path. */
  private static String program(Path dir, String surveyCsv) throws IOException {
    Files.writeString(dir.resolve("s.csv"), surveyCsv);
    Files.writeString(dir.resolve("p.yaml"), """
        program: exits
        brand: {name: Acme}
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
        sources:
          - {name: nps, type: survey, path: s.csv, format: csv, mapping: {id: id, responded_at: at, comment: comment}}
        """);
    return dir.resolve("p.yaml").toString();
  }

  private static int exit(String... args) {
    CliRunner.Result result = CliRunner.run(args);
    return result.code();
  }

  @Test
  void aConfigThatBreaksARuleExitsWithTheConfigCode() throws IOException {
    Path dir = TestSpark.tempDir("exit-config");
    Files.writeString(dir.resolve("bad.yaml"), "program: x\nsources: []\n");
    assertEquals(Luister.EXIT_CONFIG, exit("unify", "--config", dir.resolve("bad.yaml").toString()));
  }

  @Test
  void aCommandLineValueLuisterRefusesExitsWithTheConfigCode() throws IOException {
    String config = program(TestSpark.tempDir("exit-options"), "id,at,comment\n");
    String warehouse = TestSpark.tempDir("exit-options-wh").toString();
    assertEquals(Luister.EXIT_CONFIG, exit("themes", "--config", config, "--period", "2026Q3"), "a period typo");
    assertEquals(Luister.EXIT_CONFIG, exit("ingest", "--config", config, "--warehouse", warehouse, "--source", "nope"),
        "a source the config does not have");
    assertEquals(Luister.EXIT_CONFIG, exit("export", "--config", config, "--warehouse", warehouse,
        "--table", "gold.themes", "--format", "docx"), "an export format");
    assertEquals(Luister.EXIT_CONFIG, exit("publish", "--config", config, "--warehouse", warehouse,
        "--period", "2026-Q3", "--jdbc", "jdbc:postgresql://127.0.0.1:1/none", "--schema", ""), "an empty schema name");
  }

  @Test
  void anOptionPicocliRefusesExitsWithTheConfigCode() {
    assertEquals(Luister.EXIT_CONFIG, exit("themes", "--no-such-option"));
    assertEquals(Luister.EXIT_CONFIG, exit("run", "--config", "p.yaml", "--concurrent-stages", "0"));
  }

  @Test
  void aMappedColumnMissingFromTheFileExitsWithTheDataCode() throws IOException {
    Path dir = TestSpark.tempDir("exit-data-mapping");
    String config = program(dir, "id,when,comment\nr1,2026-07-01 10:00:00,fine\n");
    assertEquals(Luister.EXIT_DATA, exit("ingest", "--config", config, "--warehouse", dir.resolve("wh").toString()));
  }

  @Test
  void aStageRunBeforeTheStageThatWritesItsInputExitsWithTheDataCode() throws IOException {
    Path dir = TestSpark.tempDir("exit-data-order");
    String config = program(dir, "id,at,comment\n");
    String empty = dir.resolve("wh").toString();
    for (String stage : List.of("themes", "sentiment", "silences", "analyse")) {
      assertEquals(Luister.EXIT_DATA, exit(stage, "--config", config, "--warehouse", empty, "--period", "2026-Q3"),
          stage + " before unify");
    }
  }

  @Test
  void publishingAWarehouseWithoutGoldTablesExitsWithTheDataCode() throws IOException {
    Path dir = TestSpark.tempDir("exit-data-publish");
    String config = program(dir, "id,at,comment\n");
    assertEquals(Luister.EXIT_DATA, exit("publish", "--config", config, "--warehouse", dir.resolve("wh").toString(),
        "--period", "2026-Q3", "--jdbc", "jdbc:postgresql://127.0.0.1:1/none"));
  }

  @Test
  void aDataErrorThrownInASparkTaskKeepsTheDataCode() {
    // Spark wraps what a task throws in its own "Job aborted due to stage failure" exception.
    Exception thrown = assertThrows(Exception.class, () -> TestSpark.session().range(1)
        .map((MapFunction<Long, Long>) id -> {
          throw new LuisterDataException("a malformed record in a task");
        }, Encoders.LONG()).collectAsList());
    assertFalse(thrown instanceof LuisterDataException, "Spark wraps it, so the code must look inside");
    assertEquals(Luister.EXIT_DATA, Luister.exitCode(thrown));
  }

  @Test
  void aFailureOnAWorkerThreadKeepsTheCodeOfLuistersOwnType() {
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> SideBySide.run(List.of(
        SideBySide.Work.of("ok", () -> {}),
        SideBySide.Work.of("stage", () -> {
          throw new CompletionException(new LuisterDataException("too few items"));
        })), 2, "exit-code-test"));
    assertEquals(Luister.EXIT_DATA, Luister.exitCode(thrown));
    assertEquals(Luister.EXIT_CONFIG, Luister.exitCode(
        new ExecutionException(new CompletionException(ConfigException.option("--period: not a quarter")))));
  }

  @Test
  void aBareJdkExceptionIsABugOrAnInfrastructureFailureNotAConfigError() {
    assertEquals(Luister.EXIT_INFRA, Luister.exitCode(new IllegalArgumentException("a caller's slip")));
    assertEquals(Luister.EXIT_INFRA, Luister.exitCode(new IllegalStateException("an impossible state")));
    assertEquals(Luister.EXIT_INFRA, Luister.exitCode(new ExecutionException(new IllegalArgumentException("slip"))));
    assertEquals(Luister.EXIT_INFRA, Luister.exitCode(new LuisterInfrastructureException("publish failed",
        new java.sql.SQLException("connection refused"))));
  }
}
