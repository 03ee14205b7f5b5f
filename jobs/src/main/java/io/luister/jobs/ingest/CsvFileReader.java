package io.luister.jobs.ingest;

import io.luister.common.config.FormatOptions;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads one CSV file into rows (the layout's columns, then {@link RawBatch#CORRUPT}, {@link RawBatch#PROBLEM},
 * {@link RawBatch#FILE}, {@link RawBatch#RECORD}) with {@link CsvRecords}, inside a Spark task: one task per file.
 *
 * <p>While the file is read, its physical lines are counted a second time as the characters pass, independently
 * of the parser and by {@link CsvRecords#countLines}' rule ({@link LineCountingReader}); at the end, if preamble + header + blank lines + the lines of every record do not
 * add up to that count, a line was lost or counted twice, and the read fails loudly instead of going on.
 */
final class CsvFileReader implements FlatMapFunction<String, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final CsvRecords.Format format;
  private final String encoding;
  private final boolean header;
  private final int skipLines;
  private final int columns;
  private final String nullValue;
  private final SerializableConfiguration hadoop;

  private final int maxRecords;

  /** @param maxRecords above 0: stop after this many records (a sample; the line count is then not checked) */
  CsvFileReader(FormatOptions o, int columns, Configuration hadoop, int maxRecords) {
    this.maxRecords = maxRecords;
    this.format = format(o);
    this.encoding = o.encoding();
    this.header = o.header();
    this.skipLines = o.skipLines();
    this.columns = columns;
    this.nullValue = o.nullValue();
    this.hadoop = new SerializableConfiguration(hadoop);
  }

  static CsvRecords.Format format(FormatOptions o) {
    return new CsvRecords.Format(o.delimiter().charAt(0), o.quote().charAt(0), o.escape().charAt(0), o.multiline());
  }

  /** The file's text: decompressed when its name says so (.gz, .bz2, ...), decoded in the configured encoding. */
  static Reader open(String file, String encoding, Configuration conf) throws IOException {
    Path path = new Path(file);
    InputStream raw = path.getFileSystem(conf).open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    InputStream in = codec == null ? raw : codec.createInputStream(raw);
    return new BufferedReader(new InputStreamReader(in, Charset.forName(encoding)), 1 << 16);
  }

  @Override
  public Iterator<Row> call(String file) throws IOException {
    // Counted in the same read: reopening the file to count would read (and decompress) every file twice.
    LineCountingReader in = new LineCountingReader(open(file, encoding, hadoop.value()));
    CsvRecords records = new CsvRecords(in, format);
    int skipped = records.skipLines(skipLines);
    if (header) {
      records.header();
    }
    records.expectFields(columns);
    return new Iterator<>() {
      private Row next = advance();
      private long number;

      private Row advance() {
        if (maxRecords > 0 && number >= maxRecords) {
          try {
            in.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return null;
        }
        CsvRecords.Record r = records.next();
        if (r == null) {
          close();
          return null;
        }
        number++;
        Object[] values = new Object[columns + 4];
        if (r.malformed()) {
          values[columns] = r.raw();
          values[columns + 1] = "line " + r.firstLine() + ": " + r.problem();
        } else {
          for (int i = 0; i < columns; i++) {
            String v = r.fields()[i];
            values[i] = v != null && v.equals(nullValue) ? null : v;
          }
        }
        values[columns + 2] = file;
        values[columns + 3] = number;
        return RowFactory.create(values);
      }

      private void close() {
        try {
          in.close();
          long accounted = records.accountedLines(skipped);
          long physical = in.lines();
          if (accounted != physical || records.linesRead() != physical) {
            throw new IllegalStateException("CSV reader lost track of lines in " + file + ": the file has " + physical
                + " lines, the parser read " + records.linesRead() + " and accounted for " + accounted
                + " (preamble, header, blank lines and records); refusing to go on with records possibly lost or merged."
                + " This is a bug in Luister: please report it with the file.");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = advance();
        return r;
      }
    };
  }

  /** The header of a file (after skipped lines), or an empty list for a file of blank lines; null fields kept as "". */
  static List<String> header(String file, FormatOptions o, Configuration conf) {
    try (Reader in = open(file, o.encoding(), conf)) {
      CsvRecords records = new CsvRecords(in, format(o));
      records.skipLines(o.skipLines());
      CsvRecords.Record h = o.header() ? records.header() : records.next();
      List<String> names = new ArrayList<>();
      if (h == null) {
        return names;
      }
      if (h.malformed()) {
        throw new io.luister.jobs.LuisterDataException(file + ": the " + (o.header() ? "header" : "first record")
            + " cannot be parsed (" + h.problem() + ")");
      }
      for (String f : h.fields()) {
        names.add(f == null ? "" : f);
      }
      return names;
    } catch (IOException e) {
      throw new io.luister.jobs.LuisterDataException("cannot read the header of " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Counts the physical lines of the text that passes through it by {@link CsvRecords#countLines}' rule (each LF,
   * each CR not followed by LF, and a last line without a terminator), so the check needs no second read.
   */
  static final class LineCountingReader extends FilterReader {
    private long terminated;
    private int previous = -1;

    LineCountingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        count(buffer[offset + i]);
      }
      return n;
    }

    private void count(char c) {
      if (previous == '\r' && c != '\n') {
        terminated++;
      }
      if (c == '\n') {
        terminated++;
      }
      previous = c;
    }

    /** The lines of the text read so far; all of them once the end was reached. */
    long lines() {
      return previous != -1 && previous != '\n' ? terminated + 1 : terminated;
    }

    @Override
    public boolean markSupported() {
      // A reset would count characters twice.
      return false;
    }
  }
}
