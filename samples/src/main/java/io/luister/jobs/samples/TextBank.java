package io.luister.jobs.samples;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders customer posts, survey comments, agent notes and webcare replies from {@link TextData}. */
final class TextBank {
  static final int NL = 0, EN = 1, MIXED = 2;
  static final String[] LANGS = {"nl", "en", "mixed"};
  static final int NEG = 0, NEGQ = 1, NEU = 2, NEUQ = 3, POS = 4;
  static final String[] KINDS = {"neg", "negq", "neu", "neuq", "pos"};
  static final int S_NEG = 0, S_NEU = 1, S_POS = 2;
  static final String[] SENTIMENTS = {"negative", "neutral", "positive"};

  /** The documented question rule: trimmed text ends with '?', or its first word after any leading
   *  @mentions is one of these (case-insensitive). The truth's is_question is computed with this rule. */
  static final Set<String> QUESTION_WORDS = Set.of(
      "waarom", "hoe", "hoeveel", "hoelang", "wat", "wanneer", "waar", "wie", "welke", "welk", "kan", "kunnen",
      "kunt", "kun", "klopt", "is", "zijn", "heeft", "hebben", "mag", "moet", "weet", "weten", "hoezo",
      "why", "how", "what", "when", "where", "who", "which", "can", "could", "are", "do", "does", "did",
      "will", "would", "should", "anyone", "has", "have");

  private static final String[][][][] CUST = new String[World.NT][2][5][];
  private static final String[][][] NOTE = new String[World.NT][2][];
  private static final String[][][] ACT = new String[World.NT][2][];

  static {
    parseCustomer();
    parseNotes();
  }

  private TextBank() {}

  record Text(String content, String lang, boolean question, String piiValue, String piiType) {}

  // ------------------------------------------------------------------ parsing

  private static int themeIndex(String id) {
    for (int i = 0; i < World.NT; i++) if (World.THEMES[i].equals(id)) return i;
    throw new IllegalArgumentException("unknown theme " + id);
  }

