package io.luister.jobs.serve;

import io.luister.common.test.TestSpark;
import io.luister.jobs.cli.Luister;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in the test JVM (on the shared session) and returns its exit code and everything it printed. */
public final class CliRunner {
  public record Result(int code, String printed) {}

  private CliRunner() {}

  /** A minimal program config: the serving commands read only the warehouse. */
  public static String config() throws IOException {
    Path dir = TestSpark.tempDir("serve-cli");
    Files.writeString(dir.resolve("s.csv"), "id\n");
    Files.writeString(dir.resolve("p.yaml"), """
        program: serve
        brand: {name: Acme}
        pseudonymisation: {allow_development_key: true}
        sources:
          - {name: nps, type: survey, path: s.csv, format: csv, mapping: {id: id, responded_at: at}}
        """);
    return dir.resolve("p.yaml").toString();
  }

  public static Result run(String... args) {
    TestSpark.session();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      int code = Luister.execute(args);
      return new Result(code, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
