package io.luister.jobs.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaDocsTest {
  private static final Path DOC = Path.of("..", "docs", "SCHEMAS.md");

  @Test
  void theCommittedSchemaDocumentationMatchesTheCode() throws IOException {
    if ("1".equals(System.getenv("LUISTER_GENERATE_DOCS"))) {
      Files.writeString(DOC, SchemaDocs.render());
    }
    assertEquals(SchemaDocs.render(), Files.readString(DOC),
        "docs/SCHEMAS.md is out of date: run LUISTER_GENERATE_DOCS=1 mvn test -pl jobs -Dtest=SchemaDocsTest");
  }
}
