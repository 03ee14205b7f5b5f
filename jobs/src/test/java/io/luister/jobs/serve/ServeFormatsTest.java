package io.luister.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luister.common.config.ConfigException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The pure parts of serving: type mapping, DDL, CSV records, the password's redaction. No Spark session. */
class ServeFormatsTest {
  static final StructType SCHEMA = new StructType()
      .add("period", DataTypes.StringType, false, "The quarter.")
      .add("text", DataTypes.StringType)
      .add("score", DataTypes.DoubleType)
      .add("n", DataTypes.LongType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType))
      .add("amount", DataTypes.createDecimalType(10, 2))
      .add("at", DataTypes.TimestampType);

  @Test
  void mapsSparkTypesToPostgresTypesWithNestedAsJsonb() {
    assertEquals("text", PgTypes.of(DataTypes.StringType));
    assertEquals("bigint", PgTypes.of(DataTypes.LongType));
    assertEquals("double precision", PgTypes.of(DataTypes.DoubleType));
    assertEquals("numeric(10,2)", PgTypes.of(DataTypes.createDecimalType(10, 2)));
    assertEquals("timestamptz", PgTypes.of(DataTypes.TimestampType));
    assertEquals("timestamp", PgTypes.of(DataTypes.TimestampNTZType));
    assertEquals("jsonb", PgTypes.of(DataTypes.createArrayType(DataTypes.StringType)));
    assertEquals("jsonb", PgTypes.of(new StructType().add("a", DataTypes.IntegerType)));
    assertEquals("jsonb", PgTypes.of(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType)));
  }

  @Test
  void generatesQuotedIdempotentDdlWithCommentsAndIndexes() {
    assertEquals("CREATE TABLE IF NOT EXISTS \"luister\".\"t\" (\"period\" text, \"text\" text, \"score\" double precision, "
        + "\"n\" bigint, \"tags\" jsonb, \"amount\" numeric(10,2), \"at\" timestamptz)", PgDdl.createTable("luister", "t", SCHEMA));
    assertEquals("\"we\"\"ird\"", PgDdl.ident("we\"ird"));
    assertEquals(List.of("COMMENT ON COLUMN \"s\".\"t\".\"period\" IS 'The quarter.'"), PgDdl.comments("s", "t", SCHEMA, null));
    assertEquals("'it''s'", PgDdl.literal("it's"));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"t_period_idx\" ON \"s\".\"t\" (\"period\")"), PgDdl.indexes("s", "t", SCHEMA));
    String longName = PgDdl.indexName("a".repeat(80), "category");
    assertTrue(longName.length() <= PgDdl.MAX_IDENTIFIER && longName.endsWith("_category_" + Integer.toHexString(
        ("a".repeat(80) + "_category_idx").hashCode()) + "_idx"), longName);
    assertEquals("DELETE FROM \"s\".\"t\" WHERE \"period\" = ?", PgDdl.deleteSlice("s", "t", true));
    assertEquals("DELETE FROM \"s\".\"t\"", PgDdl.deleteSlice("s", "t", false));
  }

  @Test
  void copyRecordsQuoteEveryTextAndTellNullFromEmpty() {
    assertEquals("\"2026-Q3\",\"a \"\"b\"\",\nc\",-1.5,-3,\"[\"\"x\"\"]\",1000,2026-07-01T10:00:00Z",
        CsvBytesTest.record(RowFactory.create("2026-Q3", "a \"b\",\nc\0", -1.5, -3L, "[\"x\"]", new BigDecimal("1E+3"),
            Timestamp.from(java.time.Instant.parse("2026-07-01T10:00:00Z"))), SCHEMA, CsvCells.Flavour.POSTGRES_COPY));
    assertEquals("\"p\",\"\",,,,,", CsvBytesTest.record(RowFactory.create("p", "", null, null, null, null, null), SCHEMA,
        CsvCells.Flavour.POSTGRES_COPY));
  }

  @Test
  void spreadsheetRecordsNeutraliseFormulasInTextButNotNumbers() {
    for (String hostile : List.of("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx")) {
      assertTrue(CsvCells.startsLikeFormula(hostile), hostile);
      assertEquals("'" + hostile, CsvCells.neutralise(hostile));
    }
    assertFalse(CsvCells.startsLikeFormula("fine = good"));
    assertEquals("2026-Q3,'-2 stars,-2.0,-7,,,", CsvBytesTest.record(RowFactory.create("2026-Q3", "-2 stars", -2.0, -7L,
        null, null, null), SCHEMA, CsvCells.Flavour.SPREADSHEET));
  }

  @Test
  void noDelimiterASpreadsheetMayChooseMakesAFormulaOfATextCell() {
    List<String> hostile = List.of("factuur te hoog;=cmd|' /C calc'!A0", "ok,=HYPERLINK(\"http://evil\")",
        "a\t@SUM(A1)", "x| +cmd|' /C calc'!A0", "ja;-cmd|x", "kort;\n=1+1", " =2+3", "a;b;=c");
    for (String cell : hostile) {
      String record = CsvBytesTest.record(RowFactory.create("p", cell, null, null, null, null, null), SCHEMA,
          CsvCells.Flavour.SPREADSHEET);
      // A spreadsheet that ignores the quotes and splits on any of these sees these pieces.
      for (String piece : record.split("[;,\t|\n\"]")) {
        String shown = piece.strip();
        assertFalse(shown.matches("(?s)[=@].*|[+-][^0-9 ].*"), "'" + shown + "' of " + record);
      }
      if (cell.matches("(?s).*[;\t|\n,].*")) {
        assertTrue(record.contains("\""), "a cell with a delimiter-like character is quoted: " + record);
      }
    }
    assertEquals("prijs 10,- of 3;-2", CsvCells.neutralise("prijs 10,- of 3;-2"), "numbers after a delimiter stay");
    assertEquals("factuur te hoog;'=cmd", CsvCells.neutralise("factuur te hoog;=cmd"));
  }

  @Test
  void neverShowsThePassword() {
    JdbcTarget fromUrl = JdbcTarget.of("jdbc:postgresql://db:5432/bi?user=u&password=s3cret&ssl=true", null,
        Map.of("PGPASSWORD", "other"));
    assertEquals("jdbc:postgresql://db:5432/bi?user=u&password=***&ssl=true", fromUrl.redacted());
    assertEquals(null, fromUrl.password(), "the URL's password wins over PGPASSWORD");
    JdbcTarget fromEnv = JdbcTarget.of("jdbc:postgresql://db/bi", "u", Map.of("LUISTER_PG_PASSWORD", "s3cret", "PGPASSWORD", "x"));
    assertEquals("s3cret", fromEnv.password());
    assertFalse(fromEnv.toString().contains("s3cret") || fromUrl.toString().contains("s3cret"));
    assertEquals("x", JdbcTarget.of("jdbc:postgresql://db/bi", "u", Map.of("PGPASSWORD", "x")).password());
    assertThrows(ConfigException.class, () -> JdbcTarget.of("jdbc:mysql://db/bi?password=s3cret", null, Map.of()));
  }
}
