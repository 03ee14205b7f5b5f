package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.univocity.parsers.csv.CsvWriter;
import io.luister.jobs.serve.CsvCells;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The exact CSV lines {@code luister sql --format csv} prints (bin/test's smoke checks read them), on cells that
 * are easy to get wrong. Pinned from the hand-written writer before univocity took over.
 */
class TablePrinterCsvTest {
  @Test
  void printsTheSameLinesAsBefore() {
    StructField[] fields = new StructType().add("n", DataTypes.LongType).add("text", DataTypes.StringType)
        .add("tags", DataTypes.StringType).fields();
    List<String[]> records = List.of(
        new String[] {"1", "plain", "[a, b]"},
        new String[] {"-2", "", null},
        new String[] {"3", null, ""},
        new String[] {"4", "a,b", "say \"hi\""},
        new String[] {"5", "line1\nline2", "cr\rlf"},
        new String[] {"6", " lead", "trail "},
        new String[] {"7", "tab\tin", "pipe|x;semi"},
        new String[] {"8", "=1+1", "-2 stars"},
        new String[] {"9", "ok;=cmd", "\""},
        new String[] {"-1,5", "é 😀", "  "});
    CsvWriter csv = CsvCells.writer(null, new StructType(fields), CsvCells.Flavour.SQL_OUTPUT);
    StringBuilder printed = new StringBuilder(TablePrinter.csvLine(csv, new String[] {"=n", "a,b", "q\"", ""}, null)).append('\n');
    for (String[] values : records) {
      printed.append(TablePrinter.csvLine(csv, values, fields)).append('\n');
    }
    assertEquals("'=n,\"a,b\",\"q\"\"\",\n"
        + "1,plain,\"[a, b]\"\n"
        + "-2,,\n"
        + "3,,\n"
        + "4,\"a,b\",\"say \"\"hi\"\"\"\n"
        + "5,\"line1\n"
        + "line2\",\"cr\rlf\"\n"
        + "6, lead,trail \n"
        + "7,\"tab\tin\",\"pipe|x;semi\"\n"
        + "8,'=1+1,'-2 stars\n"
        + "9,\"ok;'=cmd\",\"\"\"\"\n"
        + "\"-1,5\",\u00e9 \ud83d\ude00,  \n", printed.toString());
  }
}
