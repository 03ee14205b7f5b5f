package io.luister.common.test;

import io.luister.common.spark.LuisterSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM (surefire runs one JVM per module), created on first use and
 * stopped when the JVM exits. Test classes never create or stop sessions themselves.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      Map<String, String> conf = new HashMap<>(LuisterSpark.testConf());
      conf.put("spark.sql.warehouse.dir", tempDir("spark-warehouse").toString());
      session = LuisterSpark.builder("luister-tests", "local[2]", conf).getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** A fresh folder, removed with everything in it when the test JVM exits. */
  public static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory("luister-" + prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temp folder is not worth failing the test run for.
    }
  }
}
