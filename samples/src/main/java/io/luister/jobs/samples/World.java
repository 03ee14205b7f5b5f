package io.luister.jobs.samples;

import java.time.LocalDate;

/**
 * The fictional world: brands, the unified categories, the truth themes, and every volume parameter of
 * the planted signals. Everything downstream is derived from these tables, and the ground truth reports
 * the realised numbers next to them.
 */
final class World {
  private World() {}

  // ---------------------------------------------------------------- brands
  static final int OURS = 0;
  static final int STROOMLIJN = 1;
  static final int GREENGRID = 2;
  static final String[] BRANDS = {"Zonnewijs", "Stroomlijn", "GreenGrid"};
  static final String[][] ACCOUNTS = {{"@Zonnewijs", "@ZonnewijsHelpt"}, {"@Stroomlijn_NL"}, {"@GreenGridHelp"}};
  static final String[][] ALIASES = {{"Zonnewijs", "zonnewijs energie", "@zonnewijs"}, {"Stroomlijn"}, {"GreenGrid", "Green Grid"}};
  /** How customers write the brand in text (weights in MENTION_W). */
  static final String[][] MENTIONS = {
      {"Zonnewijs", "@Zonnewijs", "@ZonnewijsHelpt", "zonnewijs", "Zonnewijs Energie", "zonnewijs energie", "@zonnewijs"},
      {"Stroomlijn", "@Stroomlijn_NL", "stroomlijn"},
      {"GreenGrid", "@GreenGridHelp", "Green Grid", "greengrid"}};
  static final double[][] MENTION_W = {{40, 18, 14, 10, 6, 6, 6}, {60, 28, 12}, {55, 25, 14, 6}};
  static final String[] MIJN = {"Mijn Zonnewijs", "Mijn Stroomlijn", "Mijn GreenGrid"};
  static final int[] ACCOUNT_FOLLOWERS = {48_200, 12_900, 31_400, 8_700}; // @Zonnewijs, @ZonnewijsHelpt, @Stroomlijn_NL, @GreenGridHelp
  static final String[] WEB_DOMAIN = {"www.zonnewijs.nl", "www.stroomlijn.nl", "www.greengrid.nl"};

  // ---------------------------------------------------------------- categories
  static final String[] CATS = {"billing", "payments", "meter_readings", "outage", "moving", "contract_prices",
      "solar_feed_in", "green_energy", "app_login", "customer_service", "smart_meter", "dynamic_contract", "none"};
  static final int C_BILLING = 0, C_PAYMENTS = 1, C_METER = 2, C_OUTAGE = 3, C_MOVING = 4, C_CONTRACT = 5,
      C_SOLAR = 6, C_GREEN = 7, C_APP = 8, C_SERVICE = 9, C_SMART = 10, C_DYNAMIC = 11, C_NONE = 12;

  static int cat(String id) {
    for (int i = 0; i < CATS.length; i++) if (CATS[i].equals(id)) return i;
    throw new IllegalArgumentException(id);
  }

  // ---------------------------------------------------------------- themes
  static final String[] THEMES = {
      "jaarafrekening_hoger", "termijnbedrag_verhoogd", "incasso_probleem", "meterstand_doorgeven",
      "stroomstoring_regio", "verhuizing_doorgeven", "tarieven_omhoog", "opzeggen_overstappen",
      "terugleverkosten", "groene_stroom_herkomst", "app_inlogfout", "app_update_crash",
      "wachttijd_klantenservice", "slimme_meter_installatie", "dynamisch_uurprijzen", "none", "own_account_reply"};
  static final int T_JAAR = 0, T_TERMIJN = 1, T_INCASSO = 2, T_METER = 3, T_STORING = 4, T_VERHUIS = 5,
      T_TARIEF = 6, T_OPZEG = 7, T_TERUG = 8, T_GROEN = 9, T_INLOG = 10, T_CRASH = 11, T_WACHT = 12,
      T_SLIM = 13, T_DYN = 14, T_NONE = 15, T_REPLY = 16;
  /** Number of themes that customer text can have (excludes own_account_reply). */
  static final int NT = 16;
  static final int[] THEME_CAT = {C_BILLING, C_BILLING, C_PAYMENTS, C_METER, C_OUTAGE, C_MOVING, C_CONTRACT,
      C_CONTRACT, C_SOLAR, C_GREEN, C_APP, C_APP, C_SERVICE, C_SMART, C_DYNAMIC, C_NONE, C_NONE};
  static final String[] THEME_DESC = {
      "annual statement (jaarafrekening) higher than expected, back payment",
      "monthly advance (termijnbedrag/voorschot) raised or adjusted",
      "direct debit failed or charged twice, payment plans",
      "submitting meter readings fails or readings are ignored",
      "regional power outage",
      "reporting a move, billing for the old address",
      "price and tariff increases",
      "cancelling or switching supplier",
      "feed-in costs and compensation for solar panels",
      "origin of green electricity, greenwashing",
      "cannot log in to the app or My environment",
      "the app crashes since the 2026-Q3 update",
      "waiting times and reachability of customer service",
      "smart meter installation appointments",
      "the dynamic (hourly price) contract launched 2026-07-01",
      "chit-chat, praise or rants without a topic",
      "reply by a brand's own account"};

