package io.luister.jobs.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** survey/nps_responses.csv: our NPS survey, ',' separated, UTF-8 without BOM, LF, RFC 4180 quoting. */
final class SurveyGen {
  static final String FILE = "survey/nps_responses.csv";
  static final String HEADER = "response_id,submitted_at,nps_score,comment,topic,customer_number,survey_channel";
  static final BadPlan.Kind[] BAD_KINDS = {
      new BadPlan.Kind("MALFORMED_RECORD", 1, "too few fields"),
      new BadPlan.Kind("MISSING_REQUIRED", 1, "response_id", "submitted_at"),
      new BadPlan.Kind("INVALID_TIMESTAMP", 1, "2026-13-01 10:00:00", "2026-02-30 12:00:00"),
      new BadPlan.Kind("TIMESTAMP_OUT_OF_RANGE", 1, "1999-05-04 10:00:00", "2031-01-01 09:00:00"),
      new BadPlan.Kind("INVALID_NUMBER", 1, "abc", "tien"),
      new BadPlan.Kind("SCORE_OUT_OF_SCALE", 2, "11", "-1"),
      new BadPlan.Kind("DUPLICATE_ID", 1, "resubmission"),
  };
  static final double[] DETRACTOR_SCORES = {0.10, 0.06, 0.08, 0.10, 0.14, 0.22, 0.30};
  /** Sentiment of a written comment per NPS class (promoter, passive, detractor). */
  static final double[][] SENT_BY_CLASS = {{.04, .21, .75}, {.25, .55, .20}, {.80, .15, .05}};

  private final Path outDir;
  private final Truth truth;
  private final Customers customers;
  private final Rng rng, textRng, timeRng, badRng;
  private final BadPlan badPlan;
  final long responses;
  final int[] daily = new int[Cal.DAYS];
  private final Rng.Urn[] urns = new Rng.Urn[5];

  private BufferedWriter out;
  private long recordInFile, counter = 1, written;
  private String lastId, lastCustomer;
  private long lastEpoch;
  long badWritten;

  SurveyGen(Path outDir, Truth truth, Customers customers, long seed, long records) {
    this.outDir = outDir;
    this.truth = truth;
    this.customers = customers;
    Rng planRng = new Rng(seed, "survey.plan");
    this.rng = new Rng(seed, "survey.item");
    this.textRng = new Rng(seed, "survey.text");
    this.timeRng = new Rng(seed, "survey.time");
    this.badRng = new Rng(seed, "survey.bad");
    this.responses = Math.max(5, records - BadPlan.count(BAD_KINDS, records));
    this.badPlan = new BadPlan(badRng, BAD_KINDS, responses);
    double[] w = new double[Cal.DAYS];
    for (int d = 0; d < Cal.DAYS; d++) {
      w[d] = World.growth(d) * World.SURVEY_DOW[Cal.day(d).getDayOfWeek().getValue() - 1] * planRng.lognormal(1, 0.15);
    }
    long[] a = Rng.apportion(responses, w);
    for (int d = 0; d < Cal.DAYS; d++) daily[d] = (int) a[d];
    for (int p = 0; p < 5; p++) {
      long n = 0;
      for (int d = 0; d < Cal.DAYS; d++) if (Cal.periodOfDay(d) == p) n += daily[d];
      urns[p] = new Rng.Urn(Rng.apportion(n, World.TOPIC_W));
    }
  }

  void run() throws IOException {
    Files.createDirectories(outDir.resolve("survey"));
    truth.file(FILE, "survey", "csv , (LF)", "UTF-8");
    out = Files.newBufferedWriter(outDir.resolve(FILE), StandardCharsets.UTF_8);
    out.write(HEADER);
    out.write('\n');
    for (int d = 0; d < Cal.DAYS; d++) {
      LocalDate date = Cal.day(d);
      int period = Cal.period(date);
      long[] times = new long[daily[d]];
      for (int i = 0; i < times.length; i++) {
        int h = timeRng.weighted(World.SURVEY_HOURS);
        times[i] = Cal.epoch(date, h * 3600 + timeRng.nextInt(3600));
      }
      Arrays.sort(times);
      for (long t : times) write(t, period);
    }
    for (BadPlan.Slot s : badPlan.remaining()) writeBad(s);
    out.close();
  }

