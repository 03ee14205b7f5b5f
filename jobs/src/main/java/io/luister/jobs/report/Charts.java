package io.luister.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Bar charts with JFreeChart, as inline SVG for the HTML (sharp at any zoom, no external file, no JavaScript) and
 * as PNG for the PDF (openhtmltopdf draws SVG only with Batik, a large extra dependency; a 2x PNG prints sharply).
 * Values are fractions shown as percentages, or plain numbers.
 */
final class Charts {
  /** A palette that stays apart in greyscale print and for the common colour-vision deficiencies (Okabe-Ito). */
  static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};

  static {
    // Charts are drawn off-screen; a server has no display.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** A rendered chart: the SVG element for HTML and the PNG as a data URI for the PDF. */
  record Chart(String svg, String pngDataUri, int width, int height) {}

  /**
   * A bar chart.
   *
   * @param data rows = series (legend), columns = categories (axis)
   * @param percent values are fractions, shown as percentages
   * @param horizontal bars run left to right (long category labels)
   * @param stacked series stacked in one bar per category
   */
  static Chart bars(DefaultCategoryDataset data, String valueAxis, NumberFormat format, boolean percent,
      boolean horizontal, boolean stacked, int width, int height) {
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot(data, valueAxis, format, percent,
        horizontal, stacked), data.getRowCount() > 1);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    // Room on the right for the last tick label of the value axis (100 %).
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 18));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.TOP);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
    return new Chart(svg(chart, width, height), png(chart, width, height), width, height);
  }

  private static CategoryPlot plot(DefaultCategoryDataset data, String valueAxis, NumberFormat format,
      boolean percent, boolean horizontal, boolean stacked) {
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    categories.setMaximumCategoryLabelLines(2);
    categories.setCategoryMargin(horizontal ? 0.25 : 0.2);
    if (!horizontal && data.getColumnCount() > 6) {
      categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis values = new NumberAxis(valueAxis);
    values.setNumberFormatOverride(format);
    values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    if (percent && stacked) {
      values.setRange(0, 1);
    } else if (percent) {
      values.setUpperMargin(0.12);
    }
    BarRenderer renderer = stacked ? new org.jfree.chart.renderer.category.StackedBarRenderer() : new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.04);
    for (int i = 0; i < data.getRowCount(); i++) {
      Paint p = PALETTE[i % PALETTE.length];
      renderer.setSeriesPaint(i, p);
    }
    if (!stacked) {
      renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
      renderer.setDefaultItemLabelsVisible(data.getRowCount() * data.getColumnCount() <= 24);
      renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setDomainGridlinesVisible(false);
    return plot;
  }

  private static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle(width, height));
    // No fixed size, a viewBox: the chart scales to the page width in the browser.
    return g.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
  }

  private static String png(JFreeChart chart, int width, int height) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeScaledChartAsPNG(out, chart, width, height, 2, 2);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