  // ---------------------------------------------------------------- sentiment per theme (neg, neu, pos)
  static final double[][] SENT = {
      {.70, .25, .05}, {.60, .35, .05}, {.65, .30, .05}, {.35, .55, .10}, {.75, .20, .05}, {.35, .45, .20},
      {.60, .35, .05}, {.50, .40, .10}, {.60, .35, .05}, {.25, .35, .40}, {.70, .25, .05}, {.85, .12, .03},
      {.75, .10, .15}, {.35, .45, .20}, {.25, .50, .25}, {.15, .35, .50}};
  static final double[][] CONTACT_SENT = {
      {.40, .52, .08}, {.35, .57, .08}, {.40, .52, .08}, {.22, .68, .10}, {.45, .47, .08}, {.20, .65, .15},
      {.35, .58, .07}, {.30, .62, .08}, {.35, .58, .07}, {.15, .70, .15}, {.40, .52, .08}, {.55, .42, .03},
      {.60, .30, .10}, {.25, .60, .15}, {.15, .70, .15}, {.10, .75, .15}};
  /** P(question intent | sentiment) for social posts. */
  static final double[] Q_BY_SENT = {.28, .55, 0.0};

  // ---------------------------------------------------------------- social theme shares (percent, normalised)
  //                                     jaar term inca metr stor verh tarf opzg terg groe inlg crsh wacht slim dyn  none
  static final double[] OURS_BASE = {10, 8, 6, 0.3, 7, 6, 10, 5, 1.5, 8, 11, 0, 19, 1.2, 0, 7};
  /** 2026-Q3: green drops to 1, the crash theme appears, dynamic stays near silent; sums to ~95 because the
   *  outage spike adds ~5 % on top, which keeps the control categories at their baseline share. */
  static final double[] OURS_Q3 = {10, 8, 6, 0.3, 7, 6, 10, 5, 1.5, 1, 10.5, 5, 17.3, 1.2, 0.1, 6.2};
  static final double[] COMP_BASE = {9, 7, 5, 0.8, 6, 6, 11, 7, 12, 5, 8, 0, 14, 1, 0.6, 7.6};
  static final double[] COMP_Q3 = {9, 7, 5, 0.8, 6, 6, 10.6, 7, 15.6, 5, 8, 0, 12, 1, 0.6, 6.4};

  static double[] socialShares(int brand, int period) {
    if (brand == OURS) return period == Cal.ANALYSIS ? OURS_Q3 : OURS_BASE;
    return period == Cal.ANALYSIS ? COMP_Q3 : COMP_BASE;
  }

  /** Share of all social posts (customer posts, before replies) per brand. */
  static final double[] BRAND_SHARE = {0.50, 0.28, 0.22};
  static final String[] PLATFORMS = {"twitter", "facebook", "instagram", "trustpilot", "forum"};
  static final String[] PLATFORM_PREFIX = {"tw", "fb", "ig", "tp", "fo"};
  static final double[] PLATFORM_W = {40, 20, 10, 12, 18};
  static final int P_TWITTER = 0, P_FACEBOOK = 1, P_INSTAGRAM = 2, P_TRUSTPILOT = 3, P_FORUM = 4;
  static final double[] PLATFORM_Q_FACTOR = {1.0, 1.0, 0.7, 0.12, 1.45};

  /** Reply probabilities of the brands' own accounts: question, negative non-question, other. */
  static final double[][] REPLY_P = {{0.85, 0.35, 0.06}, {0.70, 0.25, 0.04}, {0.55, 0.20, 0.03}};
  /** Median reply delay in minutes per brand (log-normal, sigma 1.0, clamped to 2 min .. 23 h). */
  static final double[] REPLY_MEDIAN_MIN = {35, 80, 150};

