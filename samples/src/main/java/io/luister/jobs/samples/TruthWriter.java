package io.luister.jobs.samples;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeSet;

/** Writes ground-truth/truth.json (streaming; long lists are copied from the spool files). */
final class TruthWriter {
  private final Truth t;
  private final JsonGenerator g;

  private TruthWriter(Truth t, JsonGenerator g) {
    this.t = t;
    this.g = g;
  }

  static void write(Truth truth, long seed, long itemsRequested, SocialGen social, ContactGen contact, SurveyGen survey,
                    WebGen web, WebGen.PagePlan pages, WebGen.TermPlan terms) throws IOException {
    try (OutputStream os = Files.newOutputStream(truth.dir.resolve("truth.json"));
         JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
          .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      g.setPrettyPrinter(pp);
      new TruthWriter(truth, g).body(seed, itemsRequested, social, contact, survey, web, pages, terms);
      g.writeRaw('\n');
    }
  }

  private static double r(double x) {
    return Math.round(x * 100000) / 100000.0;
  }

  private static double share(long n, long total) {
    return total == 0 ? 0 : r(n / (double) total);
  }

  private void body(long seed, long itemsRequested, SocialGen social, ContactGen contact, SurveyGen survey, WebGen web,
                    WebGen.PagePlan pages, WebGen.TermPlan terms) throws IOException {
    long records = 0;
    for (long[] v : t.fileRecords.values()) records += v[0];
    g.writeStartObject();

    g.writeObjectFieldStart("generator");
    g.writeStringField("class", SampleGenerator.class.getName());
    g.writeNumberField("format_version", 1);
    g.writeNumberField("seed", seed);
    g.writeNumberField("items_requested", itemsRequested);
    g.writeNumberField("records_written", records);
    g.writeNumberField("valid_items", t.validItems);
    g.writeNumberField("bad_records", t.badCount);
    g.writeNumberField("synthetic_pages", pages.synthetic);
    g.writeNumberField("synthetic_terms", terms.synthetic);
    g.writeNumberField("pageview_row_sampling", r(pages.q));
    g.writeNumberField("search_volume_scale", r(terms.scale));
    g.writeEndObject();

    g.writeStringField("timezone", Cal.ZONE.getId());
    g.writeArrayFieldStart("periods");
    for (int p = 0; p < 5; p++) {
      g.writeStartObject();
      g.writeStringField("id", Cal.PERIODS[p]);
      g.writeStringField("start", Cal.periodStart(p).toString());
      g.writeStringField("end", Cal.periodEnd(p).toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("analysis_period", Cal.PERIODS[Cal.ANALYSIS]);
    g.writeArrayFieldStart("baseline_periods");
    for (int p = 0; p < Cal.ANALYSIS; p++) g.writeString(Cal.PERIODS[p]);
    g.writeEndArray();

    g.writeArrayFieldStart("brands");
    for (int b = 0; b < 3; b++) {
      g.writeStartObject();
      g.writeStringField("name", World.BRANDS[b]);
      g.writeBooleanField("own", b == World.OURS);
      strings("accounts", World.ACCOUNTS[b]);
      strings("aliases", World.ALIASES[b]);
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("files");
    for (Map.Entry<String, long[]> e : t.fileRecords.entrySet()) {
      String[] meta = t.fileMeta.get(e.getKey());
      g.writeStartObject();
      g.writeStringField("path", e.getKey());
      g.writeStringField("source", meta[0]);
      g.writeStringField("format", meta[1]);
      g.writeStringField("encoding", meta[2]);
      g.writeNumberField("records", e.getValue()[0]);
      g.writeNumberField("bad_records", e.getValue()[1]);
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeObjectFieldStart("sources");
    source("social", social.customerWritten + social.repliesWritten + social.badWritten, t.badBySource[0]);
    g.writeNumberField("customer_posts", social.customerWritten);
    g.writeNumberField("own_account_replies", social.repliesWritten);
    g.writeEndObject();
    source("contact", contact.contacts + contact.badWritten, t.badBySource[1]);
    g.writeEndObject();
    source("survey", survey.responses + survey.badWritten, t.badBySource[2]);
    g.writeEndObject();
    source("web_pageviews", web.pvRows + t.badBySource[3], t.badBySource[3]);
    g.writeNumberField("pages", pages.pages.size());
    g.writeEndObject();
    source("web_search", web.searchRows + t.badBySource[4], t.badBySource[4]);
    g.writeNumberField("terms", terms.terms.size());
    g.writeEndObject();
    g.writeEndObject();

    g.writeArrayFieldStart("categories");
    for (int c = 0; c < World.CATS.length; c++) {
      g.writeStartObject();
      g.writeStringField("id", World.CATS[c]);
      if (c == World.C_PAYMENTS) g.writeStringField("parent", "billing");
      else g.writeNullField("parent");
      // The owner and influence the report's action list should name for the category (inherited for payments).
      TaxonomyYaml.Ownership own = TaxonomyYaml.ownership(World.CATS[c]);
      if (own == null) {
        g.writeNullField("owner");
        g.writeStringField("influence", "unknown");
      } else {
        g.writeStringField("owner", own.owner());
        g.writeStringField("influence", own.influence());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("themes");
    for (int th = 0; th < World.THEMES.length; th++) {
      g.writeStartObject();
      g.writeStringField("id", World.THEMES[th]);
      g.writeStringField("category", World.CATS[World.THEME_CAT[th]]);
      if (th == World.T_CRASH) g.writeStringField("born", Cal.PERIODS[Cal.ANALYSIS]);
      else g.writeNullField("born");
      g.writeStringField("description", World.THEME_DESC[th]);
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeObjectFieldStart("question_rule");
    g.writeStringField("description", "is_question = the trimmed text ends with '?', or its first word (letters only, "
        + "after skipping leading @mentions) is one of question_words, case-insensitive");
    strings("question_words", new TreeSet<>(TextBank.QUESTION_WORDS).toArray(new String[0]));
    g.writeEndObject();

    g.writeObjectFieldStart("definitions");
    g.writeStringField("social_share", "count / customer posts about the brand in the period (own-account replies and bad records excluded)");
    g.writeStringField("contact_share", "count / valid contacts in the period (truth category from the notes, not the agent code)");
    g.writeStringField("survey_share", "count / valid responses in the period (comment's category; empty comments take the topic's category)");
    g.writeStringField("web_share", "summed pageviews or searches of the category / all pageviews or searches in the period");
    g.writeStringField("web_item_id", "yyyy-MM-dd|page_path or yyyy-MM-dd|term (ISO date, also for the dd-MM-yyyy search file)");
    g.writeEndObject();

    signals(social);
    authors(social);
    counts();
    pii();
    bad();
    g.writeEndObject();
  }

  private void source(String name, long records, long bad) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("records", records);
    g.writeNumberField("valid_items", records - bad);
    g.writeNumberField("bad_records", bad);
  }

  private void strings(String field, String[] values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  // ------------------------------------------------------------------ signals

  private void socialShare(int brand, int p, int cat) throws IOException {
    g.writeNumberField("count", t.cat[Truth.SOCIAL][brand][p][cat]);
    g.writeNumberField("total", t.total(Truth.SOCIAL, brand, p));
    g.writeNumberField("share", r(t.share(Truth.SOCIAL, brand, p, cat)));
  }

  private void signals(SocialGen social) throws IOException {
    g.writeObjectFieldStart("signals");
    int O = World.OURS;

    // new theme
    g.writeObjectFieldStart("new_theme");
    g.writeStringField("theme", "app_update_crash");
    g.writeStringField("category", "app_login");
    g.writeStringField("born", Cal.PERIODS[Cal.ANALYSIS]);
    g.writeStringField("scope", "customer social posts about Zonnewijs + contact notes");
    g.writeNumberField("expected_min_share", 0.03);
    g.writeArrayFieldStart("per_period");
    for (int p = 0; p < 5; p++) {
      long sc = t.theme[0][O][p][World.T_CRASH], st = t.total(0, O, p);
      long cc = t.theme[1][O][p][World.T_CRASH], ct = t.total(1, O, p);
      g.writeStartObject();
      g.writeStringField("period", Cal.PERIODS[p]);
      g.writeNumberField("social_count", sc);
      g.writeNumberField("social_total", st);
      g.writeNumberField("social_share", share(sc, st));
      g.writeNumberField("contact_count", cc);
      g.writeNumberField("contact_total", ct);
      g.writeNumberField("contact_share", share(cc, ct));
      g.writeNumberField("combined_share", share(sc + cc, st + ct));
      g.writeNumberField("survey_count", t.theme[2][O][p][World.T_CRASH]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    // silent expected theme
    int A = Cal.ANALYSIS;
    g.writeObjectFieldStart("silent_expected_theme");
    g.writeStringField("category", "dynamic_contract");
    g.writeStringField("theme", "dynamisch_uurprijzen");
    g.writeStringField("launch_date", Cal.DYNAMIC_LAUNCH.toString());
    g.writeStringField("source", "social");
    g.writeStringField("brand", "Zonnewijs");
    g.writeStringField("period", Cal.PERIODS[A]);
    g.writeNumberField("expected_min_share", 0.02);
    g.writeNumberField("planted_max_share", 0.002);
    g.writeObjectFieldStart("realised");
    socialShare(O, A, World.C_DYNAMIC);
    g.writeEndObject();
    g.writeObjectFieldStart("other_channels_in_period");
    g.writeNumberField("pageviews", t.dynamicPageViewsQ3);
    g.writeNumberField("pageview_share", r(t.webShare(0, A, World.C_DYNAMIC)));
    g.writeNumberField("site_searches", t.dynamicSearchesQ3);
    g.writeNumberField("site_search_share", r(t.webShare(1, A, World.C_DYNAMIC)));
    g.writeNumberField("contacts", t.cat[1][O][A][World.C_DYNAMIC]);
    g.writeNumberField("contact_share", r(t.share(1, O, A, World.C_DYNAMIC)));
    g.writeEndObject();
    g.writeObjectFieldStart("competitors_in_period");
    for (int b = 1; b < 3; b++) {
      g.writeObjectFieldStart(World.BRANDS[b]);
      socialShare(b, A, World.C_DYNAMIC);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();

    // channel gap
    g.writeObjectFieldStart("channel_gap");
    g.writeStringField("category", "meter_readings");
    g.writeStringField("social_brand", "Zonnewijs");
    g.writeNumberField("planted_social_max_share", 0.005);
    g.writeArrayFieldStart("expected_other_channel_share");
    g.writeNumber(0.15);
    g.writeNumber(0.20);
    g.writeEndArray();
    g.writeArrayFieldStart("per_period");
    for (int p = 0; p < 5; p++) {
      g.writeStartObject();
      g.writeStringField("period", Cal.PERIODS[p]);
      g.writeNumberField("social_count", t.cat[0][O][p][World.C_METER]);
      g.writeNumberField("social_share", r(t.share(0, O, p, World.C_METER)));
      g.writeNumberField("contact_share", r(t.share(1, O, p, World.C_METER)));
      g.writeNumberField("survey_share", r(t.share(2, O, p, World.C_METER)));
      g.writeNumberField("pageview_volume_share", r(t.webShare(0, p, World.C_METER)));
      g.writeNumberField("site_search_volume_share", r(t.webShare(1, p, World.C_METER)));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    // baseline drop
    g.writeObjectFieldStart("baseline_drop");
    g.writeStringField("category", "green_energy");
    g.writeStringField("source", "social");
    g.writeStringField("brand", "Zonnewijs");
    g.writeNumberField("planted_baseline_share", World.OURS_BASE[World.T_GROEN] / 100);
    g.writeNumberField("planted_analysis_share", World.OURS_Q3[World.T_GROEN] / 100);
    g.writeArrayFieldStart("per_period");
    for (int p = 0; p < 5; p++) {
      g.writeStartObject();
      g.writeStringField("period", Cal.PERIODS[p]);
      socialShare(O, p, World.C_GREEN);
      g.writeNumberField("contact_share", r(t.share(1, O, p, World.C_GREEN)));
      g.writeNumberField("survey_share", r(t.share(2, O, p, World.C_GREEN)));
      g.writeNumberField("pageview_volume_share", r(t.webShare(0, p, World.C_GREEN)));
      g.writeNumberField("site_search_volume_share", r(t.webShare(1, p, World.C_GREEN)));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    // competitor gap
    g.writeObjectFieldStart("competitor_gap");
    g.writeStringField("category", "solar_feed_in");
    g.writeStringField("source", "social");
    g.writeStringField("period", Cal.PERIODS[A]);
    g.writeNumberField("planted_competitor_share", World.COMP_Q3[World.T_TERUG] / 100);
    g.writeNumberField("planted_own_share", World.OURS_Q3[World.T_TERUG] / 100);
    g.writeArrayFieldStart("per_period");
    for (int p = 0; p < 5; p++) {
      g.writeStartObject();
      g.writeStringField("period", Cal.PERIODS[p]);
      for (int b = 0; b < 3; b++) {
        g.writeObjectFieldStart(World.BRANDS[b]);
        socialShare(b, p, World.C_SOLAR);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    // short spike
    g.writeObjectFieldStart("short_spike");
    g.writeStringField("category", "outage");
    g.writeStringField("theme", "stroomstoring_regio");
    g.writeStringField("source", "social");
    g.writeStringField("brand", "Zonnewijs");
    strings("weeks", Cal.SPIKE_WEEKS);
    g.writeStringField("first_day", Cal.SPIKE_START.toString());
    g.writeStringField("last_day", Cal.SPIKE_END.toString());
    g.writeNumberField("planted_factor", World.SPIKE_FACTOR);
    g.writeNumberField("spike_extra_posts", social.spikeTotal);
    double normalSum = 0, q3Sum = 0;
    int normalWeeks = 0, q3Weeks = 0;
    String firstWeek = Cal.isoWeek(Cal.START), lastWeek = Cal.isoWeek(Cal.END);
    for (Map.Entry<String, long[]> e : t.oursWeekly.entrySet()) {
      String w = e.getKey();
      if (w.equals(firstWeek) || w.equals(lastWeek) || isSpikeWeek(w)) continue;
      normalSum += e.getValue()[1];
      normalWeeks++;
      if (w.compareTo("2026-W27") >= 0) {
        q3Sum += e.getValue()[1];
        q3Weeks++;
      }
    }
    double normalMean = normalWeeks == 0 ? 0 : normalSum / normalWeeks;
    double q3Mean = q3Weeks == 0 ? 0 : q3Sum / q3Weeks;
    g.writeNumberField("normal_weekly_mean", r(normalMean));
    g.writeNumberField("normal_weekly_mean_analysis_period", r(q3Mean));
    g.writeObjectFieldStart("spike_weeks");
    for (String w : Cal.SPIKE_WEEKS) {
      long[] v = t.oursWeekly.getOrDefault(w, new long[2]);
      g.writeObjectFieldStart(w);
      g.writeNumberField("outage_posts", v[1]);
      g.writeNumberField("ratio_to_normal_mean", r(normalMean == 0 ? 0 : v[1] / normalMean));
      g.writeNumberField("ratio_to_analysis_period_mean", r(q3Mean == 0 ? 0 : v[1] / q3Mean));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeStringField("weekly_note", "ISO weeks; the first and last week of the range are partial");
    g.writeArrayFieldStart("weekly");
    for (Map.Entry<String, long[]> e : t.oursWeekly.entrySet()) {
      g.writeStartObject();
      g.writeStringField("week", e.getKey());
      g.writeNumberField("posts", e.getValue()[0]);
      g.writeNumberField("outage_posts", e.getValue()[1]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    // unanswered questions
    g.writeObjectFieldStart("unanswered_questions");
    g.writeStringField("definition", "customer posts (not own-account posts) that are questions by question_rule and "
        + "received no reply (reply_to) from any own account of the brand they are about");
    g.writeObjectFieldStart("planted_reply_probability_for_questions");
    for (int b = 0; b < 3; b++) g.writeNumberField(World.BRANDS[b], World.REPLY_P[b][0]);
    g.writeEndObject();
    g.writeArrayFieldStart("summary");
    for (int b = 0; b < 3; b++) {
      for (int p = 0; p < 5; p++) {
        long q = 0, a = 0;
        for (int c = 0; c < World.CATS.length; c++) {
          q += t.questions[b][p][c];
          a += t.answered[b][p][c];
        }
        g.writeStartObject();
        g.writeStringField("brand", World.BRANDS[b]);
        g.writeStringField("period", Cal.PERIODS[p]);
        g.writeNumberField("questions", q);
        g.writeNumberField("answered", a);
        g.writeNumberField("unanswered", q - a);
        g.writeNumberField("answered_share", share(a, q));
        g.writeObjectFieldStart("unanswered_by_category");
        for (int c = 0; c < World.CATS.length; c++) {
          long u = t.questions[b][p][c] - t.answered[b][p][c];
          if (u > 0) g.writeNumberField(World.CATS[c], u);
        }
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeNumberField("count", t.unansweredCount);
    g.writeArrayFieldStart("ids");
    t.readUnanswered(f -> {
      g.writeStartObject();
      g.writeStringField("id", f[3]);
      g.writeStringField("brand", f[0]);
      g.writeStringField("period", f[1]);
      g.writeStringField("category", f[2]);
      g.writeStringField("platform", f[4]);
      g.writeEndObject();
    });
    g.writeEndArray();
    g.writeObjectFieldStart("own_replies");
    for (int b = 0; b < 3; b++) {
      g.writeObjectFieldStart(World.BRANDS[b]);
      long n = 0, sum = 0;
      for (int p = 0; p < 5; p++) {
        n += t.ownReplies[b][p];
        sum += t.ownReplyDelayMinutesSum[b][p];
      }
      g.writeNumberField("replies", n);
      g.writeNumberField("mean_delay_minutes", n == 0 ? 0 : r(sum / (double) n));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();

    // controls
    g.writeObjectFieldStart("controls");
    g.writeStringField("note", "must NOT be flagged: stable shares in every channel and period; smart_meter is small (~1 %) and stable");
    int[] controls = {World.C_MOVING, World.C_CONTRACT, World.C_BILLING, World.C_SMART};
    strings("categories", new String[] {"moving", "contract_prices", "billing", "smart_meter"});
    g.writeObjectFieldStart("shares");
    String[] channels = {"social_Zonnewijs", "contact", "survey", "web_pageviews", "web_search"};
    for (int ch = 0; ch < channels.length; ch++) {
      g.writeObjectFieldStart(channels[ch]);
      for (int c : controls) {
        g.writeArrayFieldStart(World.CATS[c]);
        for (int p = 0; p < 5; p++) {
          double s = ch < 3 ? t.share(ch, O, p, c) : t.webShare(ch - 3, p, c);
          g.writeNumber(r(s));
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();

    // sentiment
    g.writeObjectFieldStart("sentiment");
    g.writeStringField("note", "every free-text item has a truth sentiment consistent with its text; survey comment "
        + "sentiment follows the NPS class, trustpilot stars follow the post sentiment");
    g.writeObjectFieldStart("survey_comment_sentiment_by_nps_class");
    String[] cls = {"promoter_9_10", "passive_7_8", "detractor_0_6"};
    for (int c = 0; c < 3; c++) {
      g.writeObjectFieldStart(cls[c]);
      for (int s = 0; s < 3; s++) g.writeNumberField(TextBank.SENTIMENTS[s], t.sentimentByNps[c][s][0]);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("survey_silent");
    for (int p = 0; p < 5; p++) {
      g.writeStartObject();
      g.writeStringField("period", Cal.PERIODS[p]);
      g.writeNumberField("responses", t.surveyResponses[p]);
      g.writeNumberField("empty_comments", t.surveySilent[p][0]);
      g.writeNumberField("silent_detractors", t.surveySilent[p][1]);
      g.writeNumberField("promoters", t.npsClass[p][0]);
      g.writeNumberField("passives", t.npsClass[p][1]);
      g.writeNumberField("detractors", t.npsClass[p][2]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    g.writeEndObject();
  }

  private static boolean isSpikeWeek(String w) {
    for (String s : Cal.SPIKE_WEEKS) if (s.equals(w)) return true;
    return false;
  }

  // ------------------------------------------------------------------ authors

  private void authors(SocialGen social) throws IOException {
    g.writeObjectFieldStart("authors");
    g.writeObjectFieldStart("criteria");
    g.writeStringField("persistent_critics", "only negative posts about Zonnewijs, in >= 8 distinct ISO weeks spread over >= 3 quarters");
    g.writeStringField("incident_critics", ">= 2 negative posts about Zonnewijs, all in the spike weeks, none outside them");
    g.writeStringField("promoters", ">= 5 posts about Zonnewijs, all positive, in >= 5 distinct weeks");
    g.writeStringField("everybody_else", "one-off authors (1 post) and regulars (at most 3 posts, never in the spike weeks); "
        + "no other author meets any of the criteria above");
    g.writeEndObject();
    String[] groups = {"persistent_critic", "incident_critic", "promoter"};
    String[] fields = {"persistent_critics", "incident_critics", "promoters"};
    for (int i = 0; i < 3; i++) {
      g.writeArrayFieldStart(fields[i]);
      for (Truth.AuthorStat st : t.planted.values()) {
        if (!st.group.equals(groups[i])) continue;
        g.writeStartObject();
        g.writeStringField("handle", st.handle);
        g.writeNumberField("posts", st.posts);
        g.writeNumberField("negative_posts", st.negative);
        g.writeNumberField("positive_posts", st.positive);
        g.writeNumberField("distinct_weeks", st.weeks.size());
        g.writeNumberField("negative_weeks", st.negativeWeeks.size());
        strings("quarters", st.quarters.toArray(new String[0]));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("media_accounts");
    for (String[] m : Authors.MEDIA) {
      g.writeStartObject();
      g.writeStringField("handle", m[0]);
      g.writeNumberField("followers", Long.parseLong(m[1]));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  // ------------------------------------------------------------------ counts

  private void counts() throws IOException {
    g.writeObjectFieldStart("counts");
    for (int s = 0; s < 3; s++) {
      g.writeObjectFieldStart(Truth.SOURCES[s]);
      for (int b = 0; b < 3; b++) {
        if (s > 0 && b > 0) continue;
        g.writeObjectFieldStart(World.BRANDS[b]);
        for (int p = 0; p < 5; p++) {
          g.writeObjectFieldStart(Cal.PERIODS[p]);
          g.writeNumberField("total", t.total(s, b, p));
          g.writeObjectFieldStart("categories");
          for (int c = 0; c < World.CATS.length; c++) g.writeNumberField(World.CATS[c], t.cat[s][b][p][c]);
          g.writeEndObject();
          g.writeObjectFieldStart("themes");
          for (int th = 0; th < World.NT; th++) g.writeNumberField(World.THEMES[th], t.theme[s][b][p][th]);
          g.writeEndObject();
          g.writeObjectFieldStart("sentiment");
          for (int x = 0; x < 3; x++) g.writeNumberField(TextBank.SENTIMENTS[x], t.sentiment[s][b][p][x]);
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeObjectFieldStart("languages");
      for (int l = 0; l < 3; l++) g.writeNumberField(TextBank.LANGS[l], t.language[s][l]);
      g.writeEndObject();
      g.writeEndObject();
    }
    for (int w = 0; w < 2; w++) {
      g.writeObjectFieldStart(Truth.SOURCES[3 + w]);
      for (int p = 0; p < 5; p++) {
        g.writeObjectFieldStart(Cal.PERIODS[p]);
        long rows = 0, vol = 0;
        for (int c = 0; c < World.CATS.length; c++) {
          rows += t.webRows[w][p][c];
          vol += t.webVolume[w][p][c];
        }
        g.writeNumberField("rows", rows);
        g.writeNumberField("volume", vol);
        g.writeObjectFieldStart("categories_volume");
        for (int c = 0; c < World.CATS.length; c++) g.writeNumberField(World.CATS[c], t.webVolume[w][p][c]);
        g.writeEndObject();
        g.writeObjectFieldStart("categories_rows");
        for (int c = 0; c < World.CATS.length; c++) g.writeNumberField(World.CATS[c], t.webRows[w][p][c]);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void pii() throws IOException {
    g.writeObjectFieldStart("pii");
    g.writeStringField("note", "every e-mail address, phone number and IBAN planted in social content or contact notes; "
        + "no other PII occurs in the outputs");
    g.writeNumberField("count", t.piiCount);
    g.writeArrayFieldStart("items");
    t.readPii(f -> {
      g.writeStartObject();
      g.writeStringField("value", f[0]);
      g.writeStringField("type", f[1]);
      g.writeStringField("source", f[2]);
      g.writeStringField("file", f[3]);
      g.writeStringField("item_id", f[4]);
      g.writeEndObject();
    });
    g.writeEndArray();
    g.writeEndObject();
  }

  private void bad() throws IOException {
    g.writeObjectFieldStart("bad_records");
    g.writeStringField("note", "record = 1-based number of the data record in the file (header not counted; a quoted "
        + "multi-line CSV record counts once). Bad records are not in items.csv.gz.");
    g.writeNumberField("count", t.badCount);
    g.writeObjectFieldStart("by_reason");
    for (Map.Entry<String, Long> e : t.badByReason.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
    g.writeObjectFieldStart("by_source");
    for (int s = 0; s < 5; s++) g.writeNumberField(Truth.SOURCES[s], t.badBySource[s]);
    g.writeEndObject();
    g.writeArrayFieldStart("records");
    t.readBad(f -> {
      g.writeStartObject();
      g.writeStringField("file", f[0]);
      g.writeNumberField("record", Long.parseLong(f[1]));
      if (f[2].isEmpty()) g.writeNullField("item_id");
      else g.writeStringField("item_id", f[2]);
      g.writeStringField("reason", f[3]);
      g.writeStringField("detail", f[4]);
      g.writeStringField("source", f[5]);
      g.writeEndObject();
    });
    g.writeEndArray();
    g.writeEndObject();
  }
}
