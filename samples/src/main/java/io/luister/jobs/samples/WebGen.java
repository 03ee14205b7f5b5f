package io.luister.jobs.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * web/pageviews_daily.csv (one row per live page per day, zero-view days omitted) and
 * web/site_search_daily.csv (Windows-1252, ';', one row per searched term per day). Rows scale with the
 * number of pages/terms, never with the number of days: above the default size synthetic long-tail pages
 * and terms are added under the base paths/terms (so the taxonomy globs still match them), below it the
 * export is a uniform sample of rows (pages) or search volumes scale down (terms).
 */
final class WebGen {
  static final String PV_FILE = "web/pageviews_daily.csv";
  static final String SEARCH_FILE = "web/site_search_daily.csv";
  static final Charset CP1252 = Charset.forName("windows-1252");
  static final BadPlan.Kind[] PV_BAD = {
      new BadPlan.Kind("MALFORMED_RECORD", 1, "too few fields"),
      new BadPlan.Kind("MISSING_REQUIRED", 1, "date", "page_path"),
      new BadPlan.Kind("INVALID_TIMESTAMP", 1, "2026-02-30", "2026-13-01"),
      new BadPlan.Kind("TIMESTAMP_OUT_OF_RANGE", 1, "1999-12-31", "2031-01-15"),
      new BadPlan.Kind("INVALID_NUMBER", 1, "abc", "1.2k"),
      new BadPlan.Kind("NEGATIVE_COUNT", 1, "-5", "-120"),
      new BadPlan.Kind("DUPLICATE_ID", 1, "exact duplicate"),
  };
  static final BadPlan.Kind[] SEARCH_BAD = {
      new BadPlan.Kind("MALFORMED_RECORD", 1, "too few fields"),
      new BadPlan.Kind("MISSING_REQUIRED", 1, "Datum", "Zoekterm"),
      new BadPlan.Kind("INVALID_TIMESTAMP", 1, "31-02-2026", "00-01-2026"),
      new BadPlan.Kind("TIMESTAMP_OUT_OF_RANGE", 1, "15-06-1999", "01-01-2031"),
      new BadPlan.Kind("INVALID_NUMBER", 1, "abc", "veel"),
      new BadPlan.Kind("NEGATIVE_COUNT", 1, "-3", "-17"),
      new BadPlan.Kind("DUPLICATE_ID", 1, "exact duplicate"),
  };
  private static final String[] SLUGS = {"uitleg", "voorbeeld", "vraag", "stappenplan", "tips", "veelgestelde-vragen",
      "rekenvoorbeeld", "formulier", "checklist", "video"};
  private static final String[] NL_MODS = {"2025", "2026", "kosten", "hoe", "wanneer", "formulier", "online", "uitleg",
      "vraag", "wijzigen", "aanvragen", "berekenen", "voorwaarden", "hulp", "overzicht", "bedrag", "termijn", "nl"};
  private static final String[] EN_MODS = {"2025", "2026", "how", "cost", "form", "online", "help", "change",
      "request", "info", "terms"};
  static final double HIGH_TRAFFIC = 50;

  record PageDef(String path, String category, double views, LocalDate from, LocalDate to, boolean synthetic) {
    boolean live(LocalDate d) {
      return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    boolean dynamic() {
      return "dynamic_contract".equals(category);
    }
  }

  record TermDef(String term, String category, String lang, double lambda, int results, LocalDate from, boolean synthetic) {
    boolean live(LocalDate d) {
      return from == null || !d.isBefore(from);
    }
  }

  static final class PagePlan {
    final List<PageDef> pages = new ArrayList<>();
    double q = 1;
    double expected;
    int synthetic;
  }

  static final class TermPlan {
    final List<TermDef> terms = new ArrayList<>();
    double scale = 1;
    double expected;
    int synthetic;
  }

  private static double dayFactor(int d) {
    return World.growth(d) * World.WEB_DOW[Cal.day(d).getDayOfWeek().getValue() - 1];
  }

  private static double campaign(int d) {
    int launch = (int) ChronoUnit.DAYS.between(Cal.START, Cal.DYNAMIC_LAUNCH);
    return 0.55 + 0.9 * Math.exp(-(d - launch) / 21.0);
  }