  private static void parseCustomer() {
    Map<String, List<String>> m = new HashMap<>();
    int theme = -1;
    for (String line : TextData.CUSTOMER.split("\n")) {
      if (line.isBlank()) continue;
      if (line.startsWith("= ")) {
        theme = themeIndex(line.substring(2).trim());
        continue;
      }
      int colon = line.indexOf(": ");
      String key = theme + "|" + line.substring(0, colon);
      m.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 2).trim());
    }
    for (int t = 0; t < World.NT; t++) {
      for (int l = 0; l < 2; l++) {
        for (int k = 0; k < 5; k++) {
          List<String> list = m.get(t + "|" + LANGS[l] + "." + KINDS[k]);
          if (list == null || list.isEmpty()) {
            throw new IllegalStateException("no templates for " + World.THEMES[t] + " " + LANGS[l] + "." + KINDS[k]);
          }
          CUST[t][l][k] = list.toArray(new String[0]);
        }
      }
    }
  }

  private static void parseNotes() {
    Map<String, List<String>> m = new HashMap<>();
    int theme = -1;
    for (String line : TextData.NOTES.split("\n")) {
      if (line.isBlank()) continue;
      if (line.startsWith("= ")) {
        theme = themeIndex(line.substring(2).trim());
        continue;
      }
      int colon = line.indexOf(": ");
      m.computeIfAbsent(theme + "|" + line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2).trim());
    }
    for (int t = 0; t < World.NT; t++) {
      for (int l = 0; l < 2; l++) {
        List<String> notes = m.get(t + "|" + LANGS[l] + ".note");
        if (notes == null) throw new IllegalStateException("no notes for " + World.THEMES[t]);
        NOTE[t][l] = notes.toArray(new String[0]);
        List<String> acts = m.getOrDefault(t + "|" + LANGS[l] + ".act", List.of());
        ACT[t][l] = acts.toArray(new String[0]);
      }
    }
  }

  /** Template self-check used by the tests: returns problems (empty when fine). */
  static List<String> validate() {
    List<String> problems = new ArrayList<>();
    Rng rng = new Rng(1, "validate");
    for (int t = 0; t < World.NT; t++) {
      for (int l = 0; l < 2; l++) {
        int total = 0;
        for (int k = 0; k < 5; k++) {
          for (String tpl : CUST[t][l][k]) {
            total++;
            String s = fill(tpl, rng, l, World.OURS, null);
            boolean q = isQuestion(s);
            boolean wantQ = k == NEGQ || k == NEUQ;
            if (q != wantQ) problems.add(World.THEMES[t] + " " + LANGS[l] + "." + KINDS[k] + " question rule mismatch: " + s);
            if (s.contains("{") || s.contains("}")) problems.add("unfilled slot: " + s);
          }
        }
        if (total < 8) problems.add(World.THEMES[t] + " " + LANGS[l] + " has only " + total + " templates");
        if (NOTE[t][l].length < (l == NL ? 8 : 6)) problems.add(World.THEMES[t] + " " + LANGS[l] + " has too few notes");
        for (String n : NOTE[t][l]) {
          if (isQuestion(fill(n, rng, l, World.OURS, null))) problems.add("note looks like a question: " + n);
        }
      }
    }
    return problems;
  }

  static int templateCount(int theme, int lang) {
    int n = 0;
    for (int k = 0; k < 5; k++) n += CUST[theme][lang][k].length;
    return n;
  }

  // ------------------------------------------------------------------ the question rule

  static boolean isQuestion(String text) {
    String t = text.strip();
    return t.endsWith("?") || startsWithQuestionWord(t);
  }

  /** First word after any leading @mentions is a question word. */
  static boolean startsWithQuestionWord(String text) {
    String t = text.strip();
    int i = 0;
    int n = t.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(t.charAt(i))) i++;
      if (i < n && t.charAt(i) == '@') {
        while (i < n && !Character.isWhitespace(t.charAt(i))) i++;
      } else {
        break;
      }
    }
    int j = i;
    while (j < n && Character.isLetter(t.charAt(j))) j++;
    if (j == i) return false;
    return QUESTION_WORDS.contains(t.substring(i, j).toLowerCase(Locale.ROOT));
  }

  // ------------------------------------------------------------------ slots

  static final String[] CITIES = {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen",
      "Tilburg", "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort",
      "Zaandam", "Den Bosch", "Zwolle", "Leiden", "Maastricht", "Dordrecht", "Zoetermeer", "Deventer", "Delft",
      "Alkmaar", "Heerlen", "Venlo", "Leeuwarden", "Hilversum", "Gouda", "Purmerend", "Roosendaal", "Schiedam",
      "Lelystad", "Assen", "Emmen", "Middelburg", "Vlaardingen", "Hoorn", "Ede"};
  private static final String[] MONTHS_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
      "augustus", "september", "oktober", "november", "december"};
  private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] ERRORS_NL = {"foutcode 503", "een foutmelding", "error 401", "een rood foutscherm", "foutcode E-17"};
  private static final String[] ERRORS_EN = {"error 401", "error 503", "an error message", "error E-17"};

  static String mention(Rng rng, int brand) {
    return World.MENTIONS[brand][rng.weighted(World.MENTION_W[brand])];
  }

  /** A written brand name without '@' (Facebook, forums, Trustpilot). */
  static String plainMention(Rng rng, int brand) {
    for (int attempt = 0; attempt < 8; attempt++) {
      String m = mention(rng, brand);
      if (m.charAt(0) != '@') return m;
    }
    return World.BRANDS[brand];
  }

  static String otherBrand(Rng rng, int brand) {
    int o = (brand + 1 + rng.nextInt(2)) % 3;
    return World.BRANDS[o];
  }

  static String amount(Rng rng, int lang, int lo, int hi) {
    int v = rng.between(lo, hi);
    if (lang == EN) {
      switch (rng.nextInt(3)) {
        case 0: return "€" + v;
        case 1: return v + " euros";
        default: return "EUR " + v;
      }
    }
    switch (rng.nextInt(4)) {
      case 0: return "€" + v;
      case 1: return "€ " + v;
      case 2: return v + " euro";
      default: return "€" + v + ",-";
    }
  }

  static final int BRAND_PLAIN = 0, BRAND_WRITTEN = 1, BRAND_MENTION = 2;

  /** Fills the slots of a template; {brand} is the plain name. */
  static String fill(String tpl, Rng rng, int lang, int brand, String city) {
    return fill(tpl, rng, lang, brand, city, BRAND_PLAIN, null);
  }

  /** other: the competitor named by {other} (null = pick one), so two sentences of one text agree. */
  static String fill(String tpl, Rng rng, int lang, int brand, String city, int brandStyle, String other) {
    if (tpl.indexOf('{') < 0) return tpl;
    StringBuilder sb = new StringBuilder(tpl.length() + 24);
    int i = 0;
    while (i < tpl.length()) {
      char c = tpl.charAt(i);
      if (c != '{') {
        sb.append(c);
        i++;
        continue;
      }
      int end = tpl.indexOf('}', i);
      String slot = tpl.substring(i + 1, end);
      i = end + 1;
      switch (slot) {
        case "brand":
          sb.append(brandStyle == BRAND_MENTION ? mention(rng, brand) : brandStyle == BRAND_WRITTEN ? plainMention(rng, brand) : World.BRANDS[brand]);
          break;
        case "other": sb.append(other != null ? other : otherBrand(rng, brand)); break;
        case "mijn": sb.append(World.MIJN[brand]); break;
        case "amount": sb.append(amount(rng, lang, 120, 950)); break;
        case "amount2": sb.append(amount(rng, lang, 95, 310)); break;
        case "amount3": sb.append(amount(rng, lang, 6, 90)); break;
        case "pct": sb.append(rng.between(8, 65)); break;
        case "city": sb.append(city != null ? city : rng.pick(CITIES)); break;
        case "n": sb.append(rng.between(2, 9)); break;
        case "hours": sb.append(rng.between(2, 14)); break;
        case "days": sb.append(rng.between(3, 21)); break;
        case "weeks": sb.append(rng.between(2, 8)); break;
        case "minutes": sb.append(rng.between(15, 95)); break;
        case "month": sb.append((lang == EN ? MONTHS_EN : MONTHS_NL)[rng.nextInt(12)]); break;
        case "date": sb.append(rng.between(1, 28)).append(' ').append((lang == EN ? MONTHS_EN : MONTHS_NL)[rng.nextInt(12)]); break;
        case "year": sb.append(rng.chance(0.5) ? 2025 : 2026); break;
        case "kwh": sb.append(rng.between(900, 4800)); break;
        case "panels": sb.append(rng.between(6, 24)); break;
        case "version": sb.append("5.0.").append(rng.nextInt(4)); break;
        case "error": sb.append(rng.pick(lang == EN ? ERRORS_EN : ERRORS_NL)); break;
        case "kwhprice": sb.append(lang == EN ? "€0." : "€0,").append(rng.between(38, 71)); break;
        default: throw new IllegalArgumentException("unknown slot {" + slot + "}");
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ decorations

  private static final String[][] EMOJI = {
      {"😡", "😤", "🙄", "👎", "😠", "🤬", "😩", "💸", "😒"},
      {"🤔", "👀", "🤷"},
      {"👍", "😊", "🙏", "💚", "🎉", "👏", "😍", "🌞", "💪"}};
  private static final String[][] HASHTAGS = {
      {"#jaarafrekening", "#energierekening"}, {"#termijnbedrag", "#energierekening"}, {"#incasso", "#betalen"},
      {"#meterstanden", "#meterstand"}, {"#storing", "#stroomstoring", "#stroomuitval"}, {"#verhuizen", "#verhuizing"},
      {"#energieprijzen", "#tarieven"}, {"#overstappen", "#opzeggen"}, {"#zonnepanelen", "#terugleverkosten", "#salderen"},
      {"#groenestroom", "#duurzaam", "#greenwashing"}, {"#app", "#inloggen"}, {"#app", "#update", "#bug"},
      {"#klantenservice", "#wachttijd"}, {"#slimmemeter"}, {"#dynamischcontract", "#uurprijzen"}, {"#energie", "#maandag"}};
  private static final String[][] GENERIC_TAGS = {{"#fail", "#klantonvriendelijk", "#energie"}, {"#energie"}, {"#top", "#energie", "#blij"}};
  private static final String[][][] EXTRA = {
      {{"Echt belachelijk.", "Schandalig gewoon.", "Zo irritant.", "Niet normaal.", "Dit slaat nergens op."},
          {"We zien wel.", "Even afwachten.", "Ter info.", "Eens kijken."},
          {"Top geregeld!", "Echt fijn.", "Dikke duim.", "Lekker bezig!", "Chapeau."}},
      {{"So annoying.", "Not cool.", "What a joke.", "Seriously, fix this.", "Unbelievable.", "Epic fail."},
          {"Just FYI.", "Let's see.", "Fingers crossed.", "Just saying."},
          {"Great job!", "Love it.", "Thanks guys!", "Well done.", "Nice one!"}}};
  private static final String[][] SURVEY_TAIL = {
      {"Erg teleurgesteld.", "Jammer.", "Dit moet echt beter.", "Niet tevreden."},
      {"Verder geen opmerkingen.", "Verder niets."},
      {"Ga zo door!", "Verder heel tevreden.", "Dank jullie wel.", "Prima bedrijf."}};
  private static final String[][] SURVEY_TAIL_EN = {
      {"Very disappointed.", "Needs to improve.", "Not happy."},
      {"Nothing else to add."},
      {"Keep it up!", "Very happy overall.", "Thank you."}};
  private static final String[] URL_HOSTS = {"https://imgur.com/a/", "https://t.co/", "https://youtu.be/"};

  static String base62(Rng rng, int len) {
    String abc = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) sb.append(abc.charAt(rng.nextInt(62)));
    return sb.toString();
  }

  static String emoji(Rng rng, int sentiment) {
    String[] pool = EMOJI[sentiment];
    double u = rng.nextDouble();
    String e = rng.pick(pool);
    if (u < 0.7) return e;
    if (u < 0.9) return e + e;
    return e + rng.pick(pool);
  }

  /** One typo in a random word (not the first): swap, drop or double a letter. */
  static String typo(Rng rng, String s) {
    String[] words = s.split(" ", -1);
    if (words.length < 3) return s;
    for (int attempt = 0; attempt < 4; attempt++) {
      int w = 1 + rng.nextInt(words.length - 1);
      String word = words[w];
      if (word.length() < 5 || !word.chars().allMatch(Character::isLetter)) continue;
      int p = 1 + rng.nextInt(word.length() - 3);
      char[] ch = word.toCharArray();
      switch (rng.nextInt(3)) {
        case 0: { char t = ch[p]; ch[p] = ch[p + 1]; ch[p + 1] = t; words[w] = new String(ch); break; }
        case 1: words[w] = word.substring(0, p) + word.substring(p + 1); break;
        default: words[w] = word.substring(0, p + 1) + word.charAt(p) + word.substring(p + 1); break;
      }
      return String.join(" ", words);
    }
    return s;
  }

  // ------------------------------------------------------------------ PII

  private static final String[] MAIL_DOMAINS = {"gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl", "icloud.com"};
  private static final String[] BANKS = {"ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"};

  record Pii(String value, String type) {}

  static Pii pii(Rng rng, String first, String last) {
    switch (rng.nextInt(3)) {
      case 0: {
        String f = first != null ? first : rng.pick(Authors.FIRST);
        String l = last != null ? last : rng.pick(Authors.LAST);
        String sep = rng.pick(new String[] {".", "_", ""});
        String digits = rng.chance(0.5) ? String.valueOf(rng.between(1, 99)) : "";
        return new Pii((f + sep + l + digits).toLowerCase(Locale.ROOT) + "@" + rng.pick(MAIL_DOMAINS), "email");
      }
      case 1: {
        String num = rng.between(1, 9) + String.format(Locale.ROOT, "%07d", rng.nextInt(10_000_000));
        switch (rng.nextInt(3)) {
          case 0: return new Pii("06-" + num, "phone");
          case 1: return new Pii("+31 6 " + num, "phone");
          default: return new Pii("06" + num, "phone");
        }
      }
      default: {
        String bank = rng.pick(BANKS);
        String acct = String.format(Locale.ROOT, "%010d", rng.nextLong(10_000_000_000L));
        return new Pii(iban(bank, acct), "iban");
      }
    }
  }

  /** A Dutch IBAN with valid ISO 13616 check digits. */
  static String iban(String bank, String account) {
    String rearranged = bank + account + "NL00";
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      if (Character.isLetter(c)) digits.append(c - 'A' + 10);
      else digits.append(c);
    }
    int mod = new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    int check = 98 - mod;
    return "NL" + (check < 10 ? "0" : "") + check + bank + account;
  }

  private static final String[][] PII_SOCIAL = {
      {"Bel me gerust op %s.", "Mijn nummer is %s.", "Mail me op %s.", "Je kunt me bereiken via %s.", "Stort het maar terug op %s."},
      {"Call me on %s.", "You can reach me at %s.", "Refund it to %s please."}};
  private static final String[][] PII_NOTE = {
      {"Terugbellen op %s.", "Nieuw e-mailadres klant: %s.", "IBAN gewijzigd naar %s.", "Bevestiging sturen naar %s."},
      {"Call back on %s.", "New email: %s.", "IBAN changed to %s."}};

  private static String piiSentence(Rng rng, String[][] pool, int lang, Pii p) {
    String[] candidates = pool[lang];
    for (int attempt = 0; attempt < 8; attempt++) {
      String f = rng.pick(candidates);
      boolean phone = f.contains("Bel") || f.contains("nummer") || f.contains("Call") || f.contains("Terugbellen");
      boolean mail = f.contains("ail") || f.contains("reach") || f.contains("bereiken") || f.contains("Bevestiging");
      boolean iban = f.contains("Stort") || f.contains("Refund") || f.contains("IBAN");
      if ((p.type().equals("phone") && phone) || (p.type().equals("email") && mail) || (p.type().equals("iban") && iban)) {
        return String.format(Locale.ROOT, f, p.value());
      }
    }
    return p.value() + ".";
  }

  // ------------------------------------------------------------------ customer text

  static int kind(int sentiment, boolean question) {
    if (sentiment == S_NEG) return question ? NEGQ : NEG;
    if (sentiment == S_NEU) return question ? NEUQ : NEU;
    return POS;
  }

  private static int coreLang(Rng rng, int langMode) {
    if (langMode == MIXED) return rng.chance(0.6) ? NL : EN;
    return langMode;
  }

  private static String lowerFirst(String s) {
    if (s.isEmpty() || s.charAt(0) == '@' || s.startsWith("DigiD")) return s;
    char c = s.charAt(0);
    if (Character.isUpperCase(c) && (s.length() < 2 || !Character.isUpperCase(s.charAt(1)))) {
      return Character.toLowerCase(c) + s.substring(1);
    }
    return s;
  }

  /** A social post by a customer. */
  static Text social(Rng rng, int theme, int sentiment, boolean qIntent, int langMode, int brand, int platform,
                     String city, Pii pii) {
    int lang = coreLang(rng, langMode);
    String tpl = rng.pick(CUST[theme][lang][kind(sentiment, qIntent)]);
    boolean hasBrandSlot = tpl.contains("{brand}");
    String other = otherBrand(rng, brand);
    int style = platform == World.P_TWITTER || platform == World.P_INSTAGRAM ? BRAND_MENTION : BRAND_WRITTEN;
    String core = fill(tpl, rng, lang, brand, city, style, other);
    if (rng.chance(0.06)) core = typo(rng, core);
    boolean casual = rng.chance(0.07) && core.indexOf('@') < 0;
    if (casual) core = core.toLowerCase(Locale.ROOT);
    if (platform == World.P_TRUSTPILOT && !qIntent && rng.chance(0.55)) {
      String second = fill(rng.pick(CUST[theme][lang][kind(sentiment, false)]), rng, lang, brand, city, style, other);
      if (!second.equals(core)) core = core + ". " + second;
    }

    StringBuilder pre = new StringBuilder();
    boolean preOnlyMentions = true;
    if (!hasBrandSlot) {
      if ((platform == World.P_TWITTER || platform == World.P_INSTAGRAM) && rng.chance(0.6)) {
        pre.append(World.ACCOUNTS[brand][rng.nextInt(World.ACCOUNTS[brand].length)]).append(' ');
      } else if ((platform == World.P_FACEBOOK || platform == World.P_FORUM) && rng.chance(0.35)) {
        String greet = lang == EN ? rng.pick(new String[] {"Hey ", "Hi "}) : rng.pick(new String[] {"Hé ", "Hoi ", "Beste "});
        pre.append(greet).append(World.BRANDS[brand]).append(", ");
        core = lowerFirst(core);
        preOnlyMentions = false;
      }
    }
    List<String> post = new ArrayList<>(4);
    if (langMode == MIXED) {
      String extra = rng.pick(EXTRA[1 - lang][sentiment]);
      if (qIntent) {
        pre.append(extra).append(' ');
        preOnlyMentions = false;
      } else {
        post.add(extra);
      }
    }
    if (pii != null) {
      String s = piiSentence(rng, PII_SOCIAL, lang, pii);
      if (qIntent) {
        pre.append(s).append(' ');
        preOnlyMentions = false;
      } else {
        post.add(s);
      }
    }
    boolean startsWithQ = startsWithQuestionWord(core);
    boolean suffixOk = !qIntent || (preOnlyMentions && startsWithQ);
    if (qIntent && preOnlyMentions && startsWithQ && rng.chance(0.12)) {
      core = core.replaceAll("[?!]+$", "");
    }
    if (suffixOk) {
      double pe = sentiment == S_NEG ? 0.30 : sentiment == S_POS ? 0.40 : 0.06;
      if (platform == World.P_FORUM) pe *= 0.3;
      if (rng.chance(pe)) post.add(emoji(rng, sentiment));
      double ph = platform == World.P_TWITTER ? 0.35 : platform == World.P_INSTAGRAM ? 0.6 : platform == World.P_FACEBOOK ? 0.06 : 0;
      if (rng.chance(ph)) {
        String tag = rng.pick(HASHTAGS[theme]);
        post.add(rng.chance(0.3) ? tag + " " + rng.pick(GENERIC_TAGS[sentiment]) : tag);
      }
      if (platform != World.P_TRUSTPILOT && rng.chance(0.03)) {
        post.add(rng.chance(0.4) ? "https://" + World.WEB_DOMAIN[brand] + "/mijn" : rng.pick(URL_HOSTS) + base62(rng, 10));
      }
    }
    StringBuilder sb = new StringBuilder(pre.length() + core.length() + 40);
    sb.append(pre).append(core);
    for (String p : post) {
      char last = sb.charAt(sb.length() - 1);
      boolean sentence = Character.isUpperCase(p.charAt(0)) && p.charAt(0) != '#';
      if (sentence && last != '.' && last != '!' && last != '?') sb.append('.');
      sb.append(' ').append(p);
    }
    String text = sb.toString();
    return new Text(text, LANGS[langMode], isQuestion(text), pii == null ? null : pii.value(), pii == null ? null : pii.type());
  }

  /** A survey comment (plain text, brand written as its name). */
  static Text survey(Rng rng, int theme, int sentiment, boolean qIntent, int langMode) {
    int lang = coreLang(rng, langMode);
    String core = fill(rng.pick(CUST[theme][lang][kind(sentiment, qIntent)]), rng, lang, World.OURS, null);
    if (rng.chance(0.05)) core = typo(rng, core);
    StringBuilder sb = new StringBuilder(core);
    if (langMode == MIXED) {
      String extra = rng.pick(EXTRA[1 - lang][sentiment]);
      if (qIntent) sb.insert(0, extra + " ");
      else sb.append(". ").append(extra);
    } else if (!qIntent && rng.chance(0.25)) {
      sb.append(". ").append(rng.pick((lang == EN ? SURVEY_TAIL_EN : SURVEY_TAIL)[sentiment]));
    }
    if (!qIntent && rng.chance(sentiment == S_NEU ? 0.01 : 0.06)) sb.append(' ').append(emoji(rng, sentiment));
    String text = sb.toString();
    return new Text(text, LANGS[langMode], isQuestion(text), null, null);
  }

  // ------------------------------------------------------------------ agent notes

  private static final String[][] OPENERS_NL = {
      {"Klant belt: ", "Klt belt - ", "Tel. klant: ", "Inkomend gesprek: "},
      {"Chat: ", "Chatgesprek: ", "Via chat: "},
      {"Mail klant: ", "E-mail: ", "Mail ontvangen: "}};
  private static final String[][] OPENERS_EN = {
      {"Customer called: ", "Call: ", "Inbound call: "},
      {"Chat: ", "Chat session: "},
      {"Customer email: ", "Email: "}};
  private static final String[] ACTIONS_NL = {"uitleg gegeven", "ticket aangemaakt", "doorgezet naar backoffice",
      "terugbelverzoek ingepland", "info per mail gestuurd", "direct opgelost", "klant verwezen naar website",
      "excuses aangeboden", "nagekeken in systeem", "afgehandeld", "status besproken", "escalatie naar 2e lijn"};
  private static final String[] ACTIONS_EN = {"explained", "ticket created", "forwarded to back office",
      "call back scheduled", "info sent by email", "resolved right away", "referred to website", "apologised",
      "checked in system", "handled", "escalated to 2nd line"};
  private static final String[][] MARKERS_NL = {{"Klant boos.", "Klant zeer ontevreden.", "Klant was geïrriteerd.",
      "Klacht, klant ontevreden over afhandeling.", "Klant erg gefrustreerd."}, {}, {"Klant tevreden.",
      "Klant bedankte voor de hulp.", "Klant blij met oplossing.", "Klant was erg vriendelijk en tevreden."}};
  private static final String[][] MARKERS_EN = {{"Customer upset.", "Customer very unhappy.", "Customer angry about handling."},
      {}, {"Customer happy.", "Customer thanked us.", "Customer pleased with solution."}};

  /** Agent notes: terse, sometimes with ';' and line breaks, sometimes quoting the customer's own message. */
  static Text note(Rng rng, int theme, int sentiment, int langMode, int channel, Pii pii) {
    int lang = langMode == MIXED ? NL : langMode;
    StringBuilder sb = new StringBuilder(120);
    boolean quoted = langMode == MIXED || (channel != 0 && rng.chance(0.3));
    if (rng.chance(0.65)) sb.append(rng.pick((lang == EN ? OPENERS_EN : OPENERS_NL)[channel]));
    String core;
    if (quoted) {
      int quoteLang = langMode == MIXED ? EN : lang;
      String said = fill(rng.pick(CUST[theme][quoteLang][kind(sentiment, rng.chance(0.3))]), rng, quoteLang, World.OURS, null);
      core = (lang == EN ? "customer writes \"" : "klant schrijft \"") + said + "\"";
    } else {
      core = fill(rng.pick(NOTE[theme][lang]), rng, lang, World.OURS, null);
    }
    if (sb.length() == 0) core = Character.toUpperCase(core.charAt(0)) + core.substring(1);
    sb.append(core);
    double u = rng.nextDouble();
    String sep = u < 0.12 ? "\n" : u < 0.32 ? "; " : ". ";
    String[] acts = ACT[theme][lang];
    String action = acts.length > 0 && rng.chance(0.4) ? fill(rng.pick(acts), rng, lang, World.OURS, null)
        : rng.pick(lang == EN ? ACTIONS_EN : ACTIONS_NL);
    sb.append(sep).append(action);
    if (rng.chance(0.25)) sb.append(sep).append(rng.pick(lang == EN ? ACTIONS_EN : ACTIONS_NL));
    String[] markers = (lang == EN ? MARKERS_EN : MARKERS_NL)[sentiment];
    if (markers.length > 0) sb.append(sep.equals("\n") ? "\n" : ". ").append(rng.pick(markers));
    else if (sb.charAt(sb.length() - 1) != '.') sb.append('.');
    if (pii != null) sb.append(' ').append(piiSentence(rng, PII_NOTE, lang, pii));
    String text = sb.toString();
    return new Text(text, LANGS[langMode], isQuestion(text), pii == null ? null : pii.value(), pii == null ? null : pii.type());
  }

  // ------------------------------------------------------------------ webcare replies

  private static final String[][][] REPLIES = {
      { // nl: question, negative, positive, neutral
          {"Hoi{first}, goede vraag! Stuur je ons even een DM met je klantnummer? Dan zoeken we het voor je uit.",
              "Dag{first}, dank voor je vraag. Via DM kijken we graag met je mee, stuur je je klantnummer en postcode mee?",
              "Hoi{first}, ik heb je een DM gestuurd met meer uitleg.",
              "Hi{first}, het antwoord staat op onze website, maar we helpen je ook graag via DM verder.",
              "Hoi{first}, dat zoeken we voor je uit. Je hoort binnen {n} werkdagen van ons."},
          {"Hoi{first}, vervelend om te lezen! Stuur je ons een DM met je klantnummer? Dan kijken we direct mee.",
              "Sorry voor het ongemak{first}. Een collega neemt vandaag nog contact met je op.",
              "Balen{first}! Laat je via DM weten om welk adres het gaat?",
              "Dag{first}, we begrijpen je frustratie. We bellen je vandaag terug.",
              "Hoi{first}, excuses hiervoor. Ik heb het doorgezet naar de juiste afdeling."},
          {"Dank je wel{first}, fijn om te horen!", "Hoi{first}, dank voor het compliment! Fijne dag.",
              "Super{first}, dat doen we graag!"},
          {"Hoi{first}, dank voor je bericht. Laat het ons weten als we ergens mee kunnen helpen.",
              "Dag{first}, bedankt voor het delen!"}},
      { // en
          {"Hi{first}, good question! Could you DM us your customer number? We'll look into it.",
              "Hello{first}, thanks for asking. Send us a DM with your customer number and postcode and we'll help.",
              "Hi{first}, we've sent you a DM with more details.",
              "Hi{first}, you'll find the answer on our website, and we're happy to help via DM too.",
              "Hi{first}, we'll look into it. You'll hear from us within {n} working days."},
          {"Hi{first}, sorry to hear that! Could you DM us your customer number? We'll look into it straight away.",
              "Sorry for the inconvenience{first}. A colleague will contact you today.",
              "Hi{first}, we understand your frustration. We'll call you back today.",
              "Hi{first}, apologies for this. I've passed it on to the right team."},
          {"Thanks{first}, great to hear!", "Hi{first}, thanks for the compliment! Have a nice day."},
          {"Hi{first}, thanks for your message. Let us know if we can help with anything.",
              "Hello{first}, thanks for sharing!"}}};
  private static final String[][] AGENTS = {
      {"Lisa", "Mark", "Sanne", "Youssef", "Eva", "Daan", "Fatima", "Tim", "Noor", "Bram"},
      {"Kim", "Joost", "Ayla", "Ruben"},
      {"Mila", "Thijs", "Esra"}};

  record Reply(String content, String lang, boolean question, String sentiment) {}

  /** A webcare reply by one of the brand's own accounts. Sentiment: positive for thank-you replies, else neutral. */
  static Reply reply(Rng rng, int brand, int lang, String customerHandle, String firstName, int parentSentiment,
                    boolean parentQuestion, int platform) {
    int group = parentQuestion ? 0 : parentSentiment == S_NEG ? 1 : parentSentiment == S_POS ? 2 : 3;
    String tpl = rng.pick(REPLIES[lang][group]);
    String first = firstName == null ? "" : " " + firstName;
    String body = tpl.replace("{first}", first).replace("{n}", String.valueOf(rng.between(2, 5)));
    String agent = rng.pick(AGENTS[brand]);
    String sign = brand == World.OURS ? " ^" + agent : brand == World.STROOMLIJN
        ? (lang == EN ? " Regards, " : " Groet, ") + agent : " -" + agent + " (GreenGrid)";
    StringBuilder sb = new StringBuilder();
    if (platform == World.P_TWITTER || platform == World.P_INSTAGRAM || platform == World.P_FORUM) {
      sb.append(customerHandle).append(' ');
    }
    sb.append(body).append(sign);
    String text = sb.toString();
    return new Reply(text, LANGS[lang], isQuestion(text), group == 2 ? "positive" : "neutral");
  }
}
