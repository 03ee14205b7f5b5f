package io.luister.common.config;

import java.util.List;

/**
 * A program config or a command-line option that cannot be used: the user has something to fix, so the CLI exits
 * with code 2 and a scheduler should not retry. Carries every problem found, each saying what to fix.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public ConfigException(String file, List<String> problems) {
    super(render(file, problems));
    this.problems = List.copyOf(problems);
  }

  private ConfigException(String problem) {
    super(problem);
    this.problems = List.of(problem);
  }

  /**
   * A command-line option (or a file it names) that cannot be used. {@code problem} is the whole message: it
   * names the option and what to give instead.
   */
  public static ConfigException option(String problem) {
    return new ConfigException(problem);
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
