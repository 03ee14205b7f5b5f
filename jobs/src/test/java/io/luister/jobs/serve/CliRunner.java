package io.luister.jobs.serve;

import io.luister.common.test.TestSpark;
import io.luister.jobs.cli.Luister;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in the test JVM (on the shared session) and returns its exit code and everything it printed. */
public final class CliRunner {
  /**
   * @param printed standard output and standard error, as a person at the terminal sees them
   * @param out standard output alone (the command's result, without its notes)
   */
  public record Result(int code, String printed, String out) {}

  /**
   * The key the test programs use, given as a JVM system property of their key_env name (tests cannot set environment
   * variables): only the shipped samples may use the development key.
   */
  public static final String TEST_KEY_ENV = "LUISTER_TEST_PSEUDONYM_KEY";
  public static final String TEST_KEY = "3f9c2a71d04be85f6a1c93e07b2d4f58";

  static {
    System.setProperty(TEST_KEY_ENV, TEST_KEY);
  }

  private CliRunner() {}

  /** A minimal program config: the serving commands read only the warehouse. */
  public static String config() throws IOException {
    Path dir = TestSpark.tempDir("serve-cli");
    Files.writeString(dir.resolve("s.csv"), "id\n");
    Files.writeString(dir.resolve("p.yaml"), """
        program: serve
        brand: {name: Acme}
        pseudonymisation: {key_env: LUISTER_TEST_PSEUDONYM_KEY}
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
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        captured.write(b);
        stdout.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        captured.write(b, off, len);
        stdout.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = Luister.execute(args);
      return new Result(code, captured.toString(StandardCharsets.UTF_8), stdout.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
