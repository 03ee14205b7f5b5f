package io.luister.common.test;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV read and written in tests with univocity (the library the product writes its CSV with): RFC 4180 quoting,
 * doubled quotes, line breaks inside quoted fields. Cells come back as they are: not trimmed, the empty field as
 * the empty string.
 */
public final class CsvFiles {
  private CsvFiles() {}

  /** Every record of {@code text}, the header line included, each as its fields. */
  public static List<List<String>> parse(String text, char delimiter) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    settings.getFormat().setComment('\0');
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setIgnoreLeadingWhitespacesInQuotes(false);
    settings.setIgnoreTrailingWhitespacesInQuotes(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setSkipEmptyLines(true);
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(10_000);
    List<List<String>> rows = new ArrayList<>();
    for (String[] row : new CsvParser(settings).parseAll(new StringReader(text))) {
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  /** {@code rows} as CSV text, each record ended by {@code lineEnd}, fields quoted where needed. */
  public static String write(List<List<String>> rows, char delimiter, String lineEnd) {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.getFormat().setLineSeparator(lineEnd);
    settings.getFormat().setComment('\0');
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setQuoteEscapingEnabled(true);
    settings.setQuotationTriggers('\r');
    StringWriter out = new StringWriter();
    CsvWriter writer = new CsvWriter(out, settings);
    rows.forEach(row -> writer.writeRow(row.toArray()));
    writer.close();
    return out.toString();
  }
}