  // ---------------------------------------------------------------- contact centre
  //                                     jaar term inca metr stor verh tarf opzg terg groe inlg crsh wacht slim dyn  none
  static final double[] CONTACT_BASE = {9, 7, 7, 17, 5, 9, 8, 5, 6, 1.5, 7, 0, 5, 1.2, 0, 4};
  static final double[] CONTACT_Q3 = {9, 7, 6, 17, 5, 9, 8, 5, 6, 1.5, 5, 4, 4, 1.2, 1.2, 2.8};

  static double[] contactShares(int period) {
    return period == Cal.ANALYSIS ? CONTACT_Q3 : CONTACT_BASE;
  }

  static final String[] CODES = {"FACT-01", "FACT-02", "FACT-03", "BET-01", "BET-02", "MTR-01", "MTR-02",
      "STR-01", "VHZ-01", "CTR-01", "CTR-02", "CTR-05", "ZON-01", "DUU-01", "APP-01", "TECH-07", "KS-01",
      "KS-02", "SM-01", "ALG-98", "ALG-99"};
  static final String[] CODE_LABELS = {"Factuur onjuist", "Uitleg jaarafrekening", "Termijnbedrag wijzigen",
      "Automatische incasso", "Betalingsregeling", "Meterstanden doorgeven", "Meterstand corrigeren",
      "Storing melden", "Verhuizing doorgeven", "Tarieven en prijzen", "Opzeggen en overstappen",
      "Dynamisch contract", "Teruglevering zonnepanelen", "Groene stroom", "Inloggen Mijn Zonnewijs",
      "App crasht na update", "Klacht wachttijd", "Klacht medewerker", "Installatie slimme meter",
      "Doorverbonden", "Overig"};
  /** The category each code maps to in the taxonomy; null = deliberately unmapped (ALG-98, ALG-99) or
   *  missing from the taxonomy (TECH-07, see CODES_MISSING_FROM_TAXONOMY). */
  static final String[] CODE_TAXONOMY = {"billing", "billing", "billing", "payments", "payments",
      "meter_readings", "meter_readings", "outage", "moving", "contract_prices", "contract_prices",
      "dynamic_contract", "solar_feed_in", "green_energy", "app_login", null, "customer_service",
      "customer_service", "smart_meter", null, null};
  static final String[] CODES_MISSING_FROM_TAXONOMY = {"TECH-07"};
  static final String[] CODES_UNMAPPED_ON_PURPOSE = {"ALG-98", "ALG-99"};
  /** Candidate codes per theme with weights (agents pick one); 4 % of contacts are coded ALG-99 regardless. */
  static final String[][] THEME_CODES = {
      {"FACT-01", "FACT-02"}, {"FACT-03"}, {"BET-01", "BET-02"}, {"MTR-01", "MTR-02"}, {"STR-01"}, {"VHZ-01"},
      {"CTR-01"}, {"CTR-02"}, {"ZON-01"}, {"DUU-01"}, {"APP-01"}, {"TECH-07", "APP-01"}, {"KS-01", "KS-02"},
      {"SM-01"}, {"CTR-05"}, {"ALG-99", "ALG-98"}};
  static final double[][] THEME_CODE_W = {
      {50, 50}, {1}, {60, 40}, {70, 30}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {75, 25}, {60, 40}, {1}, {1}, {70, 30}};
  static final double MISCODE_P = 0.04;

  static int code(String c) {
    for (int i = 0; i < CODES.length; i++) if (CODES[i].equals(c)) return i;
    throw new IllegalArgumentException(c);
  }

