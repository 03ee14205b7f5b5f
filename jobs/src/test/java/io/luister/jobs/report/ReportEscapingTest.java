package io.luister.jobs.report;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.jobs.themes.ThemeTables;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Customer text is data: markup in a quote must show as text in the HTML and in the PDF, never run. */
class ReportEscapingTest {
  static final String PLANTED = "<script>alert(1)</script> & <b>bold</b>";

  @Test
  void markupInAQuoteAppearsAsTextInHtmlAndPdf() throws IOException {
    GoldTables gold = ReportModelsTest.sample().with("themes", new GoldRows(ThemeTables.THEMES_SCHEMA)
        .add("period", ReportModelsTest.P, "theme_id", "t1", "label", "x < y & z", "size", 40, "share", 0.4,
            "top_category", "billing", "examples", List.of(PLANTED), "taxonomy_candidate", false)
        .frame());
    ReportModel m = ReportModels.build(gold, ReportModelsTest.P, "Acme", List.of("Rival"));
    // A hostile category label (taxonomy) also reaches the chart SVG, which is inserted unescaped: JFreeSVG must
    // escape its text.
    ReportRenderer renderer = new ReportRenderer(Map.of("outage", Map.of("en", "<i>Out</i> & age", "nl",
        "<i>Out</i> & age")), LocalDate.of(2026, 10, 1));
    for (String lang : ReportMessages.LANGUAGES) {
      String html = renderer.html(m, lang, false);
      assertFalse(html.contains("<script"), "the planted script is not markup");
      assertFalse(html.contains("<b>bold"), "the planted tag is not markup");
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"), "escaped once");
      assertTrue(html.contains("x &lt; y &amp; z"), "labels are escaped too");
      assertFalse(html.contains("<i>Out"), "category labels are escaped in tables and charts");
      assertTrue(html.contains("&lt;i&gt;Out&lt;/i&gt; &amp; age"), "and shown as text");

      byte[] pdf = ReportRenderer.pdf(renderer.html(m, lang, true));
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        String text = new PDFTextStripper().getText(doc);
        assertTrue(text.replaceAll("\\s+", " ").contains(PLANTED), "the PDF shows the text literally");
        assertFalse(text.contains("&lt;"), "and not its escaped form");
      }
    }
  }

  @Test
  void thePdfShowsCharactersBeyondLatin1AsWritten() throws IOException {
    // PDFBox's built-in Helvetica printed "≤" of a finding as "#" ("Poisson p # 0.0038"), and so every Greek,
    // Cyrillic or Arabic letter of a quote; the report embeds DejaVu Sans.
    String quote = "p ≤ 0,0038 — “ok” € Ωμέγα Привет ženské";
    GoldTables gold = ReportModelsTest.sample().with("themes", new GoldRows(ThemeTables.THEMES_SCHEMA)
        .add("period", ReportModelsTest.P, "theme_id", "t1", "label", "price · prijs", "size", 40, "share", 0.4,
            "top_category", "billing", "examples", List.of(quote), "taxonomy_candidate", false)
        .frame());
    ReportModel m = ReportModels.build(gold, ReportModelsTest.P, "Acme", List.of("Rival"));
    ReportRenderer renderer = new ReportRenderer(Map.of(), LocalDate.of(2026, 10, 1));
    byte[] pdf = ReportRenderer.pdf(renderer.html(m, "en", true));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains(quote), "the quote as written, not with '#' for what the font lacks: " + text);
    }
  }
}
