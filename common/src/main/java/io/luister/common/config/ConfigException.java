package io.luister.common.config;

import java.util.List;

/** A program config that cannot be used. Carries every problem found, each saying what to fix. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public ConfigException(String file, List<String> problems) {
    super(render(file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String render(String file, List<String> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append("The config ").append(file).append(" has ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems").append(":");
    for (String p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