  // ---------------------------------------------------------------- survey
  static final String[] TOPICS = {"Invoice", "Payment", "Meter reading", "Moving", "Prices", "App", "Service",
      "Solar", "Outage", "Sustainability", "Smart meter", "Other"};
  static final String[] TOPIC_CAT = {"billing", "payments", "meter_readings", "moving", "contract_prices",
      "app_login", "customer_service", "solar_feed_in", "outage", "green_energy", "smart_meter", null};
  static final double[] TOPIC_W = {18, 6, 10, 8, 12, 10, 18, 6, 4, 4, 1, 3};
  /** P(promoter, passive, detractor) per topic. */
  static final double[][] TOPIC_NPS = {{.25, .35, .40}, {.30, .35, .35}, {.35, .40, .25}, {.45, .35, .20},
      {.25, .35, .40}, {.30, .35, .35}, {.30, .30, .40}, {.25, .35, .40}, {.20, .30, .50}, {.50, .30, .20},
      {.40, .35, .25}, {.40, .35, .25}};
  static final int T_TOPIC_METER = 2;
  /** From 2026-Q1 the survey tool writes "Meter Reading" (a migration quirk; mappings are case-insensitive). */
  static String topicLabel(int topic, int period) {
    return topic == T_TOPIC_METER && period >= 2 ? "Meter Reading" : TOPICS[topic];
  }

  static final String[] SURVEY_CHANNELS = {"email", "app", "web"};
  static final double[] SURVEY_CHANNEL_W = {60, 25, 15};
  static final double SURVEY_EMPTY_P_DETRACTOR = 0.28, SURVEY_EMPTY_P_PASSIVE = 0.36, SURVEY_EMPTY_P_PROMOTER = 0.26;

  /** Theme of a survey comment given the topic (and period for the App topic). */
  static int[] topicThemes(int topic, int period) {
    switch (topic) {
      case 0: return new int[] {T_JAAR, T_TERMIJN};
      case 1: return new int[] {T_INCASSO};
      case 2: return new int[] {T_METER};
      case 3: return new int[] {T_VERHUIS};
      case 4: return period == Cal.ANALYSIS ? new int[] {T_TARIEF, T_OPZEG, T_DYN} : new int[] {T_TARIEF, T_OPZEG};
      case 5: return period == Cal.ANALYSIS ? new int[] {T_INLOG, T_CRASH} : new int[] {T_INLOG};
      case 6: return new int[] {T_WACHT};
      case 7: return new int[] {T_TERUG};
      case 8: return new int[] {T_STORING};
      case 9: return new int[] {T_GROEN};
      case 10: return new int[] {T_SLIM};
      default: return new int[] {T_NONE};
    }
  }

  static double[] topicThemeWeights(int topic, int period) {
    switch (topic) {
      case 0: return new double[] {55, 45};
      case 4: return period == Cal.ANALYSIS ? new double[] {62, 32, 6} : new double[] {65, 35};
      case 5: return period == Cal.ANALYSIS ? new double[] {55, 45} : new double[] {1};
      default: return new double[] {1};
    }
  }

  // ---------------------------------------------------------------- web pages
  /** path, truth category (null = none), base daily views (>= 50: present every day; below: Poisson and
   *  omitted on zero days), first day, last day (null = whole range). */
  record Page(String path, String category, double views, LocalDate from, LocalDate to) {
    boolean live(LocalDate d) {
      return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
  }

  static final Page[] PAGES = {
      new Page("/", null, 9000, null, null),
      new Page("/contact", "customer_service", 1600, null, null),
      new Page("/klantenservice", "customer_service", 1300, null, null),
      new Page("/faq/jaarafrekening", "billing", 2300, null, null),
      new Page("/faq/termijnbedrag-aanpassen", "billing", 1300, null, null),
      new Page("/faq/automatische-incasso", "payments", 700, null, null),
      new Page("/faq/betalingsregeling", "payments", 450, null, null),
      new Page("/faq/meterstand-doorgeven", "meter_readings", 3400, null, null),
      new Page("/mijn/meterstanden", "meter_readings", 2800, null, null),
      new Page("/klantenservice/storingen", "outage", 1200, null, null),
      new Page("/verhuizen", "moving", 1500, null, null),
      new Page("/tarieven", "contract_prices", 2500, null, null),
      new Page("/overstappen", "contract_prices", 1300, null, null),
      new Page("/zonnepanelen/terugleveren", "solar_feed_in", 1400, null, null),
      new Page("/duurzaamheid/groene-stroom", "green_energy", 700, null, null),
      new Page("/app", "app_login", 1000, null, null),
      new Page("/mijn/inloggen", "app_login", 2400, null, null),
      new Page("/slimme-meter", "smart_meter", 420, null, null),
      new Page("/producten/dynamisch-contract", "dynamic_contract", 1900, Cal.DYNAMIC_LAUNCH, null),
      new Page("/faq/dynamische-tarieven", "dynamic_contract", 500, Cal.DYNAMIC_LAUNCH, null),
      new Page("/pers", null, 0.6, null, null),
      new Page("/vacatures", null, 0.9, null, null),
      new Page("/over-zonnewijs/historie", null, 0.5, null, null),
      new Page("/blog/energie-besparen-in-de-winter", null, 0.8, null, null),
      new Page("/sitemap", null, 0.3, null, null),
      new Page("/cookiebeleid", null, 0.5, null, null),
      new Page("/nieuws/2025/sponsoring-lokale-voetbalclubs", null, 0.6, null, null),
      new Page("/actie/zomerdeal-2025", null, 3.0, null, LocalDate.of(2025, 9, 30)),
  };

