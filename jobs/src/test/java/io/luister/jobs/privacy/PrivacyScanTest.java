package io.luister.jobs.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luister.common.test.TestSpark;
import io.luister.jobs.serve.TableExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PrivacyScanTest {
  static final SparkSession spark = TestSpark.session();

  static final StructType TABLE = new StructType().add("id", DataTypes.StringType).add("author", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("tokens", DataTypes.createArrayType(DataTypes.StringType))
      .add("views", DataTypes.LongType);

  private static Dataset<Row> values() {
    return spark.createDataFrame(PrivacyScan.parseValues("values.tsv", List.of(
        "# planted", "handle\t@Lucas_Bakker_10", "customer_id\tK1002454", "email\tmarta.huisman@ziggo.nl",
        "phone\t06-78308197", "iban\tNL31KNAB1234413296")), PrivacyScan.VALUES_SCHEMA);
  }

  private static String hits(List<Row> rows) {
    Dataset<Row> table = spark.createDataFrame(rows, TABLE);
    return PrivacyScan.scan(spark, table, "t", values()).collectAsList().stream()
        .map(r -> r.getString(1) + ":" + r.getString(2) + "=" + r.getLong(3)).collect(Collectors.joining(", "));
  }

  @Test
  void cleanTablesHaveNoHitsEvenWhenAHandleIsAlsoAnOrdinaryWord() {
    assertEquals("", hits(List.of(
        RowFactory.create("p1", "au_2cf4bbab", "Lucas_bakker_10 schreef over [e-mail] en [telefoon]", List.of("luca"), 3L),
        RowFactory.create("p2", "au_22ea60e5", "bel 06 1234 0000 of mail info@zonnewijs.nl", List.of(), 1L))));
  }

  @Test
  void findsEachKindOfRawValueWhereverItIsAndCountsRows() {
    assertEquals("author:handle=1, id:customer_id=1, text:email=1, text:handle=1, text:iban=1, text:phone=2, tokens:customer_id=1",
        hits(List.of(
            RowFactory.create("K1002454", "lucas_bakker_10", "Mail marta.huisman@ziggo.nl.", List.of("k1002454"), 1L),
            RowFactory.create("p2", "au_x", "@lucas_bakker_10 bel me op 06 78 30 81 97", List.of(), 1L),
            RowFactory.create("p3", "au_y", "rekening NL31 KNAB? nee: nl31knab1234413296, tel (06)-78308197", List.of(), 1L))));
  }

  @Test
  void findsABareHandleWhereAUrlNamesTheAccount() {
    assertEquals("text:handle=1", hits(List.of(
        RowFactory.create("p1", "au_x", "{\"url\":\"https://x.com/Lucas_Bakker_10/status/1\"}", List.of(), 1L),
        RowFactory.create("p2", "au_y", "https://x.com/@[user]/status/2 and https://x.com/au_2cf4bbab/status/3", List.of(), 1L))));
  }

  @Test
  void scansOutputFilesCsvHtmlXlsxAndParquetForTheSameValues() throws Exception {
    Path dir = TestSpark.tempDir("privacy-files");
    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, "id,text\np1,clean\np2,\"mail marta.huisman@ziggo.nl\"\n");
    Path html = dir.resolve("report.html");
    Files.writeString(html, "<p>Bel &quot;06 78 30 81 97&quot;</p>\n<p>au_2cf4bbab</p>\n");
    Dataset<Row> leaky = spark.createDataFrame(List.of(RowFactory.create("K1002454", "au_x", "@lucas_bakker_10", List.of(), 1L)), TABLE);
    Path xlsx = dir.resolve("export.xlsx");
    TableExport.export(leaky, TableExport.Format.xlsx, xlsx, "t");
    Path parquet = dir.resolve("export.parquet");
    TableExport.export(leaky, TableExport.Format.parquet, parquet, "t");

    assertEquals("text:email=1", fileHits(csv));
    assertEquals("text:phone=1", fileHits(html));
    assertEquals("text:customer_id=1, text:handle=1", fileHits(xlsx), "cells of the workbook");
    assertEquals("id:customer_id=1, text:handle=1", fileHits(parquet));

    Path pdf = dir.resolve("report.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(
            Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(50, 700);
        text.showText("Quote: IBAN NL31KNAB1234413296, thanks");
        text.endText();
      }
      doc.save(pdf.toFile());
    }
    assertEquals("text:iban=1", fileHits(pdf), "the text of the report's pages");
  }

  private static String fileHits(Path file) {
    return PrivacyScan.scan(spark, PrivacyScan.fileText(spark, file), "f", values()).collectAsList().stream()
        .map(r -> r.getString(1) + ":" + r.getString(2) + "=" + r.getLong(3)).collect(Collectors.joining(", "));
  }
}
