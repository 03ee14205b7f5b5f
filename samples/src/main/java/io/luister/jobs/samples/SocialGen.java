package io.luister.jobs.samples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * social/mentions-YYYY-MM.jsonl: customer posts about the three brands, webcare replies by the brands' own
 * accounts, planted author groups, the outage spike, and the social bad records. Streams day by day; only
 * one day of posts plus the replies still pending (at most one day ahead) are in memory.
 */
final class SocialGen {
  private static final JsonFactory JSON = new JsonFactory();

  static final BadPlan.Kind[] BAD_KINDS = {
      new BadPlan.Kind("MALFORMED_RECORD", 1, "truncated JSON line"),
      new BadPlan.Kind("MISSING_REQUIRED", 1, "post_id", "created"),
      new BadPlan.Kind("INVALID_TIMESTAMP", 1, "2026-02-30T10:00:00+01:00", "2026-13-01T08:15:00+01:00", "31-02-2026 10:00"),
      new BadPlan.Kind("TIMESTAMP_OUT_OF_RANGE", 1, "1999-03-14T10:22:00+01:00", "2031-06-01T12:00:00+02:00"),
      new BadPlan.Kind("INVALID_NUMBER", 1, "likes", "followers"),
      new BadPlan.Kind("NEGATIVE_COUNT", 1, "likes", "shares"),
      new BadPlan.Kind("SCORE_OUT_OF_SCALE", 1, "7", "0"),
      new BadPlan.Kind("EMPTY_TEXT", 1, "", "   "),
      new BadPlan.Kind("DUPLICATE_ID", 1, "same file"),
  };

  private final Path outDir;
  private final Truth truth;
  private final long seed;
  private final Rng planRng, postRng, textRng, timeRng, replyRng, badRng, metricRng;
  private final Authors authors;
  private final BadPlan badPlan;
  /** Month index (0 = 2025-07) before whose file the last record of the previous month is repeated. */
  private final int crossFileDupMonth;

  // plan
  final long customerPosts;
  final long[] brandPosts = new long[3];
  final int[][] daily = new int[3][Cal.DAYS];
  final int[] spikeDaily = new int[Cal.DAYS];
  long spikeTotal;
  final double rho;
  private final Rng.Urn[][] urns = new Rng.Urn[3][5];
  final long[][][] quotas = new long[3][5][];
  private final List<Planted> plantedPosts = new ArrayList<>();
  private int plantedNext;
  final int nCritics, nIncident, nPromoters;
  private final long regularBase, oneOffBase;
  private final long regularSlots;
  private long regularPosts, oneOffs;

  // writing state
  private BufferedWriter out;
  private String currentFile;
  private int currentMonth = -1;
  private long counter = 1000;
  private long written; // valid records (customer posts and replies)
  private long recordInFile;
  private String lastValidLine, lastValidId, lastValidFile;
  private final PriorityQueue<Post> pending = new PriorityQueue<>(
      Comparator.comparingLong((Post p) -> p.epoch).thenComparingLong(p -> p.seq));
  private long seq;
  long customerWritten, repliesWritten, badWritten;

  record Planted(int day, long authorId, int group, int theme, int sentiment, int platform, String city) {}

  static final int G_NORMAL = 0, G_CRITIC = 1, G_INCIDENT = 2, G_PROMOTER = 3, G_MEDIA = 4, G_REGULAR = 5, G_OWN = 6;
  static final String[] GROUP_NAMES = {"one_off", "persistent_critic", "incident_critic", "promoter", "media", "regular", "own_account"};

  static final class Post {
    int brand, theme, sentiment, platform, langMode, group, media = -1;
    boolean qIntent;
    long epoch, authorId, seq;
    String city;
    Authors.Author author;
    String id;
    TextBank.Text text;
    // replies
    Post parent;
    TextBank.Reply reply;
    String account;
    boolean answered;
    long delayMinutes;
  }

