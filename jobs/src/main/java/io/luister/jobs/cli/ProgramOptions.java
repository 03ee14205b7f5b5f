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

  @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:LUISTER_SPARK_MASTER:-local[*]}",
      description = "Spark master. Default: ${DEFAULT-VALUE} (embedded; set LUISTER_SPARK_MASTER to change).")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "Extra Spark setting, repeatable (e.g. --conf spark.sql.shuffle.partitions=16).")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  Path configFile() {
    if (config != null) {
      return config;
    }
    String home = System.getProperty("luister.home", ".");
    return Path.of(home, "data-samples", "luister.yaml");
  }
}
