package io.luister.common.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** File formats a source can be exported in. {@code json} is one document (or array) per file, {@code jsonl} one object per line. */
public enum SourceFormat {
  CSV("csv"),
  JSONL("jsonl"),
  JSON("json"),
  PARQUET("parquet");

  private final String configName;

  SourceFormat(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public boolean isJson() {
    return this == JSON || this == JSONL;
  }

  public static Optional<SourceFormat> fromConfigName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.configName.equals(wanted)).findFirst();
  }

  public static String allConfigNames() {
    return String.join(", ", Arrays.stream(values()).map(SourceFormat::configName).toList());
  }
}
