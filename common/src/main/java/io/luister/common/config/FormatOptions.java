package io.luister.common.config;

import java.time.ZoneId;
import java.util.List;

/**
 * How a source's files are written. Defaults suit a plain UTF-8, comma-separated export with a header.
 *
 * @param encoding character set of the files (UTF-8 with or without BOM, windows-1252, ISO-8859-1, ...)
 * @param delimiter CSV field separator
 * @param quote CSV quote character
 * @param escape CSV escape character inside quoted fields ({@code "} means doubled quotes, RFC 4180)
 * @param header whether CSV files start with a header row; without one, columns are named _c0, _c1, ...
 * @param multiline whether a record may span lines (quoted line breaks in CSV; a JSON document per file)
 * @param timestampFormats patterns tried in order for timestamp fields (Spark datetime patterns)
 * @param dateFormats patterns tried in order for date fields
 * @param timezone the zone of timestamps whose pattern has no offset
 * @param trueValues spellings of yes, compared case-insensitively
 * @param falseValues spellings of no, compared case-insensitively
 * @param nullValue a CSV cell value that means "no value" besides the empty cell
 * @param skipLines CSV lines above the header (a preamble such as a title or an unzip tool's notes), dropped
 */
public record FormatOptions(
    String encoding,
    String delimiter,
    String quote,
    String escape,
    boolean header,
    boolean multiline,
    List<String> timestampFormats,
    List<String> dateFormats,
    ZoneId timezone,
    List<String> trueValues,
    List<String> falseValues,
    String nullValue,
    int skipLines) {

  public static final List<String> DEFAULT_TIMESTAMP_FORMATS = List.of(
      "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]XXX",
      "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]",
      "yyyy-MM-dd HH:mm:ss[.SSS]",
      "yyyy-MM-dd HH:mm:ss Z");
  public static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd");
  public static final List<String> DEFAULT_TRUE = List.of("true", "yes", "y", "1", "ja", "j");
  public static final List<String> DEFAULT_FALSE = List.of("false", "no", "n", "0", "nee");
}