  SocialGen(Path outDir, Truth truth, long seed, long items, long socialRecords) {
    this.outDir = outDir;
    this.truth = truth;
    this.seed = seed;
    this.planRng = new Rng(seed, "social.plan");
    this.postRng = new Rng(seed, "social.post");
    this.textRng = new Rng(seed, "social.text");
    this.timeRng = new Rng(seed, "social.time");
    this.replyRng = new Rng(seed, "social.reply");
    this.badRng = new Rng(seed, "social.bad");
    this.metricRng = new Rng(seed, "social.metrics");

    long badCount = BadPlan.count(BAD_KINDS, socialRecords) + 1; // +1 cross-file duplicate
    long valid = Math.max(10, socialRecords - badCount);
    this.rho = expectedReplyRate();
    this.customerPosts = Math.max(10, Math.round(valid / (1 + rho)));
    long[] split = Rng.apportion(customerPosts, World.BRAND_SHARE);
    System.arraycopy(split, 0, brandPosts, 0, 3);
    this.badPlan = new BadPlan(badRng, BAD_KINDS, valid);
    this.crossFileDupMonth = 1 + badRng.nextInt(14);

    double scale = Math.min(1.0, items / (double) World.FULL_GROUPS_AT);
    this.nCritics = Math.max(1, (int) Math.round(World.PERSISTENT_CRITICS * scale));
    this.nIncident = Math.max(1, (int) Math.round(World.INCIDENT_CRITICS * scale));
    this.nPromoters = Math.max(1, (int) Math.round(World.PROMOTERS * scale));
    long plantedIds = nCritics + nIncident + nPromoters;
    long regulars = (long) Math.ceil(0.12 * customerPosts / 2.2) + 1;
    this.regularBase = plantedIds;
    this.regularSlots = 3 * regulars;
    this.oneOffBase = regularBase + regulars;
    this.authors = new Authors(seed, oneOffBase + customerPosts + 16);
    this.regularPerm = new Rng.Perm(regularSlots, seed ^ 0x7e6L);
    plan();
  }

  private final Rng.Perm regularPerm;

  // ------------------------------------------------------------------ planning

  /** Expected own-account replies per customer post (used to size customer posts so that posts plus replies
   *  hit the requested social records). */
  static double expectedReplyRate() {
    double total = 0;
    for (int b = 0; b < 3; b++) {
      double[] w = World.socialShares(b, 0);
      double sw = 0, e = 0;
      for (int t = 0; t < World.NT; t++) {
        sw += w[t];
        for (int s = 0; s < 3; s++) {
          for (int p = 0; p < World.PLATFORMS.length; p++) {
            double pw = World.PLATFORM_W[p] / 100.0;
            double pq = Math.min(0.95, World.Q_BY_SENT[s] * World.PLATFORM_Q_FACTOR[p]);
            double r = pq * World.REPLY_P[b][0] + (1 - pq) * (s == TextBank.S_NEG ? World.REPLY_P[b][1] : World.REPLY_P[b][2]);
            e += w[t] * World.SENT[t][s] * pw * r;
          }
        }
      }
      total += World.BRAND_SHARE[b] * e / sw;
    }
    return total;
  }

  private double[] dayWeights(Rng rng) {
    double[] w = new double[Cal.DAYS];
    for (int d = 0; d < Cal.DAYS; d++) {
      LocalDate date = Cal.day(d);
      w[d] = World.growth(d) * World.SOCIAL_DOW[date.getDayOfWeek().getValue() - 1] * rng.lognormal(1, 0.12);
    }
    return w;
  }

