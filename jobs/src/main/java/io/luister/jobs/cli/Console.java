package io.luister.jobs.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything Luister prints for people goes through here. Control characters are removed first, so
 * customer text with ANSI escape codes cannot recolour or rewrite the terminal.
 */
public final class Console {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);

  private Console() {}

  public static void info(String line) {
    ERR.println(inert(line));
  }

  public static void error(String line) {
    ERR.println(inert(line));
  }

  public static void out(String line) {
    OUT.println(inert(line));
  }

  /** Drops control characters except line breaks and tabs. */
  public static String inert(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x{80}-\\x{9F}]", "");
  }
}
