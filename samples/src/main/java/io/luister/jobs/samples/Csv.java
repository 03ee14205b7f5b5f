package io.luister.jobs.samples;

/**
 * RFC 4180-style quoting with a configurable separator. Not univocity's writer (the CSV library on the class path):
 * it does not quote a value for a leading or trailing space, which a reader that trims would then lose, and the
 * generated files must stay byte-identical.
 */
final class Csv {
  private Csv() {}

  static boolean needsQuotes(String v, char sep) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == sep || c == '"' || c == '\n' || c == '\r') return true;
    }
    return !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ');
  }

  static void field(StringBuilder sb, String v, char sep) {
    if (v == null) return;
    if (!needsQuotes(v, sep)) {
      sb.append(v);
      return;
    }
    sb.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"') sb.append('"');
      sb.append(c);
    }
    sb.append('"');
  }

  static String row(char sep, String... fields) {
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(sep);
      field(sb, fields[i], sep);
    }
    return sb.toString();
  }
}
