package io.luister.jobs.report;

import io.luister.jobs.report.ReportModel.HealthRow;
import io.luister.jobs.report.ReportModel.SilenceRow;
import java.text.NumberFormat;
import java.util.Map;

/**
 * What the template calls to turn model values into text of one language: messages, numbers formatted per
 * language (1,234.5 / 1.234,5; 12.3% / 12,3%), names of channels, categories and detectors. Returns plain strings;
 * the template engine escapes them.
 */
public final class ReportView {
  private final ReportMessages messages;
  private final Map<String, Map<String, String>> categoryLabels;

  /**
   * @param categoryLabels category id → language → label (from the taxonomy; unknown ids are shown readable)
   */
  ReportView(ReportMessages messages, Map<String, Map<String, String>> categoryLabels) {
    this.messages = messages;
    this.categoryLabels = categoryLabels;
  }

  public String lang() {
    return messages.language();
  }

  public String t(String key) {
    return messages.get(key);
  }

  public String t1(String key, Object a) {
    return messages.get(key, a);
  }

  public String t2(String key, Object a, Object b) {
    return messages.get(key, a, b);
  }

  /** An integer count with thousands separators. */
  public String count(Object v) {
    Double d = value(v);
    return d == null ? messages.get("na") : NumberFormat.getIntegerInstance(messages.locale()).format(Math.round(d));
  }

  /** A number with at most one decimal. */
  public String num(Object v) {
    Double d = value(v);
    if (d == null) {
      return messages.get("na");
    }
    NumberFormat f = NumberFormat.getNumberInstance(messages.locale());
    f.setMaximumFractionDigits(1);
    return f.format(d);
  }

  /** A number with two decimals (mean sentiment scores). */
  public String num2(Object v) {
    Double d = value(v);
    if (d == null) {
      return messages.get("na");
    }
    NumberFormat f = NumberFormat.getNumberInstance(messages.locale());
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(d);
  }

  /** A fraction as a percentage: one decimal below 10 %, none above. */
  public String pct(Object v) {
    Double d = value(v);
    if (d == null) {
      return messages.get("na");
    }
    return percentFormat(Math.abs(d) < 0.1).format(d);
  }

  NumberFormat percentFormat(boolean decimal) {
    NumberFormat f = NumberFormat.getPercentInstance(messages.locale());
    f.setMaximumFractionDigits(decimal ? 1 : 0);
    return f;
  }

  /** A q value (Benjamini-Hochberg adjusted p value) with three decimals; tiny ones as below 0.0001. */
  public String q(Object v) {
    Double d = value(v);
    if (d == null) {
      return messages.get("na");
    }
    if (d < 0.0001) {
      // Beyond this the exact value tells a reader nothing more: the finding is as good as certain.
      NumberFormat f = NumberFormat.getNumberInstance(messages.locale());
      f.setMaximumFractionDigits(4);
      return "< " + f.format(0.0001);
    }
    NumberFormat f = NumberFormat.getNumberInstance(messages.locale());
    f.setMaximumFractionDigits(3);
    return f.format(d);
  }

  /** Minutes as minutes below two hours, as hours above. */
  public String minutes(Object v) {
    Double d = value(v);
    if (d == null) {
      return messages.get("na");
    }
    if (d < 120) {
      return messages.get("minutes", count(d));
    }
    return messages.get("hours", num(d / 60));
  }

  /** A channel, or one platform of it ("social media: twitter"). */
  public String platform(String channel, String platform) {
    return platform == null || platform.equals("*") ? channel(channel) : channel(channel) + ": " + platform;
  }

  /** Comparisons as a reader-facing list. */
  public String list(java.util.List<String> items) {
    return String.join(", ", items.stream().map(this::comparedWith).toList());
  }

  public String channel(String channel) {
    return messages.has("channel." + channel) ? messages.get("channel." + channel) : channel;
  }

  public String category(String id) {
    if (id == null) {
      return messages.get("na");
    }
    Map<String, String> labels = categoryLabels.get(id);
    if (labels != null && labels.containsKey(lang())) {
      return labels.get(lang());
    }
    if (labels != null && labels.containsKey("en")) {
      return labels.get("en");
    }
    if (messages.has("category." + id)) {
      return messages.get("category." + id);
    }
    String readable = id.replace('_', ' ');
    return readable.isEmpty() ? id : Character.toUpperCase(readable.charAt(0)) + readable.substring(1);
  }

  /** What an action is about: the category's label, or the theme's or expectation's own label. */
  public String actionSubject(ReportModel.ActionRow a) {
    if (a.label() != null) {
      return a.label();
    }
    return "category".equals(a.subjectType()) ? category(a.subject()) : a.subject();
  }

