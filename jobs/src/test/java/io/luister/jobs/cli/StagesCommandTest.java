package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luister.jobs.docs.DataDictionary;
import io.luister.jobs.ingest.IngestStage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code luister stages --json}, read back as the Airflow DAG reads it, against the pipeline's own objects. */
class StagesCommandTest {
  private static Map<String, JsonNode> printed;
  private static JsonNode printedDocument;

  /** The command's output, parsed: one node per stage by name, in the printed order. */
  @BeforeAll
  static void runTheCommand() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Luister.execute("stages", "--json");
    } finally {
      System.setOut(out);
    }
    assertEquals(0, code);
    printed = new LinkedHashMap<>();
    printedDocument = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
    for (JsonNode stage : printedDocument.get("stages")) {
      printed.put(stage.get("name").asText(), stage);
    }
  }

  private static List<String> after(String stage) {
    List<String> names = new ArrayList<>();
    printed.get(stage).get("after").forEach(name -> names.add(name.asText()));
    return names;
  }

  /**
   * The DAG reads the committed copy, not the jar: a stage that writes a new table must regenerate it (the deployment
   * suite checks the same against the built jar, but only after the Java tests and the smoke runs).
   */
  @Test
  void theCommittedCopyBesideTheDagIsWhatTheCommandPrints() throws Exception {
    JsonNode committed = new ObjectMapper().readTree(java.nio.file.Files.readString(
        java.nio.file.Path.of("..", "airflow", "dags", "luister_stages.json")));
    assertEquals(printedDocument, committed,
        "regenerate it: bin/luister stages --json > airflow/dags/luister_stages.json");
  }

  @Test
  void listsIngestThenExactlyThePipelinesStagesInItsOrderThenRetention() {
    List<String> expected = new ArrayList<>(List.of(IngestStage.NAME));
    Pipeline.AFTER_INGEST.forEach(stage -> expected.add(stage.name()));
    expected.add(RetentionCommand.STAGE);
    assertEquals(expected, List.copyOf(printed.keySet()));
  }

  @Test
  void eachStageRunsAfterTheStagesThePipelineGivesItOrAfterIngestWhenItGivesNone() {
    assertEquals(List.of(), after(IngestStage.NAME));
    for (Pipeline.Stage stage : Pipeline.AFTER_INGEST) {
      assertEquals(stage.after().isEmpty() ? List.of(IngestStage.NAME) : stage.after(), after(stage.name()),
          stage.name());
    }
  }

  @Test
  void retentionComesAfterEveryOtherStageAsRunAppliesItLast() {
    Set<String> before = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>(after(RetentionCommand.STAGE));
    while (!toVisit.isEmpty()) {
      String stage = toVisit.pop();
      if (before.add(stage)) {
        toVisit.addAll(after(stage));
      }
    }
    Set<String> others = new HashSet<>(printed.keySet());
    others.remove(RetentionCommand.STAGE);
    assertEquals(others, before);
  }

  @Test
  void aStageTakesPeriodWhenItsCommandIsAPeriodStageAndBackfillsWhenRunBackfillsIt() {
    CommandLine luister = Luister.commandLine();
    printed.forEach((name, stage) -> {
      Object command = luister.getSubcommands().get(name).getCommandSpec().userObject();
      assertEquals(command instanceof PeriodStageCommand, stage.get("takes_period").asBoolean(), name);
      assertEquals(Backfill.GOLD_TABLE_OF_STAGE.containsKey(name), stage.get("backfills").asBoolean(), name);
    });
  }

  @Test
  void everyTableOfTheDataDictionaryIsListedUnderTheStageThatWritesIt() {
    for (DataDictionary.Table table : DataDictionary.TABLES) {
      JsonNode writes = printed.get(table.stage()).get("writes");
      List<String> names = new ArrayList<>();
      writes.forEach(name -> names.add(name.asText()));
      assertTrue(names.contains(table.qualifiedName()), table.qualifiedName() + " not among " + names);
    }
  }
}