  static double expectedRows(PageDef p) {
    double e = 0;
    for (int d = 0; d < Cal.DAYS; d++) {
      if (!p.live(Cal.day(d))) continue;
      e += p.views >= HIGH_TRAFFIC ? 1 : 1 - Math.exp(-p.views * dayFactor(d));
    }
    return e;
  }

  static double expectedRows(TermDef t, double scale) {
    double e = 0;
    for (int d = 0; d < Cal.DAYS; d++) {
      if (!t.live(Cal.day(d))) continue;
      e += 1 - Math.exp(-scale * t.lambda * dayFactor(d));
    }
    return e;
  }

  static PagePlan planPages(long items, long seed) {
    PagePlan plan = new PagePlan();
    double base = 0;
    for (World.Page p : World.PAGES) {
      PageDef def = new PageDef(p.path(), p.category(), p.views(), p.from(), p.to(), false);
      plan.pages.add(def);
      base += expectedRows(def);
    }
    double target = World.SH_PAGEVIEWS * items;
    plan.expected = base;
    if (target < 0.8 * base) {
      plan.q = target / base;
      plan.expected = target;
    } else if (target > 1.25 * base) {
      Rng rng = new Rng(seed, "web.pages.synthetic");
      List<PageDef> parents = new ArrayList<>();
      double[] w = new double[World.PAGES.length];
      for (World.Page p : World.PAGES) {
        if (p.views() >= HIGH_TRAFFIC) {
          w[parents.size()] = p.views();
          parents.add(new PageDef(p.path(), p.category(), p.views(), p.from(), p.to(), false));
        }
      }
      double[] weights = java.util.Arrays.copyOf(w, parents.size());
      double e = base;
      int i = 0;
      while (e < target) {
        PageDef parent = parents.get(rng.weighted(weights));
        String prefix = parent.path().equals("/") ? "/nieuws/"
            : parent.path().equals("/klantenservice") ? "/klantenservice/hulp-" : parent.path() + "/";
        double views = Math.max(0.3, Math.min(30, rng.lognormal(1.8, 0.8)));
        PageDef def = new PageDef(prefix + rng.pick(SLUGS) + "-" + (++i), parent.category(), views, parent.from(), parent.to(), true);
        plan.pages.add(def);
        e += expectedRows(def);
      }
      plan.expected = e;
      plan.synthetic = i;
    }
    return plan;
  }

  static TermPlan planTerms(long items, long seed) {
    TermPlan plan = new TermPlan();
    for (World.Term t : World.TERMS) {
      plan.terms.add(new TermDef(t.term(), t.category(), t.lang(), t.lambda(),
          t.results(), "dynamic_contract".equals(t.category()) ? Cal.DYNAMIC_LAUNCH : null, false));
    }
    double target = World.SH_SEARCH * items;
    double full = 0;
    for (TermDef t : plan.terms) full += expectedRows(t, 1.0);
    if (full >= target) {
      double lo = 1e-7, hi = 1.0;
      for (int it = 0; it < 50; it++) {
        double mid = Math.sqrt(lo * hi);
        double e = 0;
        for (TermDef t : plan.terms) e += expectedRows(t, mid);
        if (e < target) lo = mid;
        else hi = mid;
      }
      plan.scale = hi;
      plan.expected = target;
      return plan;
    }
    Rng rng = new Rng(seed, "web.terms.synthetic");
    double[] w = new double[World.TERMS.length];
    for (int i = 0; i < w.length; i++) w[i] = World.TERMS[i].lambda();
    Set<String> seen = new HashSet<>();
    for (World.Term t : World.TERMS) seen.add(t.term());
    double e = full;
    int n = 0;
    while (e < target) {
      World.Term parent = World.TERMS[rng.weighted(w)];
      String[] mods = parent.lang().equals("en") ? EN_MODS : NL_MODS;
      String term = parent.term() + " " + rng.pick(mods);
      if (rng.chance(0.7)) term += " " + rng.pick(mods);
      if (!seen.add(term)) {
        term = parent.term() + " " + rng.pick(mods) + " " + (n + 1);
        if (!seen.add(term)) continue;
      }
      double lambda = Math.max(0.05, Math.min(5, rng.lognormal(0.8, 0.9)));
      TermDef def = new TermDef(term, parent.category(), parent.lang(), lambda, Math.max(0, parent.results() - rng.nextInt(4)),
          "dynamic_contract".equals(parent.category()) ? Cal.DYNAMIC_LAUNCH : null, true);
      plan.terms.add(def);
      e += expectedRows(def, 1.0);
      n++;
    }
    plan.expected = e;
    plan.synthetic = n;
    return plan;
  }

