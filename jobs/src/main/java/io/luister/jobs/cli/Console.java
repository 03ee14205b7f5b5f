package io.luister.jobs.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything Luister prints for people goes through here. Control characters are removed first, so
 * customer text with ANSI escape codes cannot recolour or rewrite the terminal.
 */
public final class Console {
  private static PrintStream outTarget;
  private static PrintStream out;
  private static PrintStream errTarget;
  private static PrintStream err;

  private Console() {}

  public static void info(String line) {
    err().println(inert(line));
  }

  public static void error(String line) {
    err().println(inert(line));
  }

  public static void out(String line) {
    out().println(inert(line));
  }

  /** UTF-8 whatever the platform charset, following System.out if it is replaced (as tests do). */
  private static synchronized PrintStream out() {
    if (outTarget != System.out) {
      outTarget = System.out;
      out = new PrintStream(outTarget, true, StandardCharsets.UTF_8);
    }
    return out;
  }

  private static synchronized PrintStream err() {
    if (errTarget != System.err) {
      errTarget = System.err;
      err = new PrintStream(errTarget, true, StandardCharsets.UTF_8);
    }
    return err;
  }

  /** Drops control characters except line breaks and tabs. */
  public static String inert(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x{80}-\\x{9F}]", "");
  }
}
