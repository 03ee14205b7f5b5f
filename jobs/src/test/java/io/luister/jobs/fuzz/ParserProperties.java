package io.luister.jobs.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigException;
import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.jobs.cli.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the parts that need no Spark, one example at a time: the config loader and the console's
 * control-character filter. Tries are bounded so the class runs in seconds.
 */
class ParserProperties {
  private static Path dir;

  @BeforeContainer
  static void folder() throws IOException {
    dir = Files.createTempDirectory("luister-fuzz");
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.list(dir)) {
      files.forEach(p -> p.toFile().delete());
    }
    Files.deleteIfExists(dir);
  }

  /** Any value in any source option either loads or is refused with a ConfigException, never another error. */
  @Property(tries = 300, seed = "20261123")
  void aSourceOptionWithAnyValueLoadsOrIsRefusedWithAConfigError(@ForAll("optionKeys") String key,
      @ForAll("yamlValues") String value) {
    String yaml = """
        program: fuzz
        brand: {name: Acme, accounts: ["@acme"]}
        timezone: Europe/Amsterdam
        ingest: {max_text_chars: 5000}
        sources:
          - name: s
            type: survey
            path: data/*.csv
            format: csv
            score_scale: {min: 0, max: 10}
            options: {%s: %s}
            mapping: {id: id, responded_at: at, score: score}
        """.formatted(key, value);
    Path file = write(yaml);
    try {
      ProgramConfig config = ConfigLoader.load(file);
      var o = config.sources().get(0).options();
      assertEquals(1, o.delimiter().length(), "a loaded delimiter is one character");
      assertFalse(o.timestampFormats().isEmpty());
      assertNotNull(java.nio.charset.Charset.forName(o.encoding()));
    } catch (ConfigException expected) {
      assertFalse(expected.getMessage().isBlank());
    }
  }

  /** Ingest limits of any shape load within their documented ranges or are refused. */
  @Property(tries = 200, seed = "20261123")
  void ingestLimitsLoadWithinRangeOrAreRefused(@ForAll("limitKeys") String key, @ForAll("yamlValues") String value) {
    Path file = write("""
        program: fuzz
        brand: {name: Acme}
        ingest: {%s: %s}
        sources:
          - {name: s, type: survey, path: x.csv, format: csv, mapping: {id: id, responded_at: at}}
        """.formatted(key, value));
    try {
      ProgramConfig.IngestLimits l = ConfigLoader.load(file).ingest();
      assertTrue(l.maxTextChars() >= 100 && l.maxTextChars() <= 10_000_000, "max_text_chars in range: " + l);
      assertTrue(l.maxFutureDays() >= 0 && l.maxFutureDays() <= 3650, "max_future_days in range: " + l);
      assertNotNull(l.earliestDate());
    } catch (ConfigException expected) {
      assertFalse(expected.getMessage().isBlank());
    }
  }

  /** Whatever customers write, what reaches the terminal has no escape or other control character. */
  @Property(tries = 1000, seed = "20261123")
  void consoleOutputIsInertForAnyText(@ForAll("hostileText") String text) {
    String shown = Console.inert(text);
    for (char c : shown.toCharArray()) {
      assertTrue(c == '\n' || c == '\t' || c == '\r' || !(Character.isISOControl(c)), "control character " + (int) c);
    }
    assertEquals(shown, Console.inert(shown), "inert is idempotent");
    assertEquals(text.codePoints().filter(cp -> !Character.isISOControl(cp)).count(),
        shown.codePoints().filter(cp -> !Character.isISOControl(cp)).count(), "only control characters are removed");
  }

  @Example
  void ansiEscapeCodesInCustomerTextCannotRecolourOrRewriteTheTerminal() {
    String hostile = "factuur \u001b[31mROOD\u001b[0m \u001b[2J\u001b]0;titel\u0007 \u009b1m klaar";
    assertEquals("factuur [31mROOD[0m [2J]0;titel 1m klaar", Console.inert(hostile));
  }

  @Provide
  Arbitrary<String> optionKeys() {
    return Arbitraries.of("delimiter", "quote", "escape", "encoding", "header", "multiline", "timestamp_formats",
        "date_formats", "timezone", "true_values", "false_values", "null_value", "nonsense");
  }

  @Provide
  Arbitrary<String> limitKeys() {
    return Arbitraries.of("max_text_chars", "earliest_date", "max_future_days", "max_count", "unknown");
  }

  /** YAML scalars, lists and maps, quoted or not, including numbers at the edges and broken patterns. */
  @Provide
  Arbitrary<String> yamlValues() {
    Arbitrary<String> words = Arbitraries.strings().withChars("abcXYZ09;,|\\t'\"-_ :/éü€").ofMaxLength(12);
    Arbitrary<String> quoted = words.map(w -> "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    Arbitrary<String> numbers = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("0", "-1", "99", "100", "10000000", "10000001", "1e400", "-0", "NaN", ".inf", "3.5", "2000-13-45",
            "1999-12-31", "yyyy-MM-dd", "'['", "dd-MM-yyyy HH:mm", "HH:mm'", "UTF-8", "windows-1252", "x-unknown",
            "Europe/Amsterdam", "Mars/Olympus", "true", "no", "~", "null", "[]", "{}", "[a, b]", "{a: 1}", "\"\""));
    Arbitrary<String> lists = quoted.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]");
    return Arbitraries.oneOf(numbers, quoted, lists);
  }

  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))),
        Arbitraries.strings().withChars("\u001b[];0123456789mHJK\u0007\u009b\u0000a").ofMaxLength(40));
  }

  private static Path write(String yaml) {
    try {
      Path file = Files.createTempFile(dir, "program", ".yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
