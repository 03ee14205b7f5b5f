package io.luister.jobs.serve;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * What goes into each CSV cell, and a univocity writer configured for it (RFC 4180: comma separated, fields
 * with a quote, comma or line break in double quotes, quotes doubled), in three flavours:
 * <ul>
 *   <li>{@link Flavour#POSTGRES_COPY}: for {@code COPY ... (FORMAT csv)}. Every non-null text field is quoted,
 *   because there an unquoted empty field means NULL and a quoted one the empty string, and a quoted
 *   {@code \.} is never taken for the end-of-data marker. NUL characters are dropped: PostgreSQL text
 *   cannot hold them.</li>
 *   <li>{@link Flavour#SPREADSHEET}: for files analysts open in Excel or LibreOffice. A text cell that
 *   starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP's guidance on
 *   CSV injection), so a customer's "=HYPERLINK(...)" is shown, not run; so does a formula start after a
 *   ';', ',', tab or '|' (a spreadsheet may split on any of them), and a cell holding one of those is quoted.
 *   Numeric columns are never touched: -2 stays a number. The empty string is {@code ""}, null nothing.</li>
 *   <li>{@link Flavour#SQL_OUTPUT}: what {@code luister sql --format csv} prints. Quoted like SPREADSHEET, but an
 *   empty cell (null or the empty string) is written unquoted, as that command always has; its caller
 *   neutralises the text cells.</li>
 * </ul>
 * Nested columns arrive here already as JSON text (see {@link ServeFrames#forServing}).
 */
public final class CsvCells {
  public enum Flavour { POSTGRES_COPY, SPREADSHEET, SQL_OUTPUT }

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

  /**
   * A univocity writer for records of {@code flavour} over {@code schema}'s columns, writing to {@code out} (or, with
   * {@code out} null, only to strings through {@code writeRowToString}). Give it {@link #cells} or {@link #header}:
   * univocity does the quoting (RFC 4180, quotes doubled), this class what goes into each cell.
   */
  public static CsvWriter writer(Writer out, StructType schema, Flavour flavour) {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.getFormat().setDelimiter(',');
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    settings.getFormat().setLineSeparator(flavour == Flavour.SPREADSHEET ? "\r\n" : "\n");
    settings.getFormat().setComment('\0'); // a cell starting with '#' is text, never a comment to quote
    // Cells are written as they are: no trimming, no line-ending rewriting inside quotes, no skipped empty rows.
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setSkipEmptyLines(false);
    settings.setMaxColumns(Math.max(settings.getMaxColumns(), schema.fields().length));
    // Quoted when a cell holds a quote, a line break or a character a spreadsheet may split on: a spreadsheet that
    // splits on ';', tab or '|' then still sees one cell.
    settings.setQuoteEscapingEnabled(true);
    settings.setQuotationTriggers(',', '"', '\n', '\r', ';', '\t', '|');
    settings.setNullValue(null);
    settings.setQuoteNulls(false);
    if (flavour == Flavour.POSTGRES_COPY) {
      List<Integer> text = new ArrayList<>();
      for (int i = 0; i < schema.fields().length; i++) {
        if (isText(schema.fields()[i].dataType())) {
          text.add(i);
        }
      }
      settings.quoteIndexes(text.toArray(Integer[]::new));
    } else if (flavour == Flavour.SPREADSHEET) {
      // A quoted empty cell is the empty string, an unquoted one a missing value (null is written as nothing).
      settings.setEmptyValue("\"\"");
    }
    return out == null ? new CsvWriter(settings) : new CsvWriter(out, settings);
  }

  /** The header's cells: column names as {@link Flavour#SPREADSHEET} text cells (a formula start neutralised). */
  public static String[] header(StructType schema) {
    String[] names = new String[schema.fields().length];
    for (int i = 0; i < names.length; i++) {
      names[i] = neutralise(schema.fields()[i].name());
    }
    return names;
  }

  /** One row's cells for {@code flavour}: each value's text (see {@link #format}), null for null. */
  public static String[] cells(Row row, StructType schema, Flavour flavour) {
    String[] cells = new String[schema.fields().length];
    for (int i = 0; i < cells.length; i++) {
      if (row.isNullAt(i)) {
        continue;
      }
      String s = format(row.get(i));
      if (isText(schema.fields()[i].dataType())) {
        if (flavour == Flavour.POSTGRES_COPY) {
          s = s.indexOf('\0') >= 0 ? s.replace("\0", "") : s;
        } else if (flavour == Flavour.SPREADSHEET) {
          s = neutralise(s);
        }
      }
      cells[i] = s;
    }
    return cells;
  }

  /** Text columns: strings, and nested columns served as JSON. */
  public static boolean isText(DataType type) {
    return type instanceof StringType || PgTypes.isNested(type);
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
}