  // ---------------------------------------------------------------- site search terms
  /** term, truth category (null = none), language, base daily searches at full scale, results shown. */
  record Term(String term, String category, String lang, double lambda, int results, boolean inTaxonomy) {
    boolean live(LocalDate d) {
      return !"dynamic_contract".equals(category) || !d.isBefore(Cal.DYNAMIC_LAUNCH);
    }
  }

  static final Term[] TERMS = {
      new Term("meterstand", "meter_readings", "nl", 12, 24, true),
      new Term("meterstanden doorgeven", "meter_readings", "nl", 8, 18, true),
      new Term("meterstand doorgeven", "meter_readings", "nl", 6.5, 18, true),
      new Term("standen doorgeven", "meter_readings", "nl", 1.8, 18, true),
      new Term("meter reading", "meter_readings", "en", 1.7, 6, true),
      new Term("jaarafrekening", "billing", "nl", 13, 31, true),
      new Term("factuur", "billing", "nl", 8, 27, true),
      new Term("termijnbedrag", "billing", "nl", 7, 15, true),
      new Term("voorschot", "billing", "nl", 2.5, 15, true),
      new Term("reëel voorschot", "billing", "nl", 0.5, 3, true),
      new Term("jaarafrekenig", "billing", "nl", 0.8, 0, false),
      new Term("invoice", "billing", "en", 1.5, 4, true),
      new Term("incasso", "payments", "nl", 3.5, 9, true),
      new Term("betalingsregeling", "payments", "nl", 3, 6, true),
      new Term("direct debit", "payments", "en", 0.6, 2, true),
      new Term("storing", "outage", "nl", 7, 12, true),
      new Term("stroomstoring", "outage", "nl", 3.5, 8, true),
      new Term("power outage", "outage", "en", 0.8, 2, true),
      new Term("verhuizen", "moving", "nl", 7, 14, true),
      new Term("verhuizing doorgeven", "moving", "nl", 2.5, 9, true),
      new Term("moving house", "moving", "en", 0.6, 3, true),
      new Term("tarieven", "contract_prices", "nl", 8, 20, true),
      new Term("opzeggen", "contract_prices", "nl", 4.5, 7, true),
      new Term("overstappen", "contract_prices", "nl", 3.5, 11, true),
      new Term("prijzen", "contract_prices", "nl", 3, 20, true),
      new Term("prices", "contract_prices", "en", 1, 5, true),
      new Term("terugleveren", "solar_feed_in", "nl", 4.5, 16, true),
      new Term("terugleverkosten", "solar_feed_in", "nl", 4, 9, true),
      new Term("zonnepanelen", "solar_feed_in", "nl", 3.5, 22, true),
      new Term("solar panels", "solar_feed_in", "en", 0.9, 5, true),
      new Term("groene stroom", "green_energy", "nl", 1.8, 10, true),
      new Term("ideeën energie besparen", "green_energy", "nl", 0.5, 4, true),
      new Term("green energy", "green_energy", "en", 0.4, 3, true),
      new Term("inloggen", "app_login", "nl", 7, 9, true),
      new Term("wachtwoord vergeten", "app_login", "nl", 3, 3, true),
      new Term("app", "app_login", "nl", 3.5, 12, true),
      new Term("mijn zonnewijs", "app_login", "nl", 2.5, 6, true),
      new Term("login", "app_login", "en", 1.5, 3, true),
      new Term("contact", "customer_service", "nl", 6, 8, true),
      new Term("klantenservice", "customer_service", "nl", 4.5, 8, true),
      new Term("telefoonnummer", "customer_service", "nl", 3.5, 2, true),
      new Term("openingstijden", "customer_service", "nl", 1.8, 2, true),
      new Term("klacht indienen", "customer_service", "nl", 1.5, 3, true),
      new Term("slimme meter", "smart_meter", "nl", 1.8, 7, true),
      new Term("smart meter", "smart_meter", "en", 0.4, 2, true),
      new Term("dynamisch contract", "dynamic_contract", "nl", 1.2, 6, true),
      new Term("dynamische tarieven", "dynamic_contract", "nl", 0.6, 6, true),
      new Term("dynamic contract", "dynamic_contract", "en", 0.25, 2, true),
      new Term("café", null, "nl", 0.35, 0, true),
      new Term("privé", null, "nl", 0.35, 0, true),
      new Term("vacatures", null, "nl", 1.2, 4, true),
      new Term("cadeaubon", null, "nl", 0.3, 0, true),
      new Term("warmtepomp", null, "nl", 1.3, 5, true),
      new Term("laadpaal", null, "nl", 1.6, 3, true),
      new Term("thuisbatterij", null, "nl", 0.9, 2, true),
  };

