package io.luister.common.privacy;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Masks personal data in free text, so it never reaches a table or a report: e-mail addresses, handles in profile URLs, IBANs, Dutch
 * citizen service numbers (BSN, only those passing the eleven-test), phone numbers, street addresses and
 * postcode + house number, people's names after a cue ("ik ben Jan", "spoke to Josh", "Hoi Ayoub"), the
 * program's own staff names, customer numbers of the patterns the config declares, and @mentions of people.
 * Mentions of the configured brand accounts are kept, because "who was addressed" is what webcare and share
 * of voice are about.
 *
 * <p>Before matching the text is normalised the way obfuscation breaks it: zero-width characters and soft
 * hyphens are removed, no-break spaces become spaces, full-width forms become ASCII, and Latin look-alike
 * letters from Cyrillic and Greek become Latin where the text is not itself written in those scripts. The
 * corpus of variants that must be masked is {@code common/src/test/resources/privacy/masking-corpus.tsv}.
 */
public final class TextMasking {

  public static final String EMAIL_MASK = "[email]";
  public static final String PHONE_MASK = "[phone]";
  public static final String IBAN_MASK = "[iban]";
  public static final String MENTION_MASK = "@[user]";
  /** A handle inside a profile or post URL: x.com/[user]/status/1. */
  public static final String URL_USER_MASK = "[user]";
  public static final String BSN_MASK = "[bsn]";
  public static final String ADDRESS_MASK = "[address]";
  public static final String NAME_MASK = "[name]";
  public static final String CUSTOMER_MASK = "[customer]";
  /** Every mask token, for code that must tell them from words (text normalisation, theme labels). */
  public static final List<String> MASKS = List.of(EMAIL_MASK, PHONE_MASK, IBAN_MASK, MENTION_MASK, URL_USER_MASK,
      BSN_MASK, ADDRESS_MASK, NAME_MASK, CUSTOMER_MASK);

  /** What to keep and what else to mask besides the built-in kinds. */
  public record Rules(Collection<String> keptHandles, Collection<String> staffNames, Collection<String> customerIdPatterns) {
    public static Rules keeping(Collection<String> keptHandles) {
      return new Rules(keptHandles, List.of(), List.of());
    }
  }

  /** Zero-width space, non-joiner, word joiner, BOM and soft hyphen: invisible, used to break up a number or handle. */
  static final String INVISIBLE = "[\\u200B\\u200C\\u2060\\uFEFF\\u00AD]|(?<=[\\w@.+])\\u200D|\\u200D(?=[\\w@.+])";
  /** No-break, figure, narrow no-break and other fixed-width spaces. */
  static final String ODD_SPACES = "[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]";
  /** Full-width ASCII (U+FF01..U+FF5E) and the Cyrillic and Greek letters that look like Latin ones. */
  static final String LOOK_ALIKES;
  /** How many of {@link #LOOK_ALIKES} are not letters of another script (full-width forms and dashes). */
  private static final int SCRIPT_NEUTRAL = 94 + 8;
  static final String LATIN;

