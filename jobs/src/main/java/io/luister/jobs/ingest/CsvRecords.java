package io.luister.jobs.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits CSV text into records so that no record can swallow another and no line can vanish: every physical
 * line (ended by CRLF, LF or a bare CR, mixed freely within one file) ends up in exactly one of: the skipped
 * preamble ({@code skip_lines}), the header, a blank line, or one record, accepted or malformed.
 *
 * <p>Why not Spark's CSV reader: with an unbalanced quote it merged the next record into the broken one (the
 * next contact's id and notes ended up in the previous row, and nothing was quarantined); with mixed line ends
 * in a multi-line file it lost records; and one line of 30,000 delimiters threw out of the whole ingest. Here:
 * <ul>
 *   <li>a quote opens a field only at the field's start; inside an unquoted field it is an ordinary character;
 *   <li>without {@code multiline}, a quote still open at the line's end makes that line alone a malformed
 *       record (with advice to set {@code multiline} when records seem to span lines);
 *   <li>with {@code multiline}, a record may continue on further lines while a quote is open, but only up to
 *       {@link #MAX_RECORD_LINES} lines and {@link #MAX_RECORD_CHARS} characters; if the quote is still open
 *       then, or the file ends, or the joined record does not have the layout's number of fields (the quote
 *       reached into the next record), the record's <em>first line alone</em> is malformed and reading goes on
 *       at the line after it — a broken record never takes a neighbour with it;
 *   <li>a record keeps at most {@link #MAX_RECORD_CHARS} characters and counts, but does not store, fields
 *       beyond the layout's number, so very long lines and very many columns are a malformed record.
 * </ul>
 * Pure Java over a {@link Reader}; {@link SourceReader} runs it once per file inside a Spark task.
 */
public final class CsvRecords {
  /** A multi-line record may span at most this many physical lines before its open quote is called unbalanced. */
  public static final int MAX_RECORD_LINES = 1_000;
  /** Characters kept per record (10 M: a 5 MB free text is still read, then truncated by ingest.max_text_chars). */
  public static final int MAX_RECORD_CHARS = 10_000_000;
  /** The raw text of a malformed record is kept up to this length in ops.quarantine. */
  public static final int MAX_RAW_CHARS = 20_000;
  private static final char BOM = '\uFEFF';

  /** How the text is written: one-character delimiter, quote and escape, as in the source's options. */
  public record Format(char delimiter, char quote, char escape, boolean multiline) implements java.io.Serializable {}

  /**
   * One record.
   *
   * @param firstLine 1-based physical line where it starts
   * @param lines how many physical lines it covers
   * @param fields the values (null for an unquoted empty cell), or null when malformed
   * @param raw the text as read (cut to {@link #MAX_RAW_CHARS}), for malformed records
   * @param problem why it is malformed, for people; null when it parsed
   */
  public record Record(long firstLine, int lines, String[] fields, String raw, String problem) {
    public boolean malformed() {
      return problem != null;
    }
  }

  /** A physical line without its terminator; {@code overflow} when it was longer than {@link #MAX_RECORD_CHARS}. */
  private record Line(long number, String text, boolean overflow, long length) {}

  private final Reader in;
  private final Format format;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private long linesRead;
  private boolean pendingCr;
  private boolean atEnd;
  private int expectedFields = -1;
  private long blankLines;
  private long recordLines;

  public CsvRecords(Reader in, Format format) {
    this.in = in;
    this.format = format;
  }

  /** Sets the number of fields every record must have (the header's); otherwise the first record's count is used. */
  public void expectFields(int count) {
    this.expectedFields = count;
  }

  /** Reads and drops {@code n} physical lines (a preamble above the header); returns how many there were. */
  public int skipLines(int n) {
    int skipped = 0;
    while (skipped < n && nextLine() != null) {
      skipped++;
    }
    return skipped;
  }

  /** The next record, or null at the end; blank lines between records are counted and passed over. */
  public Record next() {
    while (true) {
      Line first = nextLine();
      if (first == null) {
        return null;
      }
      if (!first.overflow() && first.text().strip().isEmpty()) {
        blankLines++;
        continue;
      }
      Record r = parseFrom(first);
      recordLines += r.lines();
      if (!r.malformed() && expectedFields < 0) {
        expectedFields = r.fields().length;
      }
      return r;
    }
  }

  /** The first non-blank record parsed as a header (BOM removed, names stripped), or null when there is none. */
  public Record header() {
    Record h = next();
    if (h != null) {
      recordLines -= h.lines();
      headerLines = h.lines();
      if (!h.malformed()) {
        for (int i = 0; i < h.fields().length; i++) {
          h.fields()[i] = h.fields()[i] == null ? "" : h.fields()[i].strip();
        }
        expectedFields = h.fields().length;
      }
    }
    return h;
  }

  private int headerLines;

  /** Physical lines read so far (all of them once {@link #next()} returned null). */
  public long linesRead() {
    return linesRead;
  }

  /** Lines in records + header + blank lines: must equal {@link #linesRead()} minus skipped lines. */
  public long accountedLines(int skipped) {
    return skipped + headerLines + blankLines + recordLines;
  }

  private Record parseFrom(Line first) {
    List<Line> taken = new ArrayList<>();
    taken.add(first);
    Parse p = new Parse(expectedFields);
    boolean open = p.feed(first, true);
    long chars = first.length();
    boolean overflow = first.overflow();
    while (open && format.multiline() && !overflow) {
      if (taken.size() >= MAX_RECORD_LINES || chars > MAX_RECORD_CHARS) {
        break;
      }
      Line more = nextLine();
      if (more == null) {
        break;
      }
      taken.add(more);
      chars += more.length() + 1;
      overflow = more.overflow();
      open = p.feed(more, false);
    }
    if (overflow || chars > MAX_RECORD_CHARS) {
      return firstLineAlone(taken, "the record is longer than " + String.format("%,d", MAX_RECORD_CHARS)
          + " characters (" + String.format("%,d", chars) + " read); it cannot be a record of this export");
    }
    if (open) {
      if (!format.multiline()) {
        String advice = looksLikeContinuation() ? "; the next line looks like the rest of this record: if records span"
            + " lines (quoted line breaks), set options.multiline: true" : "";
        return malformed(taken, "the quote opened in field " + p.openedInField + " is not closed on this line" + advice);
      }
      return firstLineAlone(taken, taken.size() >= MAX_RECORD_LINES
          ? "the quote opened in field " + p.openedInField + " is not closed within " + MAX_RECORD_LINES + " lines (unbalanced quote)"
          : "the quote opened in field " + p.openedInField + " is never closed (unbalanced quote)");
    }
    int count = p.fieldCount;
    if (expectedFields >= 0 && count != expectedFields) {
      String problem = count + " fields where the header has " + expectedFields
          + (count > 1000 ? " (a runaway line)" : "");
      return taken.size() > 1 ? firstLineAlone(taken, "the quote opened in field " + p.firstMultilineField
          + " reaches into the following line(s) and the record then has " + problem + " (unbalanced quote)")
          : malformed(taken, problem);
    }
    if (taken.size() > 1 && p.strayAfterClose) {
      return firstLineAlone(taken, "a closing quote is followed by other text on a later line (unbalanced quote)");
    }
    return new Record(first.number(), taken.size(), p.values(), null, null);
  }

  /** Whether the line after a line with an open quote continues a text rather than starting a record. */
  private boolean looksLikeContinuation() {
    Line next = nextLine();
    if (next == null) {
      return false;
    }
    pushedBack.push(next);
    Parse p = new Parse(expectedFields);
    boolean open = p.feed(next, true);
    return open || p.strayAfterClose || (expectedFields >= 0 && p.fieldCount != expectedFields);
  }

  private Record firstLineAlone(List<Line> taken, String problem) {
    for (int i = taken.size() - 1; i >= 1; i--) {
      pushedBack.push(taken.get(i));
    }
    return malformed(List.of(taken.get(0)), problem);
  }

  private static Record malformed(List<Line> lines, String problem) {
    StringBuilder raw = new StringBuilder();
    for (Line l : lines) {
      if (raw.length() > 0) {
        raw.append('\n');
      }
      raw.append(l.text(), 0, Math.min(l.text().length(), MAX_RAW_CHARS));
      if (raw.length() >= MAX_RAW_CHARS) {
        raw.setLength(MAX_RAW_CHARS);
        raw.append(" ... [cut at ").append(MAX_RAW_CHARS).append(" characters]");
        break;
      }
    }
    return new Record(lines.get(0).number(), lines.size(), null, raw.toString(), problem);
  }

  /** The values of one record being parsed, line by line. */
  private final class Parse {
    private final int keep;
    private final List<String> values = new ArrayList<>();
    private StringBuilder field = new StringBuilder();
    private boolean quoted;
    private boolean inQuotes;
    private boolean afterClose;
    private boolean fieldStart = true;
    int fieldCount;
    int openedInField;
    int firstMultilineField;
    boolean strayAfterClose;

    Parse(int expected) {
      // Never store more than the layout's fields (plus one to know there are more): a line of 30,000
      // delimiters costs a counter, not 30,000 strings.
      this.keep = expected >= 0 ? expected + 1 : 100_000;
    }

    /** Feeds one physical line; returns whether a quote is still open at its end. */
    boolean feed(Line line, boolean firstLine) {
      String s = line.text();
      int start = 0;
      if (!firstLine) {
        // The quoted line break belongs to the value.
        field.append('\n');
        if (firstMultilineField == 0) {
          firstMultilineField = fieldCount + 1;
        }
      }
      char d = format.delimiter();
      char q = format.quote();
      char e = format.escape();
      for (int i = start; i < s.length(); i++) {
        char c = s.charAt(i);
        if (inQuotes) {
          if (c == e && e != q && i + 1 < s.length() && (s.charAt(i + 1) == q || s.charAt(i + 1) == e)) {
            field.append(s.charAt(++i));
          } else if (c == q) {
            if (e == q && i + 1 < s.length() && s.charAt(i + 1) == q) {
              field.append(q);
              i++;
            } else {
              inQuotes = false;
              afterClose = true;
            }
          } else {
            field.append(c);
          }
        } else if (c == d) {
          endField();
        } else if (c == q && fieldStart) {
          inQuotes = true;
          quoted = true;
          openedInField = fieldCount + 1;
          fieldStart = false;
        } else {
          if (afterClose) {
            strayAfterClose = true;
          }
          field.append(c);
          fieldStart = false;
        }
      }
      if (!inQuotes) {
        endField();
      }
      return inQuotes;
    }

    private void endField() {
      fieldCount++;
      if (values.size() < keep) {
        values.add(field.length() == 0 && !quoted ? null : field.toString());
      }
      field = new StringBuilder();
      quoted = false;
      afterClose = false;
      fieldStart = true;
    }

    String[] values() {
      return values.toArray(String[]::new);
    }
  }

  /**
   * The next physical line. A line ends at LF, CR or CRLF; a last line without a terminator is a line too. Text
   * beyond {@link #MAX_RECORD_CHARS} is read and counted but not kept.
   */
  private Line nextLine() {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pop();
    }
    if (atEnd) {
      return null;
    }
    try {
      StringBuilder b = new StringBuilder();
      long length = 0;
      boolean any = false;
      while (true) {
        int c = in.read();
        if (c < 0) {
          atEnd = true;
          if (!any) {
            return null;
          }
          break;
        }
        if (pendingCr) {
          pendingCr = false;
          if (c == '\n') {
            continue;
          }
        }
        any = true;
        if (c == '\n') {
          break;
        }
        if (c == '\r') {
          pendingCr = true;
          break;
        }
        length++;
        if (b.length() < MAX_RECORD_CHARS) {
          b.append((char) c);
        }
      }
      linesRead++;
      if (linesRead == 1 && b.length() > 0 && b.charAt(0) == BOM) {
        // The byte-order mark of the file, not part of the first value.
        b.deleteCharAt(0);
        length--;
      }
      return new Line(linesRead, b.toString(), length > MAX_RECORD_CHARS, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An independent count of the physical lines in a text, by another, simpler rule than the parser's (every LF,
   * every CR not followed by LF, and a last line without a terminator): the check that no line was lost.
   */
  public static long countLines(Reader in) throws IOException {
    long lines = 0;
    int previous = -1;
    char[] buffer = new char[65_536];
    int n;
    while ((n = in.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (previous == '\r' && c != '\n') {
          lines++;
        }
        if (c == '\n') {
          lines++;
        }
        previous = c;
      }
    }
    if (previous != -1 && previous != '\n') {
      lines++;
    }
    return lines;
  }
}
