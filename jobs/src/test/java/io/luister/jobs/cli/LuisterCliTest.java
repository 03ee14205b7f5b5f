package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import io.luister.jobs.serve.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LuisterCliTest {

  /** Runs the CLI in this JVM (on the shared test SparkSession) and returns exit code and standard output. */
  private static Object[] run(String... args) {
    CliRunner.Result result = CliRunner.run(args);
    return new Object[] {result.code(), result.out()};
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "ingest", "unify", "silences", "analyse", "report", "pseudonym", "sql"}) {
      Object[] result = run(command, "--help");
      assertEquals(0, result[0], command);
      assertTrue(((String) result[1]).contains("Usage: luister " + command), (String) result[1]);
    }
  }

  @Test
  void printsPseudonymsUnderTheProgramsKeyNormalisedAsIngestDoes() throws IOException {
    Path dir = TestSpark.tempDir("cli");
    Files.writeString(dir.resolve("s.csv"), "id\n");
    Files.writeString(dir.resolve("p.yaml"), """
        program: cli
        brand: {name: Acme}
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
        sources:
          - {name: nps, type: survey, path: s.csv, format: csv, mapping: {id: id, responded_at: at}}
        """);
    Object[] result = run("pseudonym", "--config", dir.resolve("p.yaml").toString(), "--author", " @Jan_V ",
        "--author", "jan_v", "--customer", " K123 ");
    assertEquals(0, result[0]);
    io.luister.common.privacy.Pseudonymizer p =
        new io.luister.common.privacy.Pseudonymizer(io.luister.jobs.serve.CliRunner.TEST_KEY);
    assertEquals(String.join("\n", p.author("jan_v"), p.author("jan_v"), p.customer("K123")),
        ((String) result[1]).strip().replace("\r", ""));
  }

  @Test
  void aBadConfigExitsWithTheConfigCode() throws IOException {
    Path dir = TestSpark.tempDir("cli");
    Files.writeString(dir.resolve("bad.yaml"), "program: x\nsources: []\n");
    assertEquals(Luister.EXIT_CONFIG, run("ingest", "--config", dir.resolve("bad.yaml").toString())[0]);
    assertEquals(Luister.EXIT_CONFIG, run("run", "--config", dir.resolve("bad.yaml").toString(), "--period", "2026Q3")[0]);
  }

  /**
   * A program in {@code dir} of two sources: contacts, which ingest refuses (its file is comma-separated, the config
   * says semicolons, so the mapped columns are missing), and a healthy survey; returns the config's path.
   */
  private static String programWithARefusedSource(Path dir) throws IOException {
    Files.writeString(dir.resolve("contacts.csv"), "ContactID,Startdatum,Notities\nc1,01-07-2026 10:00,x\n");
    Files.writeString(dir.resolve("s.csv"), "id,at,comment\nr1,2026-07-01 10:00:00,fine\n");
    Files.writeString(dir.resolve("p.yaml"), """
        program: cli
        brand: {name: Acme}
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
        sources:
          - {name: contacts, type: contact, path: contacts.csv, format: csv, options: {delimiter: ";"},
             mapping: {id: ContactID, started_at: Startdatum, notes: Notities}}
          - {name: nps, type: survey, path: s.csv, format: csv, mapping: {id: id, responded_at: at, comment: comment}}
        """);
    return dir.resolve("p.yaml").toString();
  }

  @Test
  void aRefusedSourceIsLoggedAndNamedWhileTheOtherSourcesAreStillIngested() throws IOException {
    Path dir = TestSpark.tempDir("cli-refused");
    String config = programWithARefusedSource(dir);
    String warehouse = dir.resolve("wh").toString();
    CliRunner.Result ingest = CliRunner.run("ingest", "--config", config, "--warehouse", warehouse);
    assertEquals(Luister.EXIT_DATA, ingest.code(), ingest.printed());
    assertTrue(ingest.printed().contains("1 source(s) refused") && ingest.printed().contains("contacts.csv"),
        ingest.printed());
    Object[] runs = run("sql", "--config", config, "--warehouse", warehouse, "--format", "csv",
        "SELECT source, status, rows_read, rows_accepted FROM ops.runs ORDER BY source");
    assertEquals("source,status,rows_read,rows_accepted\ncontacts,refused,0,0\nnps,ok,1,1\n", runs[1],
        "the source after the refused one is ingested, and both are logged");
  }

  @Test
  void runChecksTheSourceItsIngestRefusedAndOnlyThatOne() throws IOException {
    Path dir = TestSpark.tempDir("cli-run-refused");
    CliRunner.Result run = CliRunner.run("run", "--config", programWithARefusedSource(dir),
        "--warehouse", dir.resolve("wh").toString());
    assertEquals(Luister.EXIT_DATA, run.code(), run.printed());
    String printed = run.printed();
    assertTrue(printed.contains("source contacts (contact, csv") && printed.contains("REFUSED:")
        && printed.contains("check: contacts (refused:"), "check's findings on the refused source: " + printed);
    assertFalse(printed.contains("source nps ("), "the healthy source is not checked again: " + printed);
    assertTrue(printed.indexOf("ingest: contacts refused") < printed.indexOf("source contacts (contact, csv"),
        "checked after ingest refused it: " + printed);
  }

  @Test
  void ingestsAndQueriesTheWarehouseByTableName() throws IOException {
    Path dir = TestSpark.tempDir("cli");
    Files.writeString(dir.resolve("s.csv"), "id,at,comment\nr1,2026-07-01 10:00:00,=cmd|' /C calc'!A0\nr2,2026-07-02 10:00:00,\"fine, thanks\"\nr2,2026-07-03 10:00:00,dup\n");
    Files.writeString(dir.resolve("p.yaml"), """
        program: cli
        brand: {name: Acme}
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
        ingest: {max_quarantine_share: 0.5}   # one duplicate in three records, on purpose
        sources:
          - {name: nps, type: survey, path: s.csv, format: csv, mapping: {id: id, responded_at: at, comment: comment}}
        """);
    String config = dir.resolve("p.yaml").toString();
    String warehouse = dir.resolve("wh").toString();
    assertEquals(0, run("ingest", "--config", config, "--warehouse", warehouse)[0]);

    Object[] runs = run("sql", "--config", config, "--warehouse", warehouse, "--format", "csv",
        "SELECT source, rows_read, rows_accepted, rows_quarantined FROM ops.runs");
    assertEquals(0, runs[0]);
    assertEquals("source,rows_read,rows_accepted,rows_quarantined\nnps,3,2,1\n", runs[1]);

    Object[] comments = run("sql", "--config", config, "--warehouse", warehouse, "--format", "csv",
        "SELECT comment FROM bronze.nps ORDER BY id");
    assertEquals("comment\n\"'=cmd|' /C calc'!A0\"\n\"fine, thanks\"\n", comments[1], "formula cells are neutralised");

    Object[] json = run("sql", "--config", config, "--warehouse", warehouse, "--format", "json",
        "SELECT reason_code FROM ops.quarantine");
    assertEquals("{\"reason_code\":\"DUPLICATE_ID\"}\n", json[1]);

    Object[] table = run("sql", "--config", config, "--warehouse", warehouse, "SELECT id FROM bronze.nps ORDER BY id");
    assertEquals("id\n--\nr1\nr2\n", table[1]);

    // Several queries in one Spark session, each result to its own file (the test command's exports).
    Path ids = dir.resolve("ids.csv");
    Path reasons = dir.resolve("reasons.csv");
    Object[] two = run("sql", "--config", config, "--warehouse", warehouse, "--format", "csv",
        "-o", ids.toString(), "SELECT id FROM bronze.nps ORDER BY id", "-o", reasons.toString(),
        "SELECT reason_code FROM ops.quarantine");
    assertEquals(0, two[0]);
    assertEquals("id\nr1\nr2\n", Files.readString(ids));
    assertEquals("reason_code\nDUPLICATE_ID\n", Files.readString(reasons));
    assertEquals(Luister.EXIT_CONFIG, run("sql", "--config", config, "--warehouse", warehouse, "-o", ids.toString(),
        "SELECT 1", "SELECT 2")[0], "one --output per query, or none");
  }
}