  /** One sentence with the numbers behind an action, per finding type (silence, alert, critics, unanswered). */
  public String actionText(ReportModel.ActionRow a) {
    String key = "action.text." + a.findingType();
    if (!messages.has(key)) {
      return "";
    }
    String unit = messages.has("action.unit." + a.channel()) ? "action.unit." + a.channel() : "action.unit.items";
    return messages.get(key, channel(a.channel()), count(a.observed()), num(a.expected()), messages.get(unit));
  }

  /** The owner of an action, or "no owner set" (never a guess). */
  public String owner(String owner) {
    return owner == null ? messages.get("action.noOwner") : owner;
  }

  public String influence(String influence) {
    return messages.has("influence." + influence) ? messages.get("influence." + influence) : messages.get("influence.unknown");
  }

  public String findingType(String type) {
    return messages.has("finding." + type) ? messages.get("finding." + type) : type;
  }

  public String novelty(String novelty) {
    return messages.has("novelty." + novelty) ? messages.get("novelty." + novelty) : novelty;
  }

  public String detector(String detector) {
    return messages.get("detector." + detector);
  }

  public String detectorMeaning(String detector) {
    return messages.get("detectorMeaning." + detector);
  }

  public String kind(String kind) {
    return messages.has("kind." + kind) ? messages.get("kind." + kind) : kind;
  }

  public String status(String status) {
    return messages.has("status." + status) ? messages.get("status." + status) : status;
  }

  public String check(String check) {
    return messages.has("check." + check) ? messages.get("check." + check) : check;
  }

  /** A silence's subject in the report's language (gold.silences has both). */
  public String silenceLabel(SilenceRow s) {
    String label = lang().equals("nl") ? s.labelNl() : s.labelEn();
    return label == null || label.isBlank() ? category(s.subject()) : label;
  }

  public String silenceText(SilenceRow s) {
    String text = lang().equals("nl") ? s.explanationNl() : s.explanationEn();
    return text == null ? "" : text;
  }

  /**
   * What a silence was compared with, in the report's language. gold.silences writes it in English words
   * ("the other channels", "all competitors", "baseline 2025-Q3..2026-Q2", "its baseline ...",
   * "configured minimum share") or a brand
   * name; known phrases are translated, anything else (brands, new phrases) is shown as written.
   */
  public String comparedWith(String comparedWith) {
    if (comparedWith == null) {
      return messages.get("na");
    }
    for (String prefix : new String[] {"baseline ", "its baseline "}) {
      if (comparedWith.startsWith(prefix)) {
        return messages.get("compared.baseline", comparedWith.substring(prefix.length()));
      }
    }
    String key = "compared." + comparedWith.replace(' ', '_');
    return messages.has(key) ? messages.get(key) : comparedWith;
  }

  public String healthText(HealthRow h) {
    String text = lang().equals("nl") ? h.explanationNl() : h.explanationEn();
    return text == null ? "" : text;
  }

  /** The longest quote the report prints, in characters; a longer text is cut on a word boundary with an ellipsis. */
  public static final int QUOTE_CHARS = 240;

  /**
   * A customer text cut to a readable length: at most {@link #QUOTE_CHARS} characters including the ellipsis, cut
   * after the last whole word (a single word longer than the limit is cut inside), whitespace runs (line breaks of a
   * long review) collapsed to one space.
   */
  public static String quote(String text) {
    if (text == null) {
      return null;
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.codePointCount(0, flat.length()) <= QUOTE_CHARS) {
      return flat;
    }
    int end = flat.offsetByCodePoints(0, QUOTE_CHARS - 1);
    int space = flat.lastIndexOf(' ', end);
    String cut = space > QUOTE_CHARS / 2 ? flat.substring(0, space) : flat.substring(0, end);
    // No dangling comma or dash before the ellipsis.
    return cut.replaceAll("[\\s,;:\\-–—]+$", "") + "…";
  }

  /** The template's name for {@link #quote(String)}. */
  public String excerpt(String text) {
    return quote(text);
  }

  /** An alert's polarity in words: a rise of complaints, of praise, mixed, or not known. */
  public String polarity(String polarity) {
    return messages.has("polarity." + polarity) ? messages.get("polarity." + polarity) : messages.get("polarity.unknown");
  }

  /** Width in percent of a bar in a table cell (share bars), 0..100. */
  public long bar(Object v) {
    Double d = value(v);
    return d == null ? 0 : Math.max(0, Math.min(100, Math.round(d * 100)));
  }

  private static Double value(Object v) {
    if (v == null) {
      return null;
    }
    double d = ((Number) v).doubleValue();
    return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
  }
}
