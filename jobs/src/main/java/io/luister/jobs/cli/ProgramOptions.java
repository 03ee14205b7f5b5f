package io.luister.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that works on a program shares. */
public class ProgramOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The program config (YAML). Default: data-samples/luister.yaml in the Luister folder.")
  Path config;

  @Option(names = {"-w", "--warehouse"}, paramLabel = "PATH",
      description = "Where the tables live: a local folder or an s3a:// URI. Default: the config's warehouse (./warehouse).")
  String warehouse;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:LUISTER_SPARK_MASTER}",
      description = "Spark master. Default: LUISTER_SPARK_MASTER, else the master spark-submit was given, else local[*] (embedded).")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "Extra Spark setting, repeatable (e.g. --conf spark.sql.shuffle.partitions=16).")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  /**
   * The master to run on. Under spark-submit the master arrives as the system property spark.master;
   * it must win over the embedded default, or a cluster job would quietly run in local mode on the driver.
   */
  String master() {
    if (master != null && !master.isBlank()) {
      return master;
    }
    String submitted = System.getProperty("spark.master");
    return submitted != null && !submitted.isBlank() ? submitted : "local[*]";
  }

  Path configFile() {
    if (config != null) {
      return config;
    }
    String home = System.getProperty("luister.home", ".");
    return Path.of(home, "data-samples", "luister.yaml");
  }
}
