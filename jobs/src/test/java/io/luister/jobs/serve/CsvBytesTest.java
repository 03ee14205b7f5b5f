package io.luister.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of the CSV that export writes and publish sends to COPY, on cells that are easy to get wrong
 * (quotes, delimiters, line breaks, leading or trailing blanks, nulls against empty strings, formula starts).
 * Pinned from the hand-written writer before univocity took over, so the switch changed no byte.
 */
class CsvBytesTest {
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType)
      .add("text", DataTypes.StringType)
      .add("score", DataTypes.DoubleType)
      .add("amount", DataTypes.createDecimalType(10, 2))
      .add("at", DataTypes.TimestampType)
      .add("ok", DataTypes.BooleanType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType))
      .add("bytes", DataTypes.BinaryType);

  static final List<String> TEXTS = List.of("plain", "", "a,b", "say \"hi\"", "\"", "line1\nline2", "cr\rlf",
      "crlf\r\nend", " lead", "trail ", "  ", "tab\tin", "pipe|x", "semi;x", "=1+1", "-2 stars", "+x", "@SUM(A1)",
      "\tx", "ok;=cmd", "prijs 10,- of 3;-2", "\\.", "nul\0x", "é 😀 ñ", "#comment", "'quoted'", "a\"\"b");

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      rows.add(RowFactory.create((long) i - 3, TEXTS.get(i), i % 3 == 0 ? Double.NaN : -1.5 * i,
          new BigDecimal("1E+" + (i % 4)), Timestamp.from(Instant.parse("2026-07-01T10:00:00Z").plusSeconds(i)),
          i % 2 == 0, "[\"t" + i + "\",\"=x\"]", new byte[] {(byte) i, (byte) 0xff}));
    }
    rows.add(RowFactory.create(null, null, null, null, null, null, null, null));
    return rows;
  }

  static final String EXPORTED = "id,text,score,amount,at,ok,tags,bytes\r\n"
      + "-3,plain,NaN,1,2026-07-01T10:00:00Z,true,\"[\"\"t0\"\",\"\"=x\"\"]\",\\x00ff\r\n"
      + "-2,\"\",-1.5,10,2026-07-01T10:00:01Z,false,\"[\"\"t1\"\",\"\"=x\"\"]\",\\x01ff\r\n"
      + "-1,\"a,b\",-3.0,100,2026-07-01T10:00:02Z,true,\"[\"\"t2\"\",\"\"=x\"\"]\",\\x02ff\r\n"
      + "0,\"say \"\"hi\"\"\",NaN,1000,2026-07-01T10:00:03Z,false,\"[\"\"t3\"\",\"\"=x\"\"]\",\\x03ff\r\n"
      + "1,\"\"\"\",-6.0,1,2026-07-01T10:00:04Z,true,\"[\"\"t4\"\",\"\"=x\"\"]\",\\x04ff\r\n"
      + "2,\"line1\n"
      + "line2\",-7.5,10,2026-07-01T10:00:05Z,false,\"[\"\"t5\"\",\"\"=x\"\"]\",\\x05ff\r\n"
      + "3,\"cr\rlf\",NaN,100,2026-07-01T10:00:06Z,true,\"[\"\"t6\"\",\"\"=x\"\"]\",\\x06ff\r\n"
      + "4,\"crlf\r\n"
      + "end\",-10.5,1000,2026-07-01T10:00:07Z,false,\"[\"\"t7\"\",\"\"=x\"\"]\",\\x07ff\r\n"
      + "5, lead,-12.0,1,2026-07-01T10:00:08Z,true,\"[\"\"t8\"\",\"\"=x\"\"]\",\\x08ff\r\n"
      + "6,trail ,NaN,10,2026-07-01T10:00:09Z,false,\"[\"\"t9\"\",\"\"=x\"\"]\",\\x09ff\r\n"
      + "7,  ,-15.0,100,2026-07-01T10:00:10Z,true,\"[\"\"t10\"\",\"\"=x\"\"]\",\\x0aff\r\n"
      + "8,\"tab\tin\",-16.5,1000,2026-07-01T10:00:11Z,false,\"[\"\"t11\"\",\"\"=x\"\"]\",\\x0bff\r\n"
      + "9,\"pipe|x\",NaN,1,2026-07-01T10:00:12Z,true,\"[\"\"t12\"\",\"\"=x\"\"]\",\\x0cff\r\n"
      + "10,\"semi;x\",-19.5,10,2026-07-01T10:00:13Z,false,\"[\"\"t13\"\",\"\"=x\"\"]\",\\x0dff\r\n"
      + "11,'=1+1,-21.0,100,2026-07-01T10:00:14Z,true,\"[\"\"t14\"\",\"\"=x\"\"]\",\\x0eff\r\n"
      + "12,'-2 stars,NaN,1000,2026-07-01T10:00:15Z,false,\"[\"\"t15\"\",\"\"=x\"\"]\",\\x0fff\r\n"
      + "13,'+x,-24.0,1,2026-07-01T10:00:16Z,true,\"[\"\"t16\"\",\"\"=x\"\"]\",\\x10ff\r\n"
      + "14,'@SUM(A1),-25.5,10,2026-07-01T10:00:17Z,false,\"[\"\"t17\"\",\"\"=x\"\"]\",\\x11ff\r\n"
      + "15,\"'\tx\",NaN,100,2026-07-01T10:00:18Z,true,\"[\"\"t18\"\",\"\"=x\"\"]\",\\x12ff\r\n"
      + "16,\"ok;'=cmd\",-28.5,1000,2026-07-01T10:00:19Z,false,\"[\"\"t19\"\",\"\"=x\"\"]\",\\x13ff\r\n"
      + "17,\"prijs 10,- of 3;-2\",-30.0,1,2026-07-01T10:00:20Z,true,\"[\"\"t20\"\",\"\"=x\"\"]\",\\x14ff\r\n"
      + "18,\\.,NaN,10,2026-07-01T10:00:21Z,false,\"[\"\"t21\"\",\"\"=x\"\"]\",\\x15ff\r\n"
      + "19,nul\0x,-33.0,100,2026-07-01T10:00:22Z,true,\"[\"\"t22\"\",\"\"=x\"\"]\",\\x16ff\r\n"
      + "20,\u00e9 \ud83d\ude00 \u00f1,-34.5,1000,2026-07-01T10:00:23Z,false,\"[\"\"t23\"\",\"\"=x\"\"]\",\\x17ff\r\n"
      + "21,#comment,NaN,1,2026-07-01T10:00:24Z,true,\"[\"\"t24\"\",\"\"=x\"\"]\",\\x18ff\r\n"
      + "22,'quoted',-37.5,10,2026-07-01T10:00:25Z,false,\"[\"\"t25\"\",\"\"=x\"\"]\",\\x19ff\r\n"
      + "23,\"a\"\"\"\"b\",-39.0,100,2026-07-01T10:00:26Z,true,\"[\"\"t26\"\",\"\"=x\"\"]\",\\x1aff\r\n"
      + ",,,,,,,\r\n";

  static final String COPIED = "-3,\"plain\",NaN,1,2026-07-01T10:00:00Z,true,\"[\"\"t0\"\",\"\"=x\"\"]\",\\x00ff\n"
      + "-2,\"\",-1.5,10,2026-07-01T10:00:01Z,false,\"[\"\"t1\"\",\"\"=x\"\"]\",\\x01ff\n"
      + "-1,\"a,b\",-3.0,100,2026-07-01T10:00:02Z,true,\"[\"\"t2\"\",\"\"=x\"\"]\",\\x02ff\n"
      + "0,\"say \"\"hi\"\"\",NaN,1000,2026-07-01T10:00:03Z,false,\"[\"\"t3\"\",\"\"=x\"\"]\",\\x03ff\n"
      + "1,\"\"\"\",-6.0,1,2026-07-01T10:00:04Z,true,\"[\"\"t4\"\",\"\"=x\"\"]\",\\x04ff\n"
      + "2,\"line1\n"
      + "line2\",-7.5,10,2026-07-01T10:00:05Z,false,\"[\"\"t5\"\",\"\"=x\"\"]\",\\x05ff\n"
      + "3,\"cr\rlf\",NaN,100,2026-07-01T10:00:06Z,true,\"[\"\"t6\"\",\"\"=x\"\"]\",\\x06ff\n"
      + "4,\"crlf\r\n"
      + "end\",-10.5,1000,2026-07-01T10:00:07Z,false,\"[\"\"t7\"\",\"\"=x\"\"]\",\\x07ff\n"
      + "5,\" lead\",-12.0,1,2026-07-01T10:00:08Z,true,\"[\"\"t8\"\",\"\"=x\"\"]\",\\x08ff\n"
      + "6,\"trail \",NaN,10,2026-07-01T10:00:09Z,false,\"[\"\"t9\"\",\"\"=x\"\"]\",\\x09ff\n"
      + "7,\"  \",-15.0,100,2026-07-01T10:00:10Z,true,\"[\"\"t10\"\",\"\"=x\"\"]\",\\x0aff\n"
      + "8,\"tab\tin\",-16.5,1000,2026-07-01T10:00:11Z,false,\"[\"\"t11\"\",\"\"=x\"\"]\",\\x0bff\n"
      + "9,\"pipe|x\",NaN,1,2026-07-01T10:00:12Z,true,\"[\"\"t12\"\",\"\"=x\"\"]\",\\x0cff\n"
      + "10,\"semi;x\",-19.5,10,2026-07-01T10:00:13Z,false,\"[\"\"t13\"\",\"\"=x\"\"]\",\\x0dff\n"
      + "11,\"=1+1\",-21.0,100,2026-07-01T10:00:14Z,true,\"[\"\"t14\"\",\"\"=x\"\"]\",\\x0eff\n"
      + "12,\"-2 stars\",NaN,1000,2026-07-01T10:00:15Z,false,\"[\"\"t15\"\",\"\"=x\"\"]\",\\x0fff\n"
      + "13,\"+x\",-24.0,1,2026-07-01T10:00:16Z,true,\"[\"\"t16\"\",\"\"=x\"\"]\",\\x10ff\n"
      + "14,\"@SUM(A1)\",-25.5,10,2026-07-01T10:00:17Z,false,\"[\"\"t17\"\",\"\"=x\"\"]\",\\x11ff\n"
      + "15,\"\tx\",NaN,100,2026-07-01T10:00:18Z,true,\"[\"\"t18\"\",\"\"=x\"\"]\",\\x12ff\n"
      + "16,\"ok;=cmd\",-28.5,1000,2026-07-01T10:00:19Z,false,\"[\"\"t19\"\",\"\"=x\"\"]\",\\x13ff\n"
      + "17,\"prijs 10,- of 3;-2\",-30.0,1,2026-07-01T10:00:20Z,true,\"[\"\"t20\"\",\"\"=x\"\"]\",\\x14ff\n"
      + "18,\"\\.\",NaN,10,2026-07-01T10:00:21Z,false,\"[\"\"t21\"\",\"\"=x\"\"]\",\\x15ff\n"
      + "19,\"nulx\",-33.0,100,2026-07-01T10:00:22Z,true,\"[\"\"t22\"\",\"\"=x\"\"]\",\\x16ff\n"
      + "20,\"\u00e9 \ud83d\ude00 \u00f1\",-34.5,1000,2026-07-01T10:00:23Z,false,\"[\"\"t23\"\",\"\"=x\"\"]\",\\x17ff\n"
      + "21,\"#comment\",NaN,1,2026-07-01T10:00:24Z,true,\"[\"\"t24\"\",\"\"=x\"\"]\",\\x18ff\n"
      + "22,\"'quoted'\",-37.5,10,2026-07-01T10:00:25Z,false,\"[\"\"t25\"\",\"\"=x\"\"]\",\\x19ff\n"
      + "23,\"a\"\"\"\"b\",-39.0,100,2026-07-01T10:00:26Z,true,\"[\"\"t26\"\",\"\"=x\"\"]\",\\x1aff\n"
      + ",,,,,,,\n";

  @Test
  void exportWritesTheSameBytesAsBefore() throws Exception {
    StructType schema = new StructType(SCHEMA.fields());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(TEXTS.size() + 1, TableExport.csv(rows().iterator(), schema, out));
    assertEquals(EXPORTED, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void exportHeaderIsATextRecordToo() throws Exception {
    StructType schema = new StructType().add("=x", DataTypes.StringType).add("a,b", DataTypes.StringType)
        .add("q\"", DataTypes.StringType).add(" ", DataTypes.StringType);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableExport.csv(List.<Row>of().iterator(), schema, out);
    assertEquals("'=x,\"a,b\",\"q\"\"\", \r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void copySendsTheSameBytesAsBefore() {
    StringBuilder sb = new StringBuilder();
    for (Row row : rows()) {
      sb.append(record(row, SCHEMA, CsvCells.Flavour.POSTGRES_COPY)).append('\n');
    }
    assertEquals(COPIED, sb.toString());
  }

  @Test
  void writesLongCellsWideRowsAndCellsThatLookQuotedAlready() throws Exception {
    String longText = "x".repeat(100_000) + ",";
    StructType one = new StructType().add("t", DataTypes.StringType);
    assertEquals("\"" + longText + "\"", record(RowFactory.create(longText), one, CsvCells.Flavour.SPREADSHEET));
    assertEquals("\"\"\"hi\"\"\"", record(RowFactory.create("\"hi\""), one, CsvCells.Flavour.SPREADSHEET));
    assertEquals("\"\"\"\"\"\"", record(RowFactory.create("\"\""), one, CsvCells.Flavour.POSTGRES_COPY));
    StructType wide = new StructType();
    Object[] values = new Object[1000];
    for (int i = 0; i < values.length; i++) {
      wide = wide.add("c" + i, DataTypes.IntegerType);
      values[i] = i;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableExport.csv(List.of(RowFactory.create(values)).iterator(), wide, out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertEquals(2, lines.length);
    assertEquals(1000, lines[1].split(",").length);
    assertEquals("999", lines[1].substring(lines[1].lastIndexOf(',') + 1));
  }

  /** One record of {@code flavour}, as export and publish write it, without its line end. */
  static String record(Row row, StructType schema, CsvCells.Flavour flavour) {
    return CsvCells.writer(null, schema, flavour).writeRowToString((Object[]) CsvCells.cells(row, schema, flavour));
  }
}