  private void plan() {
    // planted authors (ours): persistent critics, promoters, incident critics
    List<String> weeks = new ArrayList<>();
    List<List<Integer>> weekDays = new ArrayList<>();
    for (int d = 0; d < Cal.DAYS; d++) {
      LocalDate date = Cal.day(d);
      if (Cal.inSpike(date)) continue;
      String w = Cal.isoWeek(date);
      if (weeks.isEmpty() || !weeks.get(weeks.size() - 1).equals(w)) {
        weeks.add(w);
        weekDays.add(new ArrayList<>());
      }
      weekDays.get(weekDays.size() - 1).add(d);
    }
    long id = 0;
    for (int c = 0; c < nCritics; c++, id++) {
      int n = planRng.between(10, 14);
      List<Integer> chosen;
      do {
        chosen = pickDistinct(planRng, weeks.size(), n);
      } while (quartersOf(chosen, weekDays) < 3);
      for (int wi : chosen) {
        List<Integer> days = weekDays.get(wi);
        int day = days.get(planRng.nextInt(days.size()));
        int theme = World.CRITIC_THEMES[planRng.weighted(World.CRITIC_THEME_W)];
        int platform = planRng.chance(0.7) ? World.P_TWITTER : planRng.chance(0.65) ? World.P_FACEBOOK : World.P_FORUM;
        plantedPosts.add(new Planted(day, id, G_CRITIC, theme, TextBank.S_NEG, platform, null));
      }
    }
    for (int c = 0; c < nPromoters; c++, id++) {
      int n = planRng.between(6, 10);
      List<Integer> chosen;
      do {
        chosen = pickDistinct(planRng, weeks.size(), n);
      } while (quartersOf(chosen, weekDays) < 3);
      for (int wi : chosen) {
        List<Integer> days = weekDays.get(wi);
        int day = days.get(planRng.nextInt(days.size()));
        int theme = World.PROMOTER_THEMES[planRng.weighted(World.PROMOTER_THEME_W)];
        double u = planRng.nextDouble();
        int platform = u < 0.5 ? World.P_TWITTER : u < 0.7 ? World.P_INSTAGRAM : u < 0.9 ? World.P_FACEBOOK : World.P_TRUSTPILOT;
        plantedPosts.add(new Planted(day, id, G_PROMOTER, theme, TextBank.S_POS, platform, null));
      }
    }
    long plantedNonSpike = plantedPosts.size();

    // day weights and the spike size
    double[][] w = new double[3][];
    for (int b = 0; b < 3; b++) w[b] = dayWeights(planRng);
    double all = 0, q3 = 0;
    for (int d = 0; d < Cal.DAYS; d++) {
      all += w[0][d];
      if (Cal.periodOfDay(d) == Cal.ANALYSIS) q3 += w[0][d];
    }
    double outageShare = World.OURS_Q3[World.T_STORING] / 100.0;
    double weeksQ3 = 92 / 7.0;
    double k = 2 * (World.SPIKE_FACTOR - 1) * outageShare * (q3 / all) / weeksQ3;
    long base = Math.max(0, brandPosts[World.OURS] - plantedNonSpike);
    long spike = Math.round(k * base / (1 + k));
    long perWeek = spike / 2;
    spike = 2 * perWeek;
    double[] spikeW1 = {0.02, 0.30, 0.22, 0.15, 0.12, 0.10, 0.09};
    double[] spikeW2 = {0.20, 0.18, 0.16, 0.14, 0.12, 0.10, 0.10};
    long[] s1 = Rng.apportion(perWeek, spikeW1);
    long[] s2 = Rng.apportion(perWeek, spikeW2);
    int spikeStart = (int) java.time.temporal.ChronoUnit.DAYS.between(Cal.START, Cal.SPIKE_START);
    for (int i = 0; i < 7; i++) {
      spikeDaily[spikeStart + i] = (int) s1[i];
      spikeDaily[spikeStart + 7 + i] = (int) s2[i];
    }
    this.spikeTotal = spike;
    // incident critics: 2-4 negative outage posts each on distinct spike days, taken out of the spike posts
    double[] spikeDayW = new double[14];
    for (int i = 0; i < 14; i++) spikeDayW[i] = spikeDaily[spikeStart + i];
    int[] incidentOnDay = new int[14];
    for (int c = 0; c < nIncident; c++, id++) {
      int n = planRng.between(2, 4);
      List<Integer> used = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        int di = -1;
        for (int attempt = 0; attempt < 20; attempt++) {
          int cand = planRng.weighted(spikeDayW);
          if (!used.contains(cand) && incidentOnDay[cand] < spikeDaily[spikeStart + cand]) {
            di = cand;
            break;
          }
        }
        if (di < 0) continue;
        used.add(di);
        incidentOnDay[di]++;
        int platform = planRng.chance(0.8) ? World.P_TWITTER : World.P_FACEBOOK;
        plantedPosts.add(new Planted(spikeStart + di, id, G_INCIDENT, World.T_STORING, TextBank.S_NEG, platform,
            planRng.pick(World.SPIKE_CITIES)));
      }
    }
    for (int i = 0; i < 14; i++) spikeDaily[spikeStart + i] -= incidentOnDay[i];
    plantedPosts.sort(Comparator.comparingInt(Planted::day).thenComparingLong(Planted::authorId));

