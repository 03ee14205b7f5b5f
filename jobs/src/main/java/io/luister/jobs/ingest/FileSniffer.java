package io.luister.jobs.ingest;

import io.luister.common.config.SourceConfig;
import io.luister.common.config.SourceFormat;
import io.luister.jobs.LuisterDataException;
import io.luister.jobs.LuisterInfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the first bytes of a file before it is parsed, so that a file that is not text in the configured
 * encoding is refused with what it is (a zip archive, gzip data without a .gz name, UTF-16 or UTF-32 text, a
 * byte-order mark and nothing else) instead of a misleading parse error further on.
 */
final class FileSniffer {
  private static final Logger LOG = LoggerFactory.getLogger(FileSniffer.class);
  private static final int PROBE = 4096;

  private FileSniffer() {}

  /**
   * @return true when the file should be read; false when it holds nothing but a byte-order mark and blanks
   *     (skipped with a warning, like an empty file)
   * @throws LuisterDataException naming the file, what it is and what to set
   */
  static boolean sniff(SourceConfig source, String file, Configuration conf) {
    if (source.format() == SourceFormat.PARQUET) {
      return true;
    }
    String where = "source '" + source.name() + "': " + file;
    Path path = new Path(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    byte[] head;
    try (InputStream raw = path.getFileSystem(conf).open(path)) {
      head = raw.readNBytes(PROBE);
    } catch (IOException e) {
      // Opening the file and reading its first bytes as stored (not decompressed or decoded) fails only in the
      // storage: an infrastructure failure, which a retry may get past, not a property of the data.
      throw new LuisterInfrastructureException(where + ": cannot be read: " + e.getMessage(), e);
    }
    String diagnosis = diagnose(head, codec != null, source.options().encoding());
    if (diagnosis != null) {
      throw new LuisterDataException(where + ": " + diagnosis);
    }
    if (codec != null) {
      try (InputStream in = codec.createInputStream(path.getFileSystem(conf).open(path))) {
        head = in.readNBytes(PROBE);
      } catch (IOException e) {
        throw new LuisterDataException(where + ": is named as " + codec.getDefaultExtension()
            + "-compressed but cannot be decompressed (" + e.getMessage() + "); check that the file is complete", e);
      }
      diagnosis = diagnose(head, false, source.options().encoding());
      if (diagnosis != null) {
        throw new LuisterDataException(where + " (decompressed): " + diagnosis);
      }
    }
    if (onlyByteOrderMark(head)) {
      LOG.warn("{}: holds only a byte-order mark (and blank lines): no header, no records; it is skipped", where);
      return false;
    }
    if (bareCarriageReturns(head)) {
      LOG.info("{}: lines end in a bare carriage return (CR, old Mac style); read as line ends", where);
    }
    return true;
  }

  /** What the first bytes say the file is, when it is not text in {@code encoding}; null when nothing is wrong. */
  static String diagnose(byte[] head, boolean compressedByName, String encoding) {
    String enc = encoding.toUpperCase(Locale.ROOT).replace("_", "-");
    if (starts(head, 0x50, 0x4B, 0x03, 0x04) || starts(head, 0x50, 0x4B, 0x05, 0x06)) {
      return "is a zip archive, not " + encoding + " text: unzip it and point the source's path at the extracted file(s)";
    }
    if (!compressedByName && starts(head, 0x1F, 0x8B)) {
      return "is gzip-compressed data, not " + encoding + " text: decompress it, or give it a name ending in .gz so it is"
          + " decompressed while read";
    }
    if (compressedByName) {
      return null;
    }
    String bom = null;
    if (starts(head, 0xFF, 0xFE, 0x00, 0x00)) {
      bom = "UTF-32LE";
    } else if (starts(head, 0x00, 0x00, 0xFE, 0xFF)) {
      bom = "UTF-32BE";
    } else if (starts(head, 0xFF, 0xFE)) {
      bom = "UTF-16LE";
    } else if (starts(head, 0xFE, 0xFF)) {
      bom = "UTF-16BE";
    }
    if (bom != null) {
      String family = bom.substring(0, 6);
      return enc.startsWith(family) ? null : "starts with a " + bom + " byte-order mark, so it is " + bom
          + " text, not " + encoding + ": set options.encoding: " + family;
    }
    if (enc.startsWith("UTF-16") || enc.startsWith("UTF-32")) {
      return null;
    }
    int n = Math.min(head.length, 512);
    int[] zerosAt = new int[4];
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        zerosAt[i % 4]++;
        zeros++;
      }
    }
    if (n >= 8 && zeros >= n / 3) {
      int quarter = n / 4;
      boolean utf32 = zeros >= n / 2 + quarter / 2;
      if (utf32) {
        String order = zerosAt[0] < quarter / 2 ? "UTF-32LE" : "UTF-32BE";
        return "has the NUL-byte pattern of " + order + " text (three NUL bytes in every four), not " + encoding
            + ": set options.encoding: " + order;
      }
      String order = zerosAt[1] + zerosAt[3] > zerosAt[0] + zerosAt[2] ? "UTF-16LE" : "UTF-16BE";
      return "has the NUL-byte pattern of " + order + " text without a byte-order mark (every second byte NUL), not "
          + encoding + ": set options.encoding: " + order;
    }
    return null;
  }

  private static boolean onlyByteOrderMark(byte[] head) {
    int i;
    if (starts(head, 0xEF, 0xBB, 0xBF)) {
      i = 3;
    } else {
      return false;
    }
    for (; i < head.length; i++) {
      if (!Character.isWhitespace((char) head[i])) {
        return false;
      }
    }
    return head.length < PROBE;
  }

  private static boolean bareCarriageReturns(byte[] head) {
    boolean cr = false;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n') {
        return false;
      }
      if (head[i] == '\r') {
        cr = true;
      }
    }
    return cr;
  }

  private static boolean starts(byte[] head, int... bytes) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
