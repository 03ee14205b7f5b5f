package io.luister.jobs.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.luister.jobs.report.ReportModel.AlertRow;
import io.luister.jobs.report.ReportModel.CategoryRow;
import io.luister.jobs.report.ReportModel.SentimentRow;
import io.luister.jobs.report.ReportModel.VoiceRow;
import io.luister.jobs.report.ReportModel.WebcareRow;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@link ReportModel} → a self-contained HTML file (inline CSS and SVG charts, no script, no external address) and a
 * PDF of the same template (charts as PNG). The template engine escapes every value automatically, so customer text
 * that contains markup appears as text.
 */
public final class ReportRenderer {
  /** The categories shown in the channel chart; the table lists them all. */
  static final int CHART_CATEGORIES = 10;

  private static final PebbleEngine ENGINE = engine();

  private final Map<String, Map<String, String>> categoryLabels;
  private final LocalDate generated;

  /**
   * @param categoryLabels category id → language → label (from the taxonomy)
   * @param generated the day shown as the report's date
   */
  public ReportRenderer(Map<String, Map<String, String>> categoryLabels, LocalDate generated) {
    this.categoryLabels = categoryLabels;
    this.generated = generated;
  }

  private static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader(ReportRenderer.class.getClassLoader());
    loader.setPrefix("report/");
    loader.setSuffix(".peb");
    // Auto-escaping is Pebble's default; set explicitly because the report depends on it (customer text).
    return new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
        .strictVariables(false).cacheActive(true).build();
  }

  /** The files written for one language. */
  public record Output(Path html, Path pdf) {}

  /** Writes {@code luister-<period>-<lang>.html} and {@code .pdf} into {@code dir}, each atomically. */
  public Output write(ReportModel model, String language, Path dir) {
    String base = "luister-" + model.period() + "-" + language;
    Path html = dir.resolve(base + ".html");
    Path pdf = dir.resolve(base + ".pdf");
    writeAtomically(html, html(model, language, false).getBytes(StandardCharsets.UTF_8));
    writeAtomically(pdf, pdf(html(model, language, true)));
    return new Output(html, pdf);
  }

  /**
   * The report as XHTML (well-formed, so the PDF renderer reads the same markup).
   *
   * @param forPdf charts as PNG images (the PDF renderer draws no SVG) instead of inline SVG
   */
  public String html(ReportModel model, String language, boolean forPdf) {
    ReportMessages messages = ReportMessages.load(language);
    ReportView view = new ReportView(messages, categoryLabels);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("m", model);
    context.put("v", view);
    context.put("pdf", forPdf);
    context.put("lang", language);
    context.put("generated", generated.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(messages.locale())));
    context.put("summary", summary(model, view));
    context.put("charts", charts(model, view));
    context.put("categoryChannels", categoryChannels(model));
    context.put("trendPeriods", model.sentimentTrend().stream().map(SentimentRow::period).distinct().toList());
    context.put("tables", "gold.channel_mix, gold.themes, gold.silences, gold.reputation, gold.share_of_voice, "
        + "gold.alerts, gold.webcare, gold.data_health");
    try {
      PebbleTemplate template = ENGINE.getTemplate("report");
      StringWriter out = new StringWriter();
      template.evaluate(out, context, messages.locale());
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The executive summary: a few plain sentences, each only when its figures exist. */
  static List<String> summary(ReportModel m, ReportView v) {
    List<String> out = new ArrayList<>();
    ReportModel.Headline h = m.headline();
    ReportMessages t = ReportMessages.load(v.lang());
    if (h.items() > 0) {
      out.add(t.get("summary.volume", m.period(), m.brand(), v.count(h.items()), v.pct(h.negativeShare())));
    }
    out.add(h.nps() != null ? t.get("summary.nps", v.num(h.nps()), v.count(h.respondents())) : t.get("summary.noNps"));
    if (h.shareOfVoice() != null) {
      long brands = m.voice().stream().filter(x -> x.channel().equals("social") && x.platform().equals("*")).count();
      out.add(t.get("summary.voice", m.brand(), v.pct(h.shareOfVoice()), brands));
    }
    if (!h.silencesMeasured()) {
      out.add(t.get("summary.silencesNotMeasured", m.period()));
    } else if (m.silences().isEmpty() && m.silenceCounts().insufficientEvidence() > 0) {
      out.add(t.get("summary.silencesUntested", m.silenceCounts().insufficientEvidence()));
    } else if (m.silences().isEmpty()) {
      out.add(t.get("summary.noSilences"));
    } else {
      out.add(t.get("summary.silences", h.silences(), v.silenceText(m.silences().get(0))));
    }
    WebcareRow unmeasurable = m.webcare().stream().filter(w -> w.brand().equals(m.brand()) && !w.measurable())
        .findFirst().orElse(null);
    if (unmeasurable != null) {
      out.add(t.get("summary.webcareNotMeasurable", m.brand()));
    } else if (h.questionResponseRate() != null || h.complaintResponseRate() != null) {
      out.add(t.get("summary.webcare", v.pct(h.questionResponseRate()), v.pct(h.complaintResponseRate())));
    }
    if (!m.alerts().isEmpty()) {
      AlertRow a = m.alerts().get(0);
      out.add(t.get("summary.alert", m.brand(), alertSubject(a, v), v.channel(a.channel()), a.isoWeek(),
          v.count(a.observed()), v.num(a.expected()), v.polarity(a.polarity())));
    } else if (!m.competitorAlerts().isEmpty()) {
      AlertRow a = m.competitorAlerts().get(0);
      out.add(t.get("summary.competitorAlert", m.brand(), a.brand(), alertSubject(a, v), v.channel(a.channel()),
          a.isoWeek(), v.count(a.observed()), v.num(a.expected()), v.polarity(a.polarity())));
    }
    if (!m.health().isEmpty()) {
      out.add(h.healthProblems() == 0 ? t.get("summary.health", m.health().size())
          : t.get("summary.healthProblems", h.healthProblems(), m.health().size()));
    }
    return out;
  }

  static String alertSubject(AlertRow a, ReportView v) {
    return a.subjectType().equals("category") ? v.category(a.subject()) : a.subject();
  }

  /** The channels of the category table that have data in the period: a channel without any is left out. */
  static List<String> categoryChannels(ReportModel m) {
    return CategoryRow.CHANNELS.stream()
        .filter(ch -> m.categories().stream().anyMatch(c -> c.share(ch) != null)).toList();
  }

  /** The charts, each only when it has data. */
  static Map<String, Charts.Chart> charts(ReportModel m, ReportView v) {
    Map<String, Charts.Chart> charts = new LinkedHashMap<>();
    if (!m.categories().isEmpty()) {
      DefaultCategoryDataset d = new DefaultCategoryDataset();
      for (CategoryRow c : m.categories().stream().limit(CHART_CATEGORIES).toList()) {
        String label = v.category(c.category());
        for (String channel : categoryChannels(m)) {
          put(d, c.share(channel), v.channel(channel), label);
        }
      }
      if (d.getColumnCount() > 0) {
        charts.put("categories", Charts.bars(d, v.t("talk.chartAxis"), v.percentFormat(false), true, true, false,
            820, 120 + 46 * d.getColumnCount()));
      }
    }
    List<SentimentRow> trend = m.sentimentTrend().stream().filter(s -> s.negativeShare() != null).toList();
    if (!trend.isEmpty()) {
      DefaultCategoryDataset d = new DefaultCategoryDataset();
      for (SentimentRow s : trend) {
        d.addValue(s.negativeShare(), s.brand(), s.period());
      }
      charts.put("sentiment", Charts.bars(d, v.t("sentiment.chartAxis"), v.percentFormat(false), true, false, false,
          820, 260));
    }
    List<VoiceRow> voice = m.voice().stream().filter(x -> x.share() != null).toList();
    if (!voice.isEmpty()) {
      DefaultCategoryDataset d = new DefaultCategoryDataset();
      for (VoiceRow x : voice) {
        d.addValue(x.share(), x.brand(), v.platform(x.channel(), x.platform()));
      }
      charts.put("voice", Charts.bars(d, v.t("voice.chartAxis"), v.percentFormat(false), true, true, true,
          820, 110 + 50 * d.getColumnCount()));
    }
    List<WebcareRow> webcare = m.webcare().stream().filter(w -> w.responseRate() != null).toList();
    if (!webcare.isEmpty()) {
      DefaultCategoryDataset d = new DefaultCategoryDataset();
      for (WebcareRow w : webcare) {
        d.addValue(w.responseRate(), w.brand(), v.kind(w.kind()));
      }
      charts.put("webcare", Charts.bars(d, v.t("webcare.chartAxis"), v.percentFormat(false), true, false, false,
          820, 260));
    }
    return charts;
  }

  private static void put(DefaultCategoryDataset d, Double value, String series, String category) {
    d.addValue(value == null ? 0.0 : value, series, category);
  }

  /** The font family the PDF's CSS names (report.peb), registered in {@link #pdf} from the project's resources. */
  static final String PDF_FONT_FAMILY = "DejaVu Sans";
  private static final String[][] PDF_FONT_FACES = {
      {"DejaVuSans", "400", "normal"}, {"DejaVuSans-Bold", "700", "normal"},
      {"DejaVuSans-Oblique", "400", "italic"}, {"DejaVuSans-BoldOblique", "700", "italic"}};

  /** The PDF of the XHTML report (openhtmltopdf on PDFBox; A4, page numbers from the CSS). */
  public static byte[] pdf(String xhtml) {
    // openhtmltopdf logs every layout step at INFO through java.util.logging; the stage reports what matters.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // PDFBox's built-in Helvetica has only the Latin-1 glyphs: "≤" in a finding printed as "#" ("Poisson p # 0.0038")
      // and so did every Greek, Cyrillic or Arabic letter of a quote. DejaVu Sans ships with the report (subset into
      // each PDF, so only the glyphs used travel): docs/DEPENDENCIES.md.
      for (String[] face : PDF_FONT_FACES) {
        builder.useFont(() -> ReportRenderer.class.getResourceAsStream("/report/fonts/" + face[0] + ".ttf"),
            PDF_FONT_FAMILY, Integer.parseInt(face[1]),
            face[2].equals("italic") ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
      }
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes to a temporary file in the same folder, then renames: a killed run never leaves half a report. */
  static void writeAtomically(Path target, byte[] content) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        Files.write(tmp, content);
        // A report is for reading: readable by others like any file the run writes (temp files are owner-only).
        try {
          Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: its default permissions apply
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + target + ": " + e.getMessage(), e);
    }
  }
}
