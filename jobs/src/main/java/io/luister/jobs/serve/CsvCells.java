package io.luister.jobs.serve;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * One Row as one CSV record (RFC 4180: comma separated, fields with a quote, comma or line break in double
 * quotes, quotes doubled), in two flavours:
 * <ul>
 *   <li>{@link Flavour#POSTGRES_COPY}: for {@code COPY ... (FORMAT csv)}. Every non-null text field is quoted,
 *   because there an unquoted empty field means NULL and a quoted one the empty string, and a quoted
 *   {@code \.} is never taken for the end-of-data marker. NUL characters are dropped: PostgreSQL text
 *   cannot hold them.</li>
 *   <li>{@link Flavour#SPREADSHEET}: for files analysts open in Excel or LibreOffice. A text cell that
 *   starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP's guidance on
 *   CSV injection), so a customer's "=HYPERLINK(...)" is shown, not run; so does a formula start after a
 *   ';', ',', tab or '|' (a spreadsheet may split on any of them), and a cell holding one of those is quoted.
 *   Numeric columns are never touched: -2 stays a number.</li>
 * </ul>
 * Nested columns arrive here already as JSON text (see {@link ServeFrames#forServing}).
 */
public final class CsvCells {
  public enum Flavour { POSTGRES_COPY, SPREADSHEET }

  private CsvCells() {}

  /** The characters OWASP lists as starting a formula in a spreadsheet cell. */
  public static boolean startsLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** For a cell that is never split on a delimiter (an XLSX cell): an apostrophe before a formula start. */
  public static String neutraliseStart(String text) {
    return startsLikeFormula(text) ? "'" + text : text;
  }

  /**
   * A delimiter a spreadsheet may choose when it opens the file (Dutch-locale Excel splits on ';'), then a formula
   * start: "factuur te hoog;=cmd|' /C calc'!A0" becomes a cell "=cmd..." there (a line break too, for a reader
   * that ignores quotes). '+' and '-' count only before
   * something that is not a number ("10,-", "3;-2" stay).
   */
  private static final Pattern FORMULA_AFTER_DELIMITER =
      Pattern.compile("(^|[;,\t|\r\n])([ ]*)([=@]|[+-](?![0-9 ]|$))", Pattern.MULTILINE);

  /**
   * A text cell as a spreadsheet will show it, never evaluate it, whichever delimiter it splits on: an apostrophe
   * before a formula start at the beginning and after every delimiter-like character.
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String cell = startsLikeFormula(text) ? "'" + text : text;
    return FORMULA_AFTER_DELIMITER.matcher(cell).replaceAll("$1$2'$3");
  }

  /** Appends one record (without its line ending) for {@code row}, whose columns are {@code schema}'s. */
  public static void appendRecord(StringBuilder out, Row row, StructType schema, Flavour flavour) {
    for (int i = 0; i < schema.fields().length; i++) {
      if (i > 0) {
        out.append(',');
      }
      DataType type = schema.fields()[i].dataType();
      Object value = row.isNullAt(i) ? null : row.get(i);
      appendField(out, value, isText(type), flavour);
    }
  }

  public static void appendHeader(StringBuilder out, StructType schema) {
    for (int i = 0; i < schema.fields().length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, schema.fields()[i].name(), true, Flavour.SPREADSHEET);
    }
  }

  /** Text columns: strings, and nested columns served as JSON. */
  public static boolean isText(DataType type) {
    return type instanceof StringType || PgTypes.isNested(type);
  }

  static void appendField(StringBuilder out, Object value, boolean text, Flavour flavour) {
    if (value == null) {
      return;
    }
    String s = format(value);
    if (!text) {
      out.append(s);
      return;
    }
    if (flavour == Flavour.POSTGRES_COPY) {
      quote(out, s.indexOf('\0') >= 0 ? s.replace("\0", "") : s);
      return;
    }
    s = neutralise(s);
    // A quoted empty cell is the empty string, an unquoted one a missing value (null is written as nothing).
    out.append(s.isEmpty() ? "\"\"" : quotedIfNeeded(s));
  }

  /**
   * RFC 4180 quoting for a spreadsheet: the cell in double quotes (quotes doubled) when it holds a quote, a line
   * break or a character a spreadsheet may split on (',', ';', tab, '|'), else as it is. The empty string stays
   * empty.
   */
  public static String quotedIfNeeded(String s) {
    if (!needsQuotes(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(out, s);
    return out.toString();
  }

  /** A value's text: ISO-8601 for dates and instants, plain digits for decimals, PostgreSQL hex for bytes. */
  public static String format(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }

  private static boolean needsQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // ';', tab and '|' too: a spreadsheet that splits on them then still sees one cell.
      if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';' || c == '\t' || c == '|') {
        return true;
      }
    }
    return false;
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