  private void write(long epoch, int period) throws IOException {
    lastEpoch = epoch;
    int topic = urns[period].draw(rng);
    int cls = rng.weighted(World.TOPIC_NPS[topic]); // 0 promoter, 1 passive, 2 detractor
    int score = cls == 0 ? (rng.chance(0.55) ? 9 : 10) : cls == 1 ? (rng.chance(0.5) ? 7 : 8) : rng.weighted(DETRACTOR_SCORES);
    double pEmpty = cls == 0 ? World.SURVEY_EMPTY_P_PROMOTER : cls == 1 ? World.SURVEY_EMPTY_P_PASSIVE : World.SURVEY_EMPTY_P_DETRACTOR;
    boolean empty = rng.chance(pEmpty);
    String comment = "";
    int theme = -1, sentiment = -1;
    boolean question = false;
    String lang = null;
    int category;
    if (!empty) {
      if (rng.chance(0.85)) {
        theme = World.topicThemes(topic, period)[rng.weighted(World.topicThemeWeights(topic, period))];
      } else {
        theme = rng.chance(0.5) ? World.T_WACHT : rng.weighted(World.contactShares(period));
      }
      sentiment = rng.weighted(SENT_BY_CLASS[cls]);
      boolean q = sentiment != TextBank.S_POS && rng.chance(0.12);
      double u = rng.nextDouble();
      int langMode = u < 0.70 ? TextBank.NL : u < 0.95 ? TextBank.EN : TextBank.MIXED;
      TextBank.Text t = TextBank.survey(textRng, theme, sentiment, q, langMode);
      comment = t.content();
      question = t.question();
      lang = t.lang();
      category = World.THEME_CAT[theme];
    } else {
      category = World.TOPIC_CAT[topic] == null ? World.C_NONE : World.cat(World.TOPIC_CAT[topic]);
    }
    String id = String.format(Locale.ROOT, "NPS-%07d", counter++);
    String customer = customers.pick(rng);
    String channel = World.SURVEY_CHANNELS[rng.weighted(World.SURVEY_CHANNEL_W)];
    writeRow(Csv.row(',', id, Cal.sqlDateTime(epoch), String.valueOf(score), comment, World.topicLabel(topic, period),
        customer, channel));
    lastId = id;
    lastCustomer = customer;
    written++;
    truth.item(Truth.SURVEY, id, period, World.OURS, category, theme, sentiment, question, lang);
    truth.surveyResponses[period]++;
    truth.npsClass[period][cls]++;
    if (empty) {
      truth.surveySilent[period][0]++;
      if (cls == 2) truth.surveySilent[period][1]++;
    } else {
      truth.sentimentByNps[cls][sentiment][0]++;
    }
    BadPlan.Slot s;
    while ((s = badPlan.due(written)) != null) writeBad(s);
  }

  private void writeRow(String row) throws IOException {
    out.write(row);
    out.write('\n');
    recordInFile++;
    truth.countRecord(FILE);
  }

  private void writeBad(BadPlan.Slot s) throws IOException {
    BadPlan.Kind kind = badPlan.kind(s);
    String v = badPlan.variant(s);
    int topic = badRng.weighted(World.TOPIC_W);
    String id = String.format(Locale.ROOT, "NPS-%07d", counter++);
    String date = Cal.sqlDateTime(lastEpoch);
    String score = String.valueOf(badRng.nextInt(11));
    String comment = badRng.chance(0.5) ? "" : TextBank.survey(badRng, badRng.nextInt(World.NT), TextBank.S_NEU, false, TextBank.NL).content();
    String customer = customers.pick(badRng);
    String itemId = id;
    String detail;
    switch (kind.reason()) {
      case "MALFORMED_RECORD":
        writeRow(Csv.row(',', id, date, score));
        badWritten++;
        truth.bad(Truth.SURVEY, FILE, recordInFile, id, kind.reason(), "only 3 of 7 fields (no quotes, so only this record is affected)");
        return;
      case "MISSING_REQUIRED":
        if (v.equals("response_id")) {
          id = "";
          itemId = null;
          detail = "response_id is empty";
        } else {
          date = "";
          detail = "submitted_at is empty";
        }
        break;
      case "INVALID_TIMESTAMP":
      case "TIMESTAMP_OUT_OF_RANGE":
        date = v;
        detail = "submitted_at = " + v;
        break;
      case "INVALID_NUMBER":
      case "SCORE_OUT_OF_SCALE":
        score = v;
        detail = "nps_score = " + v;
        break;
      case "DUPLICATE_ID":
        if (lastId == null) return;
        counter--; // no new id consumed
        id = lastId;
        itemId = lastId;
        customer = lastCustomer;
        date = Cal.sqlDateTime(lastEpoch + 60 + badRng.nextInt(600));
        detail = "response_id " + lastId + " submitted again a few minutes later (second occurrence)";
        break;
      default:
        throw new IllegalStateException(kind.reason());
    }
    writeRow(Csv.row(',', id, date, score, comment, World.topicLabel(topic, 4), customer, "email"));
    badWritten++;
    truth.bad(Truth.SURVEY, FILE, recordInFile, itemId, kind.reason(), detail);
  }
}