    // daily urn posts per brand
    for (int b = 0; b < 3; b++) {
      long urnTotal = b == World.OURS ? Math.max(0, brandPosts[b] - plantedNonSpike - spike) : brandPosts[b];
      long[] a = Rng.apportion(urnTotal, w[b]);
      for (int d = 0; d < Cal.DAYS; d++) daily[b][d] = (int) a[d];
    }
    // quotas per brand and period
    for (int b = 0; b < 3; b++) {
      for (int p = 0; p < 5; p++) {
        long urn = 0;
        for (int d = 0; d < Cal.DAYS; d++) if (Cal.periodOfDay(d) == p) urn += daily[b][d];
        long[] pl = new long[World.NT];
        long sp = 0;
        if (b == World.OURS) {
          for (Planted x : plantedPosts) {
            if (Cal.periodOfDay(x.day()) != p) continue;
            if (x.group() == G_INCIDENT) sp++;
            else pl[x.theme()]++;
          }
          if (p == Cal.ANALYSIS) {
            for (int d = 0; d < Cal.DAYS; d++) sp += spikeDaily[d];
          }
        }
        quotas[b][p] = quotas(World.socialShares(b, p), urn, pl, sp);
        urns[b][p] = new Rng.Urn(quotas[b][p]);
      }
    }
  }

  /** Theme quotas of the urn posts so that final shares (urn + planted + spike) follow the weights (percent
   *  of all posts); the absorbing theme (waiting times) takes what is left. */
  static long[] quotas(double[] weights, long urn, long[] planted, long spike) {
    long plantedSum = 0;
    for (long x : planted) plantedSum += x;
    long total = urn + plantedSum + spike;
    long[] q = new long[World.NT];
    long used = 0;
    int absorb = World.T_WACHT;
    for (int t = 0; t < World.NT; t++) {
      if (t == absorb) continue;
      // outage's base share is taken over the non-spike posts, so the spike weeks are ~SPIKE_FACTOR x normal
      long basis = t == World.T_STORING ? total - spike : total;
      long target = Math.round(weights[t] / 100.0 * basis);
      q[t] = target - planted[t];
      used += target;
    }
    long absorbTarget = total - spike - used;
    q[absorb] = absorbTarget - planted[absorb];
    long deficit = 0;
    for (int t = 0; t < World.NT; t++) {
      if (q[t] < 0) {
        deficit -= q[t];
        q[t] = 0;
      }
    }
    while (deficit > 0) {
      int best = 0;
      for (int t = 1; t < World.NT; t++) if (q[t] > q[best]) best = t;
      if (q[best] == 0) break;
      q[best]--;
      deficit--;
    }
    long sum = 0;
    for (long x : q) sum += x;
    if (sum != urn) { // only possible at tiny sizes: put the difference on the absorbing theme
      q[absorb] = Math.max(0, q[absorb] + urn - sum);
    }
    return q;
  }

  private static List<Integer> pickDistinct(Rng rng, int n, int k) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) all.add(i);
    for (int i = 0; i < k && i < n; i++) {
      int j = i + rng.nextInt(n - i);
      Integer t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    List<Integer> out = new ArrayList<>(all.subList(0, Math.min(k, n)));
    out.sort(null);
    return out;
  }

  private static int quartersOf(List<Integer> weekIdx, List<List<Integer>> weekDays) {
    boolean[] q = new boolean[5];
    for (int wi : weekIdx) q[Cal.periodOfDay(weekDays.get(wi).get(0))] = true;
    int n = 0;
    for (boolean b : q) if (b) n++;
    return n;
  }

  // ------------------------------------------------------------------ generation

  void run() throws IOException {
    Files.createDirectories(outDir.resolve("social"));
    for (int d = 0; d < Cal.DAYS; d++) {
      LocalDate date = Cal.day(d);
      int period = Cal.period(date);
      boolean spikeDay = Cal.inSpike(date);
      List<Post> posts = new ArrayList<>();
      for (int b = 0; b < 3; b++) {
        for (int i = 0; i < daily[b][d]; i++) posts.add(urnPost(b, period, spikeDay));
      }
      for (int i = 0; i < spikeDaily[d]; i++) posts.add(spikePost());
      while (plantedNext < plantedPosts.size() && plantedPosts.get(plantedNext).day() == d) {
        posts.add(plantedPost(plantedPosts.get(plantedNext++)));
      }
      for (Post p : posts) {
        p.epoch = Cal.epoch(date, secondOfDay(timeRng));
        p.seq = seq++;
      }
      posts.sort(Comparator.comparingLong((Post p) -> p.epoch).thenComparingLong(p -> p.seq));
      for (Post p : posts) {
        flushReplies(p.epoch);
        writeCustomer(p, period);
      }
      long endOfDay = Cal.epoch(date.plusDays(1), 0) - 1;
      flushReplies(endOfDay);
    }
    flushReplies(Long.MAX_VALUE);
    for (BadPlan.Slot s : badPlan.remaining()) writeBad(s, lastEpoch);
    if (out != null) out.close();
  }

  private long lastEpoch;

  private static int secondOfDay(Rng rng) {
    int h = rng.weighted(World.SOCIAL_HOURS);
    return h * 3600 + rng.nextInt(3600);
  }

  private int langMode(Rng rng) {
    double u = rng.nextDouble();
    return u < World.LANG_NL ? TextBank.NL : u < World.LANG_NL + World.LANG_EN ? TextBank.EN : TextBank.MIXED;
  }

  private Post urnPost(int brand, int period, boolean spikeDay) {
    Post p = new Post();
    p.brand = brand;
    p.theme = urns[brand][period].draw(postRng);
    p.platform = postRng.weighted(World.PLATFORM_W);
    p.langMode = langMode(postRng);
    double u = postRng.nextDouble();
    if (u < 0.0025) {
      p.group = G_MEDIA;
      p.media = postRng.nextInt(Authors.MEDIA.length);
      p.platform = World.P_TWITTER;
      p.sentiment = TextBank.S_NEU;
      p.qIntent = false;
      p.langMode = TextBank.NL;
      return p;
    }
    if (u < 0.1225 && !spikeDay && regularPosts < regularSlots) {
      p.group = G_REGULAR;
      p.authorId = regularBase + regularPerm.apply(regularPosts++) / 3;
    } else {
      p.group = G_NORMAL;
      p.authorId = oneOffBase + oneOffs++;
    }
    p.sentiment = postRng.weighted(World.SENT[p.theme]);
    p.qIntent = postRng.chance(Math.min(0.95, World.Q_BY_SENT[p.sentiment] * World.PLATFORM_Q_FACTOR[p.platform]));
    return p;
  }

  private Post spikePost() {
    Post p = new Post();
    p.brand = World.OURS;
    p.theme = World.T_STORING;
    p.group = G_NORMAL;
    p.authorId = oneOffBase + oneOffs++;
    p.platform = postRng.chance(0.75) ? World.P_TWITTER : postRng.weighted(World.PLATFORM_W);
    p.langMode = langMode(postRng);
    p.sentiment = postRng.weighted(new double[] {0.85, 0.12, 0.03});
    p.qIntent = postRng.chance(Math.min(0.95, World.Q_BY_SENT[p.sentiment] * World.PLATFORM_Q_FACTOR[p.platform]));
    p.city = postRng.pick(World.SPIKE_CITIES);
    return p;
  }

  private Post plantedPost(Planted x) {
    Post p = new Post();
    p.brand = World.OURS;
    p.theme = x.theme();
    p.group = x.group();
    p.authorId = x.authorId();
    p.platform = x.platform();
    p.sentiment = x.sentiment();
    int lang = authors.language(x.authorId());
    p.langMode = postRng.chance(0.05) ? TextBank.MIXED : lang;
    p.qIntent = x.group() == G_PROMOTER ? false : postRng.chance(0.25);
    p.city = x.city();
    return p;
  }

  private String prefixedId(int platform) {
    return World.PLATFORM_PREFIX[platform] + "-" + String.format(Locale.ROOT, "%09d", counter++);
  }

  private void writeCustomer(Post p, int period) throws IOException {
    lastEpoch = p.epoch;
    String handle;
    int followers;
    String first = null, last = null;
    if (p.group == G_MEDIA) {
      handle = Authors.MEDIA[p.media][0];
      followers = Integer.parseInt(Authors.MEDIA[p.media][1]);
    } else {
      p.author = authors.author(p.authorId);
      handle = p.author.handle();
      followers = p.author.followers();
      first = p.author.first();
      last = p.author.last();
    }
    TextBank.Pii pii = textRng.chance(World.PII_P) ? TextBank.pii(textRng, first, last) : null;
    p.text = TextBank.social(textRng, p.theme, p.sentiment, p.qIntent, p.langMode, p.brand, p.platform, p.city, pii);
    boolean question = p.text.question();

    // own-account reply?
    double pr = World.REPLY_P[p.brand][question ? 0 : p.sentiment == TextBank.S_NEG ? 1 : 2];
    Post reply = null;
    if (replyRng.chance(pr)) {
      double minutes = replyRng.lognormal(World.REPLY_MEDIAN_MIN[p.brand], 1.0);
      minutes = Math.max(2, Math.min(23 * 60, minutes));
      long at = p.epoch + Math.round(minutes * 60);
      int hour = Cal.zoned(at).getHour();
      if (hour < 7) { // webcare sleeps: first thing in the morning
        LocalDate dd = Cal.localDate(at);
        at = Math.max(at, Cal.epoch(dd, 7 * 3600 + replyRng.nextInt(2 * 3600)));
        at = Math.min(at, p.epoch + 86_400 - 60);
      }
      if (at <= Cal.END_EPOCH) {
        reply = new Post();
        reply.parent = p;
        reply.brand = p.brand;
        reply.platform = p.platform;
        reply.group = G_OWN;
        reply.epoch = at;
        reply.seq = seq++;
        reply.delayMinutes = (at - p.epoch) / 60;
        String[] accounts = World.ACCOUNTS[p.brand];
        reply.account = accounts.length == 1 ? accounts[0] : replyRng.chance(0.85) ? accounts[1] : accounts[0];
        int lang = p.langMode == TextBank.EN ? TextBank.EN : p.langMode == TextBank.NL ? TextBank.NL
            : (replyRng.chance(0.5) ? TextBank.NL : TextBank.EN);
        reply.reply = TextBank.reply(replyRng, p.brand, lang, handle, first, p.sentiment, question, p.platform);
        p.answered = true;
      }
    }

    String id = prefixedId(p.platform);
    p.id = id;
    double likeLambda = (0.3 + 0.02 * Math.sqrt(followers)) * (p.sentiment == TextBank.S_NEG ? 1.4 : p.sentiment == TextBank.S_POS ? 1.1 : 0.8);
    if (p.platform == World.P_TRUSTPILOT) likeLambda *= 0.3;
    if (p.platform == World.P_FORUM) likeLambda *= 0.5;
    long likes = metricRng.poisson(likeLambda);
    long shares = p.platform == World.P_TRUSTPILOT || p.platform == World.P_FORUM ? 0 : metricRng.poisson(likes * 0.15);
    long replies = (p.answered ? 1 : 0) + metricRng.poisson(0.25 + likes * 0.05);
    String rating = "null";
    if (p.platform == World.P_TRUSTPILOT) rating = String.valueOf(stars(metricRng, p.sentiment));
    String url = url(p.platform, p.brand, handle, p.epoch, metricRng);
    String line = line(id, Cal.isoOffset(p.epoch), World.PLATFORMS[p.platform], World.BRANDS[p.brand],
        p.text.content(), handle, String.valueOf(followers), String.valueOf(likes), String.valueOf(shares),
        String.valueOf(replies), "null", url, rating);
    writeValid(line, id, p.epoch);
    customerWritten++;

    int category = World.THEME_CAT[p.theme];
    truth.item(Truth.SOCIAL, id, period, p.brand, category, p.theme, p.sentiment, question, p.text.lang());
    if (pii != null) truth.pii(pii.value(), pii.type(), Truth.SOCIAL, currentFile, id);
    if (p.brand == World.OURS) {
      long[] wk = truth.oursWeekly.computeIfAbsent(Cal.isoWeek(Cal.localDate(p.epoch)), x -> new long[2]);
      wk[0]++;
      if (category == World.C_OUTAGE) wk[1]++;
    }
    if (question) {
      truth.questions[p.brand][period][category]++;
      if (p.answered) truth.answered[p.brand][period][category]++;
      else truth.unanswered(p.brand, period, category, id, World.PLATFORMS[p.platform]);
    }
    if (p.group == G_CRITIC || p.group == G_INCIDENT || p.group == G_PROMOTER) {
      Truth.AuthorStat st = truth.planted.computeIfAbsent(p.authorId,
          x -> new Truth.AuthorStat(GROUP_NAMES[p.group], handle));
      LocalDate ld = Cal.localDate(p.epoch);
      st.posts++;
      st.weeks.add(Cal.isoWeek(ld));
      st.quarters.add(Cal.PERIODS[Cal.period(ld)]);
      if (p.sentiment == TextBank.S_NEG) {
        st.negative++;
        st.negativeWeeks.add(Cal.isoWeek(ld));
        if (!Cal.inSpike(ld)) st.negativeOutsideSpike++;
      } else if (p.sentiment == TextBank.S_POS) {
        st.positive++;
      } else {
        st.neutral++;
      }
    }
    if (reply != null) pending.add(reply);
  }

  static int stars(Rng rng, int sentiment) {
    if (sentiment == TextBank.S_NEG) return 1 + rng.weighted(new double[] {60, 30, 10});
    if (sentiment == TextBank.S_NEU) return 2 + rng.weighted(new double[] {25, 50, 25});
    return 4 + rng.weighted(new double[] {35, 65});
  }

  private void flushReplies(long upTo) throws IOException {
    while (!pending.isEmpty() && pending.peek().epoch <= upTo) {
      Post r = pending.poll();
      writeReply(r);
    }
  }

  private void writeReply(Post r) throws IOException {
    lastEpoch = r.epoch;
    String id = prefixedId(r.platform);
    int accountIdx = r.brand == World.OURS ? (r.account.equals("@Zonnewijs") ? 0 : 1) : r.brand + 1;
    int period = Cal.period(Cal.localDate(r.epoch));
    int followers = (int) Math.round(World.ACCOUNT_FOLLOWERS[accountIdx] * (1 + 0.08 * (r.epoch - Cal.epoch(Cal.START, 0)) / (Cal.DAYS * 86400.0)));
    long likes = metricRng.poisson(0.4);
    String line = line(id, Cal.isoOffset(r.epoch), World.PLATFORMS[r.platform], World.BRANDS[r.brand],
        r.reply.content(), r.account, String.valueOf(followers), String.valueOf(likes), "0",
        String.valueOf(metricRng.poisson(0.1)), "\"" + r.parent.id + "\"", url(r.platform, r.brand, r.account, r.epoch, metricRng), "null");
    writeValid(line, id, r.epoch);
    repliesWritten++;
    truth.item(Truth.SOCIAL, id, period, r.brand, World.C_NONE, World.T_REPLY,
        r.reply.sentiment().equals("positive") ? TextBank.S_POS : TextBank.S_NEU, r.reply.question(), r.reply.lang());
    truth.ownReplies[r.brand][period]++;
    truth.ownReplyDelayMinutesSum[r.brand][period] += r.delayMinutes;
  }

  static String url(int platform, int brand, String handle, long epoch, Rng rng) {
    String h = handle.startsWith("@") ? handle.substring(1) : handle;
    switch (platform) {
      case World.P_TWITTER: {
        long snowflake = ((epoch * 1000 + rng.nextInt(1000) - 1288834974657L) << 22) + rng.nextInt(1 << 22);
        return "https://x.com/" + h + "/status/" + snowflake;
      }
      case World.P_FACEBOOK:
        return "https://www.facebook.com/" + World.BRANDS[brand].toLowerCase(Locale.ROOT) + "/posts/"
            + (100000000000000L + rng.nextLong(899999999999999L));
      case World.P_INSTAGRAM:
        return "https://www.instagram.com/p/" + TextBank.base62(rng, 11) + "/";
      case World.P_TRUSTPILOT: {
        StringBuilder hex = new StringBuilder("https://nl.trustpilot.com/reviews/");
        for (int i = 0; i < 24; i++) hex.append("0123456789abcdef".charAt(rng.nextInt(16)));
        return hex.toString();
      }
      default:
        return "https://www.energieforum.nl/t/" + (10000 + rng.nextInt(90000)) + "/" + (1 + rng.nextInt(40));
    }
  }

  /**
   * One JSON line, written by Jackson; number-ish arguments are raw JSON tokens (a bad record's may be a quoted
   * string or a negative count).
   */
  static String line(String postId, String created, String platform, String about, String content, String handle,
                     String followers, String likes, String shares, String replies, String replyTo, String url,
                     String rating) {
    StringWriter out = new StringWriter(256 + content.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("post_id", postId);
      g.writeStringField("created", created);
      g.writeStringField("platform", platform);
      g.writeStringField("about", about);
      g.writeStringField("content", content);
      g.writeObjectFieldStart("user");
      g.writeStringField("handle", handle);
      rawField(g, "followers", followers);
      g.writeEndObject();
      g.writeObjectFieldStart("metrics");
      rawField(g, "likes", likes);
      rawField(g, "shares", shares);
      rawField(g, "replies", replies);
      g.writeEndObject();
      rawField(g, "reply_to", replyTo);
      g.writeStringField("url", url);
      rawField(g, "rating", rating);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void rawField(JsonGenerator g, String name, String jsonToken) throws IOException {
    g.writeFieldName(name);
    g.writeRawValue(jsonToken);
  }

  // ------------------------------------------------------------------ files, bad records

  private void ensureFile(long epoch) throws IOException {
    LocalDate d = Cal.localDate(epoch);
    int month = (d.getYear() - 2025) * 12 + d.getMonthValue() - 7;
    month = Math.max(0, Math.min(14, month));
    if (month == currentMonth) return;
    if (out != null) out.close();
    currentMonth = month;
    int y = 2025 + (month + 6) / 12;
    int m = (month + 6) % 12 + 1;
    currentFile = "social/mentions-" + y + "-" + (m < 10 ? "0" : "") + m + ".jsonl";
    truth.file(currentFile, "social", "jsonl", "UTF-8");
    out = Files.newBufferedWriter(outDir.resolve(currentFile), StandardCharsets.UTF_8);
    recordInFile = 0;
    if (month == crossFileDupMonth && lastValidLine != null) {
      // export overlap: the last post of the previous month repeated at the top of this month's file
      writeRaw(lastValidLine);
      badWritten++;
      truth.bad(Truth.SOCIAL, currentFile, recordInFile, lastValidId, "DUPLICATE_ID",
          "post_id " + lastValidId + " repeats the last record of " + lastValidFile);
    }
  }

  private void writeRaw(String line) throws IOException {
    out.write(line);
    out.write('\n');
    recordInFile++;
    truth.countRecord(currentFile);
  }

  private void writeValid(String line, String id, long epoch) throws IOException {
    ensureFile(epoch);
    writeRaw(line);
    lastValidLine = line;
    lastValidId = id;
    lastValidFile = currentFile;
    written++;
    BadPlan.Slot s;
    while ((s = badPlan.due(written)) != null) {
      if (!writeBad(s, epoch)) {
        badPlan.postpone();
        break;
      }
    }
  }

  /** Writes one bad record; false when it cannot be placed here. */
  private boolean writeBad(BadPlan.Slot s, long epoch) throws IOException {
    BadPlan.Kind kind = badPlan.kind(s);
    String variant = badPlan.variant(s);
    if (kind.reason().equals("DUPLICATE_ID")) {
      if (lastValidLine == null || !currentFile.equals(lastValidFile)) return false;
      writeRaw(lastValidLine);
      badWritten++;
      truth.bad(Truth.SOCIAL, currentFile, recordInFile, lastValidId, "DUPLICATE_ID",
          "post_id " + lastValidId + " appears twice in this file (this is the second occurrence)");
      return true;
    }
    ensureFile(epoch);
    int brand = badRng.nextInt(3);
    int theme = badRng.nextInt(World.NT - 1);
    int platform = kind.reason().equals("SCORE_OUT_OF_SCALE") ? World.P_TRUSTPILOT : badRng.nextInt(4) == 0 ? World.P_FACEBOOK : World.P_TWITTER;
    Authors.Author a = authors.author(oneOffBase + oneOffs++);
    int sentiment = badRng.weighted(World.SENT[theme]);
    String content = TextBank.social(badRng, theme, sentiment, false, TextBank.NL, brand, platform, null, null).content();
    String id = prefixedId(platform);
    String created = Cal.isoOffset(epoch);
    String followers = String.valueOf(a.followers());
    String likes = String.valueOf(badRng.nextInt(4));
    String shares = "0";
    String rating = platform == World.P_TRUSTPILOT ? String.valueOf(stars(badRng, sentiment)) : "null";
    String detail;
    String itemId = id;
    switch (kind.reason()) {
      case "MALFORMED_RECORD": {
        String full = line(id, created, World.PLATFORMS[platform], World.BRANDS[brand], content, a.handle(), followers,
            likes, shares, "0", "null", url(platform, brand, a.handle(), epoch, badRng), rating);
        int cut = (int) (full.length() * (0.35 + 0.3 * badRng.nextDouble()));
        writeRaw(full.substring(0, cut));
        badWritten++;
        truth.bad(Truth.SOCIAL, currentFile, recordInFile, id, kind.reason(), "JSON line truncated after " + cut + " characters");
        return true;
      }
      case "MISSING_REQUIRED":
        if (variant.equals("post_id")) {
          id = "";
          itemId = null;
          detail = "post_id is empty";
        } else {
          created = "";
          detail = "created is empty";
        }
        break;
      case "INVALID_TIMESTAMP":
      case "TIMESTAMP_OUT_OF_RANGE":
        created = variant;
        detail = "created = " + variant;
        break;
      case "INVALID_NUMBER":
        if (variant.equals("likes")) likes = "\"abc\"";
        else followers = "\"n/a\"";
        detail = variant + " is not a number";
        break;
      case "NEGATIVE_COUNT":
        if (variant.equals("likes")) likes = "-" + (1 + badRng.nextInt(9));
        else shares = "-" + (1 + badRng.nextInt(9));
        detail = variant + " is negative";
        break;
      case "SCORE_OUT_OF_SCALE":
        rating = variant;
        detail = "trustpilot rating = " + variant + " (scale 1-5)";
        break;
      case "EMPTY_TEXT":
        content = variant;
        detail = "content is empty";
        break;
      default:
        throw new IllegalStateException(kind.reason());
    }
    String line = line(id, created, World.PLATFORMS[platform], World.BRANDS[brand], content, a.handle(), followers,
        likes, shares, "0", "null", url(platform, brand, a.handle(), epoch, badRng), rating);
    writeRaw(line);
    badWritten++;
    truth.bad(Truth.SOCIAL, currentFile, recordInFile, itemId, kind.reason(), detail);
    return true;
  }

  long badCount() {
    return badWritten;
  }
}
