package io.luister.common.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of feedback export Luister reads; each has its own canonical schema. */
public enum SourceType {
  SOCIAL("social"),
  WEB_PAGEVIEWS("web_pageviews"),
  WEB_SEARCH("web_search"),
  SURVEY("survey"),
  CONTACT("contact");

  private final String configName;

  SourceType(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<SourceType> fromConfigName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.configName.equals(wanted)).findFirst();
  }

  public static String allConfigNames() {
    return String.join(", ", Arrays.stream(values()).map(SourceType::configName).toList());
  }
}