  // ------------------------------------------------------------------ writing

  private final Path outDir;
  private final Truth truth;
  private final PagePlan pages;
  private final TermPlan terms;
  private final Rng pvRng, searchRng, badRng;
  private final BadPlan pvBad, searchBad;
  long pvRows, searchRows, badWritten;

  WebGen(Path outDir, Truth truth, PagePlan pages, TermPlan terms, long seed) {
    this.outDir = outDir;
    this.truth = truth;
    this.pages = pages;
    this.terms = terms;
    this.pvRng = new Rng(seed, "web.pageviews");
    this.searchRng = new Rng(seed, "web.search");
    this.badRng = new Rng(seed, "web.bad");
    this.pvBad = new BadPlan(badRng, PV_BAD, Math.round(pages.expected));
    this.searchBad = new BadPlan(badRng, SEARCH_BAD, Math.round(terms.expected));
  }

  void run() throws IOException {
    Files.createDirectories(outDir.resolve("web"));
    writePageviews();
    writeSearch();
  }

  private void writePageviews() throws IOException {
    truth.file(PV_FILE, "web_pageviews", "csv , (LF)", "UTF-8");
    long record = 0;
    try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve(PV_FILE), StandardCharsets.UTF_8)) {
      out.write("date,page_path,pageviews,unique_visitors\n");
      for (int d = 0; d < Cal.DAYS; d++) {
        LocalDate date = Cal.day(d);
        int period = Cal.period(date);
        String ds = Cal.isoDate(date);
        double f = dayFactor(d);
        for (PageDef p : pages.pages) {
          if (!p.live(date)) continue;
          long views;
          if (p.views() >= HIGH_TRAFFIC) {
            double c = p.dynamic() ? campaign(d) : 1;
            views = Math.max(1, Math.round(p.views() * f * c * pvRng.lognormal(1, 0.1)));
          } else {
            views = pvRng.poisson(p.views() * f);
            if (views == 0) continue;
          }
          if (pages.q < 1 && !pvRng.chance(pages.q)) continue;
          long unique = Math.max(1, Math.min(views, Math.round(views * (0.62 + 0.26 * pvRng.nextDouble()))));
          String[] row = {ds, p.path(), String.valueOf(views), String.valueOf(unique)};
          BadPlan.Slot s = pvBad.due(record + 1);
          if (s != null && !pvBad.kind(s).reason().equals("DUPLICATE_ID")) {
            record++;
            corrupt(out, Truth.PAGEVIEWS, PV_FILE, ',', "\n", row, pvBad.kind(s).reason(), pvBad.variant(s), record,
                new String[] {"date", "page_path", "pageviews"});
            continue;
          }
          out.write(Csv.row(',', row));
          out.write('\n');
          record++;
          pvRows++;
          truth.countRecord(PV_FILE);
          String cat = p.category() == null ? "none" : p.category();
          int ci = World.cat(cat);
          truth.item(Truth.PAGEVIEWS, ds + "|" + p.path(), period, World.OURS, ci, -1, -1, false, null);
          truth.web(Truth.PAGEVIEWS, period, ci, views);
          if (p.dynamic() && period == Cal.ANALYSIS) truth.dynamicPageViewsQ3 += views;
          if (s != null) { // DUPLICATE_ID: repeat this row
            out.write(Csv.row(',', row));
            out.write('\n');
            record++;
            truth.countRecord(PV_FILE);
            badWritten++;
            truth.bad(Truth.PAGEVIEWS, PV_FILE, record, ds + "|" + p.path(), "DUPLICATE_ID",
                "row for " + ds + " " + p.path() + " repeated (second occurrence)");
          }
        }
      }
    }
  }

  private void writeSearch() throws IOException {
    truth.file(SEARCH_FILE, "web_search", "csv ; (CRLF)", "windows-1252");
    long record = 0;
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(outDir.resolve(SEARCH_FILE)), CP1252.newEncoder()), 1 << 16)) {
      out.write("Datum;Zoekterm;Aantal zoekopdrachten;Resultaten\r\n");
      for (int d = 0; d < Cal.DAYS; d++) {
        LocalDate date = Cal.day(d);
        int period = Cal.period(date);
        String ds = Cal.dutchDate(date);
        double f = dayFactor(d);
        for (TermDef t : terms.terms) {
          if (!t.live(date)) continue;
          long count = searchRng.poisson(terms.scale * t.lambda() * f * searchRng.lognormal(1, 0.1));
          if (count == 0) continue;
          String[] row = {ds, t.term(), String.valueOf(count), String.valueOf(t.results())};
          BadPlan.Slot s = searchBad.due(record + 1);
          if (s != null && !searchBad.kind(s).reason().equals("DUPLICATE_ID")) {
            record++;
            corrupt(out, Truth.SEARCH, SEARCH_FILE, ';', "\r\n", row, searchBad.kind(s).reason(), searchBad.variant(s),
                record, new String[] {"Datum", "Zoekterm", "Aantal zoekopdrachten"});
            continue;
          }
          out.write(Csv.row(';', row));
          out.write("\r\n");
          record++;
          searchRows++;
          truth.countRecord(SEARCH_FILE);
          String cat = t.category() == null ? "none" : t.category();
          int ci = World.cat(cat);
          String iso = Cal.isoDate(date);
          truth.item(Truth.SEARCH, iso + "|" + t.term(), period, World.OURS, ci, -1, -1, false, t.lang());
          truth.web(Truth.SEARCH, period, ci, count);
          if ("dynamic_contract".equals(t.category()) && period == Cal.ANALYSIS) truth.dynamicSearchesQ3 += count;
          if (s != null) {
            out.write(Csv.row(';', row));
            out.write("\r\n");
            record++;
            truth.countRecord(SEARCH_FILE);
            badWritten++;
            truth.bad(Truth.SEARCH, SEARCH_FILE, record, iso + "|" + t.term(), "DUPLICATE_ID",
                "row for " + ds + " '" + t.term() + "' repeated (second occurrence)");
          }
        }
      }
    }
  }

  /** Writes a corrupted version of a row in place of the valid one. names: the date, key and count columns. */
  private void corrupt(BufferedWriter out, int source, String file, char sep, String eol, String[] row, String reason,
                       String variant, long record, String[] names) throws IOException {
    String[] r = row.clone();
    String detail;
    switch (reason) {
      case "MALFORMED_RECORD":
        r = new String[] {row[0], row[1], row[2]};
        detail = "only 3 of 4 fields (no quotes, so only this record is affected)";
        if (sep == ';') {
          r = new String[] {row[0], row[1]};
          detail = "only 2 of 4 fields (no quotes, so only this record is affected)";
        }
        break;
      case "MISSING_REQUIRED":
        if (variant.equals(names[0])) r[0] = "";
        else r[1] = "";
        detail = variant + " is empty";
        break;
      case "INVALID_TIMESTAMP":
      case "TIMESTAMP_OUT_OF_RANGE":
        r[0] = variant;
        detail = names[0] + " = " + variant;
        break;
      case "INVALID_NUMBER":
      case "NEGATIVE_COUNT":
        r[2] = variant;
        detail = names[2] + " = " + variant;
        break;
      default:
        throw new IllegalStateException(reason);
    }
    out.write(Csv.row(sep, r));
    out.write(eol);
    truth.countRecord(file);
    badWritten++;
    String id = r[0].isEmpty() || r[1].isEmpty() ? null : webId(r[0], r[1], sep);
    truth.bad(source, file, record, id, reason, detail);
  }

  /** The item id of a web row: ISO date (converted from dd-MM-yyyy when it parses) | path or term. */
  private static String webId(String date, String key, char sep) {
    if (sep == ';' && date.length() == 10 && date.charAt(2) == '-') {
      return date.substring(6) + "-" + date.substring(3, 5) + "-" + date.substring(0, 2) + "|" + key;
    }
    return date + "|" + key;
  }
}
