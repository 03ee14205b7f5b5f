package io.luister.jobs.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  private static final Path DOC = Path.of("..", "docs", "DATA-DICTIONARY.md");

  @Test
  void everyColumnOfEveryInsightTableIsDescribedAndPartitionedByPeriod() {
    List<String> undocumented = new ArrayList<>();
    for (DataDictionary.Table t : DataDictionary.TABLES) {
      assertTrue(List.of(t.schema().fieldNames()).contains("period"), t.qualifiedName() + " has no period column");
      for (StructField f : t.schema().fields()) {
        if (f.getComment().isEmpty() || f.getComment().get().isBlank()) {
          undocumented.add(t.qualifiedName() + "." + f.name());
        }
      }
    }
    assertEquals(List.of(), undocumented, "columns without a description (add .withComment to the schema)");
  }

  @Test
  void theCommittedDictionaryMatchesTheSchemas() throws IOException {
    if ("1".equals(System.getenv("LUISTER_GENERATE_DOCS"))) {
      Files.writeString(DOC, DataDictionary.render());
    }
    assertEquals(DataDictionary.render(), Files.exists(DOC) ? Files.readString(DOC) : "",
        "docs/DATA-DICTIONARY.md is out of date: run LUISTER_GENERATE_DOCS=1 mvn verify -Dtest=DataDictionaryTest");
  }
}