  static {
    StringBuilder from = new StringBuilder();
    StringBuilder to = new StringBuilder();
    for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
      from.append(c);
      to.append((char) (c - 0xFEE0));
    }
    // Cyrillic а е о р с х у і ј ѕ А В Е К М Н О Р С Т Х ; Greek ο α ρ ν Α Β Ε Η Ι Κ Μ Ν Ο Ρ Τ Χ Υ Ζ
    // Hyphens and dashes (U+2010..U+2015, minus sign) and the full-width-like small @: a dash is a dash.
    from.append("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE6B");
    to.append("-------@");
    from.append("аеорсхуіјѕАВЕКМНОРСТХ").append("οαρνΑΒΕΗΙΚΜΝΟΡΤΧΥΖ");
    to.append("aeopcxyijsABEKMHOPCTX").append("oapvABEHIKMNOPTXYZ");
    LOOK_ALIKES = from.toString();
    LATIN = to.toString();
  }

  /** A word of three or more Cyrillic or Greek letters: text written in that script keeps its letters. */
  static final String OTHER_SCRIPT_WORD = "[\\p{IsCyrillic}\\p{IsGreek}]{3}";

  /**
   * Starts only where a run of address characters starts: without the look-behind the engine retries from
   * every position of a long run with no @ in it, which is quadratic (a 5 MB run of letters took minutes).
   * Letters of any script: JÖRG@müller.de is an address too.
   */
  static final String EMAIL = "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}";
  /** Platforms whose URLs carry a person's handle as their first path segment (or after in/, u/, user/, @). */
  static final String PLATFORMS = "(?:x|twitter|instagram|facebook|fb|tiktok|threads|linkedin|youtube|reddit|pinterest"
      + "|snapchat|tumblr|medium|github)\\.(?:com|net)|threads\\.net|mastodon\\.social|bsky\\.app";
  /** Path segments of those platforms that are not handles. */
  static final String NOT_HANDLES = "status|statuses|hashtag|search|explore|share|sharer|watch|home|i|intent|p|reel"
      + "|reels|groups|events|pages|tag|tags|channel|c|r|company|feed|help|login|settings|photo|photos|video|videos"
      + "|posts|profile\\.php|messages|notifications|about|legal|privacy|terms|shorts|results|playlist|embed";
  /**
   * Account numbers: two letters, two check digits, 11–30 alphanumerics, grouped by four with spaces or dashes.
   * Groups after the bank code start with a digit, so a following word ("BE68-5390-0754-7034 graag") is no group.
   */
  static final String IBAN = "(?i)(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}[ -]?[A-Z0-9]{4}(?:[ -]?[0-9][A-Z0-9]{3}){1,6}"
      + "(?:[ -]?[0-9][A-Z0-9]{0,2})?(?![A-Za-z0-9])";
  /** Nine digits, optionally grouped 3-3-3 by spaces or dots: a BSN candidate, masked only if its eleven-test holds. */
  static final String BSN_CANDIDATE = "(?<![\\d.,/-])\\d{3}[ .]?\\d{3}[ .]?\\d{3}(?![\\d]|[.,/-]\\d)";
  /** Between phone digits: a space or dot, or a dash or slash with optional spaces ("06 - 1234", "02/123.45.67"). */
  private static final String SEP = "(?:[ .]|\\s?[-/]\\s?)?";
  /**
   * International numbers (+31 6 1234 5678, 0031-20-1234567, +31 (0)6 ...), national ones starting with 0
   * (06-12345678, 06/12345678, 020 123 4567, 02/123.45.67, 07700 900123), an area code in brackets
   * ((020) 123 4567), and Dutch, Belgian, German or British numbers written internationally without the +
   * (31612345678). Dates (03-07-2026 10:30) are not numbers.
   */
  static final String PHONE = "(?<![\\w+/])(?!\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}(?!\\d))(?:"
      + "(?:\\+|00)[1-9][0-9]{0,2}" + SEP + "(?:\\(0\\)" + SEP + ")?[0-9](?:" + SEP + "[0-9]){6,11}"
      + "|\\(0[0-9]{1,4}\\)" + SEP + "[0-9](?:" + SEP + "[0-9]){5,9}"
      + "|0[0-9](?:" + SEP + "[0-9]){7,10}"
      + "|3[12][0-9]{9}|4[49][0-9]{10,11}"
      + ")(?![\\w])";
  /** The street-name endings of Dutch, Flemish, German and English addresses. */
  static final String STREET = "(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|hof|markt|park|stra(?:ss|ß)e"
      + "|allee|gasse|ring|street|road|lane|avenue|drive|crescent|square)";
  /** Dutch (1234 AB), Belgian/Dutch-without-letters (1000), German (10115) and British (SW1A 1AA) postcodes. */
  static final String POSTCODE = "(?:[1-9][0-9]{3}[ ]?(?!SA|SD|SS)[A-Z]{2}|[1-9][0-9]{3,4}|[A-Z]{1,2}[0-9][A-Z0-9]?[ ]?[0-9][A-Z]{2})";
  private static final String CITY = "(?:[ ]+\\p{Lu}[\\p{L}'-]+){0,2}";
  /**
   * "Dorpsstraat 12, 1234 AB Utrecht", "Kerkstraat 5a", "Hauptstraße 7, 10115 Berlin", "221B Baker Street",
   * and a Dutch postcode with its house number ("1234 AB 12", "1234AB, huisnummer 12").
   */
  static final String ADDRESS = "(?<![\\p{L}\\p{N}])(?:"
      // Only a word followed by a number can be a street with its house number: checked first (possessively, no
      // backtracking), because trying every street ending at every split of every word was the costliest step.
      + "(?=\\p{L}[\\p{L}'-]*+[ ]+[0-9])\\p{L}[\\p{L}'-]*(?i:" + STREET + ")[ ]+[0-9]{1,5}(?:[ ]?[a-zA-Z](?![\\p{L}])|[ ]?-[ ]?[0-9]{1,3})?"
      + "(?:,?[ ]*" + POSTCODE + "(?![\\p{L}\\p{N}])" + CITY + ")?"
      + "|[0-9]{1,5}[A-Za-z]?[ ]+(?:\\p{Lu}[\\p{L}'-]+[ ]+){1,3}(?:Street|Road|Lane|Avenue|Drive|Crescent|Square|Close|Way)"
      + "(?:,?[ ]*" + POSTCODE + "(?![\\p{L}\\p{N}])" + CITY + ")?"
      + "|[1-9][0-9]{3}[ ]?(?!SA|SD|SS)[A-Z]{2},?[ ]+(?i:huisnummer[ ]+|nr\\.?[ ]*|no\\.?[ ]*)?[0-9]{1,5}[a-zA-Z]?"
      // The house number of a street the patterns above do not know ("Laan van Meerdervoort 100, 2517 AB Den Haag").
      + "|[0-9]{1,5}[a-zA-Z]?,?[ ]+[1-9][0-9]{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\\p{L}\\p{N}])" + CITY
      + "|[0-9]{1,5}[a-zA-Z]?,[ ]*[1-9][0-9]{3,4}[ ]+\\p{Lu}[\\p{L}'-]+"
      + ")(?![\\p{L}\\p{N}])";
  /**
   * Words after which a person's name follows: introductions, agents and staff, greetings and sign-offs, in
   * Dutch and English. Only a capitalised word counts as a name ("ik ben boos" keeps its word).
   */
  static final String NAME_CUES = "ik ben|ik heet|mijn naam is|naam is|u spreekt met|je spreekt met|spreekt met|gesproken met"
      + "|sprak met|sprak ik|medewerker|medewerkster|collega|monteur|adviseur|agent|my name is|name is|i am|i'm|this is"
      + "|spoke to|spoke with|talked to|talked with|speaking to|speaking with|advisor|adviser|rep|representative"
      + "|engineer|colleague|employee|hoi|hallo|hey|hi|hello|dear|beste|dag|goedemorgen|goedemiddag|goedenavond"
      + "|geachte heer|geachte mevrouw|geachte|groet|groeten|groetjes|regards|thanks|thank you|bedankt|dank je|dank u";
  /** Capitalised words after a cue that are not names. */
  static final String NOT_NAMES = "Klant|Klanten|Customer|Customers|Team|Allemaal|Iedereen|All|Everyone|Sir|Madam|Heer"
      + "|Mevrouw|Meneer|Support|Service|Webcare|Helpdesk|The|De|Het|Een|A|An|I|Ik|We|Wij|You|Je|Jij|U|It|Maandag|Dinsdag"
      + "|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
  private static final String CAPITALISED = "\\p{Lu}[\\p{Ll}'-]+";
  private static final String PARTICLES = "(?i:van der|van den|van de|van 't|van|de|den|der|ter|ten|te|el|al|da|di|le|la|mc|o')";
  /** Control characters other than tab and line breaks: NULs, and ESC that starts ANSI escape codes. */
  static final String CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]";

  private TextMasking() {}

  /** {@link #mask(Column, Rules)} with only the brand's handles kept and no staff names or customer-id patterns. */
  public static Column mask(Column text, Collection<String> keptHandles) {
    return mask(text, Rules.keeping(keptHandles));
  }

  /**
   * Normalises, then masks e-mail addresses first (they contain an @ that would otherwise read as a mention),
   * then handles in URLs, customer numbers, IBANs, BSNs, phone numbers, addresses, names and mentions.
   *
   * <p>One function per text ({@link Masker}) rather than a chain of a dozen regexp_replace expressions: each of
   * those converted the text from Spark's UTF-8 to a Java string and back, and scanned it whatever it held. Here
   * the text is converted once, and a pattern runs only where its obligatory character occurs (an @ for addresses
   * and mentions, a / for profile URLs, a digit for account, citizen service and phone numbers and street
   * addresses). The patterns and their order are the same (docs/performance.md has the measurement).
   */
  public static Column mask(Column text, Rules rules) {
    return udf(new Masker(rules), DataTypes.StringType).withName("luister_mask_personal_data").apply(text);
  }

  /** The masking of {@link #mask(Column, Rules)} for one text; null stays null. */
  public static String mask(String text, Rules rules) {
    return text == null ? null : Masker.compiled(rules).mask(text);
  }

  /** Serialisable per-text masking; the patterns are compiled once per JVM and set of rules. */
  static final class Masker implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private static final java.util.Map<List<List<String>>, Compiled> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> keptHandles;
    private final List<String> staffNames;
    private final List<String> customerIdPatterns;

    Masker(Rules rules) {
      this.keptHandles = List.copyOf(rules.keptHandles());
      this.staffNames = List.copyOf(rules.staffNames());
      this.customerIdPatterns = List.copyOf(rules.customerIdPatterns());
    }

    static Compiled compiled(Rules rules) {
      return new Masker(rules).compiled();
    }

    private Compiled compiled() {
      return COMPILED.computeIfAbsent(List.of(keptHandles, staffNames, customerIdPatterns),
          k -> new Compiled(new Rules(keptHandles, staffNames, customerIdPatterns)));
    }

    @Override
    public String call(String text) {
      return text == null ? null : compiled().mask(text);
    }
  }

  /** The compiled patterns of one set of rules. */
  static final class Compiled {
    private static final Pattern CONTROL_P = Pattern.compile(CONTROL);
    private static final Pattern INVISIBLE_P = Pattern.compile(INVISIBLE);
    private static final Pattern ODD_SPACES_P = Pattern.compile(ODD_SPACES);
    private static final Pattern OTHER_SCRIPT_P = Pattern.compile(OTHER_SCRIPT_WORD);
    private static final Pattern EMAIL_P = Pattern.compile(EMAIL);
    private static final Pattern IBAN_P = Pattern.compile(IBAN);
    private static final Pattern BSN_P = Pattern.compile(BSN_CANDIDATE);
    private static final Pattern PHONE_P = Pattern.compile(PHONE);
    private static final Pattern ADDRESS_P = Pattern.compile(ADDRESS);
    private static final java.util.Map<Character, Character> ALL_LOOK_ALIKES = translation(LOOK_ALIKES.length());
    private static final java.util.Map<Character, Character> NEUTRAL_LOOK_ALIKES = translation(SCRIPT_NEUTRAL);

    private final Pattern urlHandle;
    private final List<Pattern> customerIds;
    private final Pattern name;
    private final Pattern staff;
    private final Pattern mention;

    Compiled(Rules rules) {
      urlHandle = Pattern.compile(urlHandlePattern(rules.keptHandles()));
      customerIds = rules.customerIdPatterns().stream()
          .map(p -> Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + p + ")(?![\\p{L}\\p{N}])")).toList();
      name = Pattern.compile(namePattern(rules));
      staff = rules.staffNames().isEmpty() ? null : Pattern.compile(staffPattern(rules.staffNames()));
      mention = Pattern.compile(mentionPattern(rules.keptHandles()));
    }

    String mask(String text) {
      String masked = normalise(text);
      if (masked.indexOf('@') >= 0) {
        masked = EMAIL_P.matcher(masked).replaceAll(EMAIL_MASK);
      }
      if (masked.indexOf('/') >= 0) {
        masked = urlHandle.matcher(masked).replaceAll("$1" + URL_USER_MASK);
      }
      for (Pattern customerId : customerIds) {
        masked = customerId.matcher(masked).replaceAll(CUSTOMER_MASK);
      }
      if (hasDigit(masked)) {
        masked = IBAN_P.matcher(masked).replaceAll(IBAN_MASK);
        masked = maskValidBsns(masked);
        masked = PHONE_P.matcher(masked).replaceAll(PHONE_MASK);
        masked = ADDRESS_P.matcher(masked).replaceAll(ADDRESS_MASK);
      }
      masked = name.matcher(masked).replaceAll("$1" + NAME_MASK);
      if (staff != null) {
        masked = staff.matcher(masked).replaceAll(NAME_MASK);
      }
      if (masked.indexOf('@') >= 0) {
        masked = mention.matcher(masked).replaceAll(MENTION_MASK);
      }
      return masked;
    }

    /**
     * Control characters, invisible characters and odd spaces out; look-alikes to ASCII unless the text uses their
     * script. Printable ASCII (with tab and line breaks) has nothing to normalise.
     */
    static String normalise(String text) {
      if (printableAscii(text)) {
        return text;
      }
      String plain = ODD_SPACES_P.matcher(INVISIBLE_P.matcher(CONTROL_P.matcher(text).replaceAll("")).replaceAll(""))
          .replaceAll(" ");
      java.util.Map<Character, Character> table = OTHER_SCRIPT_P.matcher(plain).find() ? NEUTRAL_LOOK_ALIKES : ALL_LOOK_ALIKES;
      StringBuilder out = new StringBuilder(plain.length());
      for (int i = 0; i < plain.length(); i++) {
        char c = plain.charAt(i);
        out.append(table.getOrDefault(c, c));
      }
      return out.toString();
    }

    /**
     * Masks each nine-digit candidate whose eleven-test holds (9·d1 + 8·d2 + ... + 2·d8 − d9 divisible by 11, not
     * zero): order numbers of nine digits mostly fail it, so they are kept.
     */
    static String maskValidBsns(String text) {
      java.util.regex.Matcher candidates = BSN_P.matcher(text);
      List<String> valid = new java.util.ArrayList<>();
      while (candidates.find()) {
        String d = candidates.group().replace(" ", "").replace(".", "");
        int sum = 0;
        for (int i = 0; i < 8; i++) {
          sum += (d.charAt(i) - '0') * (9 - i);
        }
        sum -= d.charAt(8) - '0';
        if (Math.floorMod(sum, 11) == 0 && !d.equals("000000000")) {
          valid.add(candidates.group());
        }
      }
      String masked = text;
      for (String c : valid) {
        masked = Pattern.compile("(?<![\\d.,/-])" + Pattern.quote(c) + "(?![\\d]|[.,/-]\\d)").matcher(masked)
            .replaceAll(BSN_MASK);
      }
      return masked;
    }

    private static boolean printableAscii(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c > 0x7E) {
          return false;
        }
      }
      return true;
    }

    private static boolean hasDigit(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          return true;
        }
      }
      return false;
    }

    /** The first {@code count} look-alikes to their ASCII letters (the first mapping of a character wins, as in translate). */
    private static java.util.Map<Character, Character> translation(int count) {
      java.util.Map<Character, Character> table = new java.util.HashMap<>();
      for (int i = 0; i < count; i++) {
        table.putIfAbsent(LOOK_ALIKES.charAt(i), LATIN.charAt(i));
      }
      return table;
    }
  }

  static String urlHandlePattern(Collection<String> keptHandles) {
    String kept = keptAlternatives(keptHandles);
    return "(?i)((?<![\\w.-])(?:https?://)?(?:www\\.|m\\.|mobile\\.|[a-z]{2}\\.)?(?:" + PLATFORMS + ")/"
        + "(?:in/|pub/|u/|user/|profile/|@)?)(?!(?:" + NOT_HANDLES + (kept.isEmpty() ? "" : "|" + kept) + ")(?![\\w.-]))"
        + "@?[\\w][\\w.-]{0,59}(?<![.-])";
  }

  static String namePattern(Rules rules) {
    String kept = keptAlternatives(rules.keptHandles());
    return "((?<![\\p{L}])(?i:" + NAME_CUES + ")[,:!]?[ ]+)(?!(?:" + NOT_NAMES + (kept.isEmpty() ? "" : "|(?i:" + kept + ")")
        + ")(?![\\p{L}]))" + CAPITALISED + "(?:[ ]+(?:" + PARTICLES + "[ ]+)*" + CAPITALISED + "){0,2}(?![\\p{L}])";
  }

  static String staffPattern(Collection<String> staffNames) {
    return "(?i)(?<![\\p{L}@])(?:" + staffNames.stream().map(String::trim).filter(s -> !s.isEmpty())
        .map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}])";
  }

  static String mentionPattern(Collection<String> keptHandles) {
    String kept = keptAlternatives(keptHandles);
    if (kept.isEmpty()) {
      return "(?<![\\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?";
    }
    return "(?i)(?<![\\w@])@(?!(?:" + kept + ")(?![A-Za-z0-9_]))[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?";
  }

  private static String keptAlternatives(Collection<String> keptHandles) {
    return keptHandles.stream()
        .map(BrandConfig::normaliseHandle)
        .map(h -> h.toLowerCase(Locale.ROOT))
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }
}