  // ---------------------------------------------------------------- volumes
  /** Share of the requested items per source. */
  static final double SH_SOCIAL = 0.35, SH_CONTACT = 0.20, SH_SURVEY = 0.12, SH_PAGEVIEWS = 0.15, SH_SEARCH = 0.18;
  /** Bad records: ~0.05 % of each source, at least one of each kind. */
  static final double BAD_RATE = 0.0005;

  /** Slow growth over the five quarters: +22 % from first to last day. */
  static double growth(int dayIndex) {
    return 1.0 + 0.22 * dayIndex / (Cal.DAYS - 1);
  }

  static final double[] SOCIAL_DOW = {1.05, 1.0, 1.0, 1.0, 0.97, 0.9, 0.92}; // Mon..Sun
  static final double[] CONTACT_DOW = {1.25, 1.1, 1.05, 1.0, 0.95, 0.45, 0.18};
  static final double[] SURVEY_DOW = {1.1, 1.05, 1.0, 1.0, 0.95, 0.8, 0.85};
  static final double[] WEB_DOW = {1.08, 1.04, 1.02, 1.0, 0.95, 0.78, 0.86};
  /** Social posts per hour of day: evenings are busiest. */
  static final double[] SOCIAL_HOURS = {1, .5, .3, .2, .2, .3, .8, 2, 3, 3.5, 3.5, 3.5, 4, 4, 3.5, 3.5, 4, 4.5,
      5, 6, 6.5, 6, 4.5, 2.5};
  static final double[] PHONE_HOURS = {0, 0, 0, 0, 0, 0, 0, 0, 6, 9, 9, 8, 6, 7, 8, 7, 6, 5, 4, 3, 0, 0, 0, 0};
  static final double[] CHAT_HOURS = {0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 0, 0};
  static final double[] MAIL_HOURS = {1, .6, .4, .3, .3, .5, 1, 2, 3, 3.5, 3.5, 3, 3, 3, 3, 3, 3, 3, 3, 3.5, 4,
      4, 3, 2};
  static final double[] SURVEY_HOURS = {.3, .1, 0, 0, 0, 0, .3, 1.5, 3, 3, 3, 3, 3.5, 3, 3, 3, 3, 3.5, 4, 5, 5.5,
      5, 3, 1};

  // ---------------------------------------------------------------- planted authors
  static final int PERSISTENT_CRITICS = 15, INCIDENT_CRITICS = 20, PROMOTERS = 20;
  /** Item count at and above which the author groups have their full size; below they shrink. */
  static final long FULL_GROUPS_AT = 40_000;
  static final int[] CRITIC_THEMES = {T_JAAR, T_TERMIJN, T_INCASSO, T_TARIEF, T_OPZEG, T_INLOG, T_WACHT};
  static final double[] CRITIC_THEME_W = {14, 10, 8, 16, 8, 14, 30};
  static final int[] PROMOTER_THEMES = {T_WACHT, T_NONE, T_VERHUIS, T_TARIEF, T_INLOG};
  static final double[] PROMOTER_THEME_W = {45, 30, 10, 8, 7};

  /** The spike: 6x the normal weekly volume of our outage posts in each spike week. */
  static final double SPIKE_FACTOR = 6.0;
  static final String[] SPIKE_CITIES = {"Utrecht", "Utrecht-Oost", "Zeist", "Bunnik", "Houten", "De Bilt", "Nieuwegein"};

  static final double LANG_NL = 0.65, LANG_EN = 0.30; // rest mixed
  static final double PII_P = 0.01;
}
