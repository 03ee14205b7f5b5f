package io.luister.common.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ConfigLoader;
import io.luister.common.config.ProgramConfig;
import io.luister.common.test.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
  private final Pseudonymizer pseudonymizer = new Pseudonymizer("a-test-key-that-is-long-enough");

  @Test
  void isHmacSha256OfTheNormalisedHandle() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("a-test-key-that-is-long-enough".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "au_" + HexFormat.of().formatHex(mac.doFinal("jan_de_vries".getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    assertEquals(expected, pseudonymizer.author("@Jan_de_Vries "));
    assertEquals(expected, pseudonymizer.author("jan_de_vries"));
  }

  @Test
  void sparkColumnFormEqualsTheDriverFormForEveryInput() {
    List<String> handles = List.of("@Jan_de_Vries", "jan_de_vries", "émilie", "😀fan", "x".repeat(300), "K1002345");
    Dataset<Row> df = TestSpark.session().createDataset(handles, Encoders.STRING()).toDF("h");
    List<Row> rows = df.select(col("h"), pseudonymizer.authorColumn(col("h")).as("a"),
        pseudonymizer.customerColumn(col("h")).as("c")).collectAsList();
    for (Row r : rows) {
      assertEquals(pseudonymizer.author(r.getString(0)), r.getString(1), r.getString(0));
      assertEquals(pseudonymizer.customer(r.getString(0)), r.getString(2), r.getString(0));
    }
  }

  @Test
  void keepsEmptyAndNullAsNull() {
    Dataset<Row> df = TestSpark.session().sql("SELECT CAST(NULL AS STRING) AS h UNION ALL SELECT '  ' AS h");
    df.select(pseudonymizer.authorColumn(col("h"))).collectAsList().forEach(r -> assertTrue(r.isNullAt(0)));
  }

  @Test
  void differentKeysGiveUnlinkablePseudonyms() {
    assertNotEquals(pseudonymizer.customer("K1"), new Pseudonymizer("another-key-long-enough-too").customer("K1"));
  }

  @Test
  void aRealProgramWithoutKeyFailsWithWhatToDo(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "x\n");
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, """
        program: acme
        brand: {name: Acme}
        sources:
          - {name: s, type: contact, path: a.csv, format: csv, mapping: {id: a, started_at: b}}
        """);
    ProgramConfig config = ConfigLoader.load(file);
    PseudonymKeys.MissingKeyException e = assertThrows(PseudonymKeys.MissingKeyException.class,
        () -> PseudonymKeys.forProgram(config, Map.of()));
    assertTrue(e.getMessage().contains("LUISTER_PSEUDONYM_KEY"), e.getMessage());
    assertThrows(PseudonymKeys.MissingKeyException.class, () -> PseudonymKeys.forProgram(config, Map.of("LUISTER_PSEUDONYM_KEY", "short")));
    assertNotNull(PseudonymKeys.forProgram(config, Map.of("LUISTER_PSEUDONYM_KEY", "3f9c2a71d04be85f6a1c93e07b2d4f58")));
  }

  private static ProgramConfig program(Path dir, String name, String sourcePath, boolean developmentKey) throws Exception {
    Files.createDirectories(dir);
    Path data = dir.resolve(sourcePath).normalize();
    Files.createDirectories(data.getParent());
    Files.writeString(data, "a,b\n");
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, "program: " + name + "\nbrand: {name: Acme}\n"
        + "pseudonymisation: {allow_development_key: " + developmentKey + "}\n"
        + "sources:\n  - {name: s, type: contact, path: '" + sourcePath + "', format: csv, mapping: {id: a, started_at: b}}\n");
    return ConfigLoader.load(file);
  }

  @Test
  void weakKeysAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
    ProgramConfig config = program(dir, "acme", "a.csv", false);
    for (String weak : List.of("0123456789abcdef0123", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababababababab",
        "short-secret", "xxxxxxxxxxxxxxxx")) {
      PseudonymKeys.MissingKeyException e = assertThrows(PseudonymKeys.MissingKeyException.class,
          () -> PseudonymKeys.forProgram(config, Map.of("LUISTER_PSEUDONYM_KEY", weak)), weak);
      assertTrue(e.getMessage().contains("too weak"), e.getMessage());
    }
    assertNotNull(PseudonymKeys.forProgram(config, Map.of("LUISTER_PSEUDONYM_KEY", "Kq7#vR2pLm9!xT4wZ8bN")));
  }

  @Test
  void theDevelopmentKeyIsOnlyForTheShippedSamples(@TempDir Path dir) throws Exception {
    // A real program asking for the development key, or holding it in its variable, is refused.
    Files.createDirectories(dir.resolve("real"));
    ProgramConfig realAgain = program(dir.resolve("real"), "acme", "a.csv", true);
    PseudonymKeys.MissingKeyException e = assertThrows(PseudonymKeys.MissingKeyException.class,
        () -> PseudonymKeys.forProgram(realAgain, Map.of()));
    assertTrue(e.getMessage().contains("not one of the shipped samples"), e.getMessage());
    assertThrows(PseudonymKeys.MissingKeyException.class,
        () -> PseudonymKeys.forProgram(realAgain, Map.of("LUISTER_PSEUDONYM_KEY", Pseudonymizer.DEVELOPMENT_KEY)));
    // The samples' name on other data (no ground truth beside it) is refused too.
    Files.createDirectories(dir.resolve("named"));
    ProgramConfig named = program(dir.resolve("named"), "zonnewijs", "a.csv", true);
    assertThrows(PseudonymKeys.MissingKeyException.class, () -> PseudonymKeys.forProgram(named, Map.of()));
    // The samples (and generated worlds) with their ground truth, and the example on the public data sets, may.
    Files.createDirectories(dir.resolve("samples/ground-truth"));
    Files.writeString(dir.resolve("samples/ground-truth/truth.json"), "{}");
    assertNotNull(PseudonymKeys.forProgram(program(dir.resolve("samples"), "zonnewijs", "a.csv", true), Map.of()));
    Files.createDirectories(dir.resolve("example"));
    assertNotNull(PseudonymKeys.forProgram(
        program(dir.resolve("example"), "airline_tweets", "shared/realdata/airline-tweets/Tweets.csv", true), Map.of()));
    assertThrows(PseudonymKeys.MissingKeyException.class, () -> PseudonymKeys.forProgram(
        program(dir.resolve("example"), "airline_tweets", "company/tweets.csv", true), Map.of()));
  }
}
