package io.luister.jobs.samples;

/** RFC 4180-style quoting with a configurable separator. */
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

  /** Minimal JSON string escaping (UTF-8 output, control characters escaped). */
  static void json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
      }
    }
    sb.append('"');
  }
}
