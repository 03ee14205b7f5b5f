package io.luister.common.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import io.luister.common.privacy.TextMasking;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normalisation every text step shares, so a category rule, the classifier, the themes and
 * sentiment all see the same words. Stateless and thread-safe. The rules, in the order they run, and why
 * each was chosen, are in docs/TEXT.md:
 *
 * <ol>
 *   <li>Unicode NFKC (full-width letters, ligatures and the like become plain letters).
 *   <li>URLs, the ingestion masks ({@code [email]}, {@code [phone]}, {@code [iban]}, {@code @[user]}) and
 *       remaining @mentions are removed.
 *   <li>Hashtags keep their words: {@code #storing} → {@code storing}, {@code #SlimmeMeter} →
 *       {@code slimme meter}.
 *   <li>Emoji and common emoticons are taken out of the text into {@link NormalizedText#emoji()}.
 *   <li>Lower case (Locale.ROOT); runs of three or more of the same letter become two.
 *   <li>Accents are folded ({@code é → e}, {@code ë → e}, {@code ß → ss}).
 *   <li>A trailing {@code 's} is dropped ({@code auto's → auto}), other apostrophes join their word
 *       ({@code don't → dont}); everything that is not a letter or digit separates words.
 * </ol>
 */
public final class TextNormalizer {

  private static final Pattern URL = Pattern.compile(
      "(?i)(?:https?://|www\\.)\\S+"
          // Bare domains, as people type them: zonnewijs.nl, bit.ly/x1y2.
          + "|(?<![\\p{L}\\p{N}@._-])[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*"
          + "\\.(?:nl|be|com|net|org|eu|io|ly|co|de|uk|info|app)(?![\\p{L}\\p{N}])(?:/\\S*)?");

  private static final Pattern MASK = Pattern.compile(
      TextMasking.MASKS.stream().map(Pattern::quote).collect(java.util.stream.Collectors.joining("|")),
      Pattern.CASE_INSENSITIVE);

  /** Brand handles survive masking (@Zonnewijs); the brand is in the metadata, not a word of the text. */
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}_@])@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_])?");

  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]+)");

  /**
   * The common emoticons, each as the emoji that carries the same sentiment, so sentiment needs one
   * vocabulary only. "8)" is left out, as in "(zie punt 8)".
   */
  private static final Map<String, String> EMOTICONS = Map.ofEntries(
      Map.entry(":)", "🙂"), Map.entry(":-)", "🙂"), Map.entry("=)", "🙂"), Map.entry(":]", "🙂"),
      Map.entry(":d", "😀"), Map.entry(":-d", "😀"), Map.entry("=d", "😀"), Map.entry("xd", "😆"),
      Map.entry(";)", "😉"), Map.entry(";-)", "😉"),
      Map.entry(":(", "🙁"), Map.entry(":-(", "🙁"), Map.entry("=(", "🙁"), Map.entry(":[", "🙁"),
      Map.entry(":'(", "😢"),
      Map.entry(":p", "😛"), Map.entry(":-p", "😛"),
      Map.entry(":/", "😕"), Map.entry(":-/", "😕"), Map.entry(":\\", "😕"),
      Map.entry(":|", "😐"), Map.entry(":-|", "😐"),
      Map.entry("<3", "❤"), Map.entry("</3", "💔"));

  /** Not followed by a letter or digit, so ":P" in "tijd:Pieter" and "<3" in "<30 euro" are left alone. */
  private static final Pattern EMOTICON = Pattern.compile(
      "(?:(?<![:;=<])(?:[:;=]'?-?[)(\\]\\[dDpP/\\\\|]|<3|</3)|(?<![\\p{L}\\p{N}])[xX]D)(?![\\p{L}\\p{N}])");

  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int COMBINING_KEYCAP = 0x20E3;

  private TextNormalizer() {}

  public static NormalizedText normalize(String raw) {
    return normalizeKeepingAccents(raw).normalized();
  }

  /**
   * The normalised text, and the same text before accents were folded and punctuation dropped: Lingua
   * tells French from Dutch by its ç and é far better than by its words alone.
   */
  record Normalized(NormalizedText normalized, String withAccents) {
    static final Normalized EMPTY = new Normalized(NormalizedText.EMPTY, "");
  }

  static Normalized normalizeKeepingAccents(String raw) {
    if (raw == null || raw.isBlank()) {
      return Normalized.EMPTY;
    }
    boolean ascii = isAscii(raw);
    String text = ascii ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
    text = removeUrlsMasksAndMentions(text);
    if (text.indexOf('#') >= 0) {
      text = replaceAll(HASHTAG, text, m -> " " + splitHashtag(m.group(1)) + " ");
    }
    List<String> emoji = new ArrayList<>(0);
    if (mayHaveEmoticon(text)) {
      text = replaceAll(EMOTICON, text, m -> {
        String asEmoji = EMOTICONS.get(m.group().toLowerCase(Locale.ROOT));
        if (asEmoji == null) {
          return m.group();
        }
        emoji.add(asEmoji);
        return " ";
      });
    }
    if (!ascii) {
      text = extractEmoji(text, emoji);
    }
    String withAccents = squashRepeatedLetters(text.toLowerCase(Locale.ROOT));
    List<String> words = splitWords(ascii ? withAccents : foldAccents(withAccents));
    if (words.isEmpty() && emoji.isEmpty()) {
      return Normalized.EMPTY;
    }
    return new Normalized(new NormalizedText(String.join(" ", words), words, emoji), withAccents);
  }

  private static String removeUrlsMasksAndMentions(String text) {
    if (text.indexOf('.') >= 0) {
      text = URL.matcher(text).replaceAll(" ");
    }
    if (text.indexOf('[') >= 0) {
      text = MASK.matcher(text).replaceAll(" ");
    }
    if (text.indexOf('@') >= 0) {
      text = MENTION.matcher(text).replaceAll(" ");
    }
    return text;
  }

  /**
   * Splits where a lower-case run of two or more letters meets a capital (SlimmeMeter → Slimme Meter),
   * before the last capital of an upper-case run followed by lower case (KPNStoring → KPN Storing), and at
   * underscores. A single leading lower-case letter does not split: #iPhone and #eBay stay one word.
   */
  static String splitHashtag(String tag) {
    StringBuilder out = new StringBuilder(tag.length() + 4);
    int lowerRun = 0;
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c == '_') {
        out.append(' ');
        lowerRun = 0;
        continue;
      }
      if (Character.isUpperCase(c) && i > 0) {
        char prev = tag.charAt(i - 1);
        boolean afterWord = Character.isLowerCase(prev) && lowerRun >= 2;
        boolean endsAcronym = Character.isUpperCase(prev)
            && i + 1 < tag.length() && Character.isLowerCase(tag.charAt(i + 1));
        if (afterWord || endsAcronym) {
          out.append(' ');
        }
      }
      lowerRun = Character.isLowerCase(c) ? lowerRun + 1 : 0;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean mayHaveEmoticon(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean xD = c == 'D' && i > 0 && (text.charAt(i - 1) == 'x' || text.charAt(i - 1) == 'X');
      if (c == ':' || c == ';' || c == '=' || c == '<' || xD) {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves each emoji out of the text, keeping its base character only: skin tones, the emoji presentation
   * selector and everything joined on with a zero-width joiner are dropped, so 👍🏽 and 👍 count the same and
   * 🤦🏻‍♂️ counts as 🤦. A pair of regional indicators stays together as its flag.
   */
  private static String extractEmoji(String text, List<String> emoji) {
    StringBuilder rest = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isRegionalIndicator(cp)) {
        int end = next;
        if (next < text.length() && isRegionalIndicator(text.codePointAt(next))) {
          end = next + Character.charCount(text.codePointAt(next));
        }
        emoji.add(text.substring(i, end));
        rest.append(' ');
        i = end;
      } else if (isPictographic(cp)) {
        emoji.add(new String(Character.toChars(cp)));
        rest.append(' ');
        i = skipEmojiContinuation(text, next);
      } else if (isEmojiDecoration(cp)) {
        rest.append(' ');
        i = next;
      } else {
        rest.append(text, i, next);
        i = next;
      }
    }
    return rest.toString();
  }

  private static int skipEmojiContinuation(String text, int i) {
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (cp == ZERO_WIDTH_JOINER) {
        i += Character.charCount(cp);
        if (i < text.length() && isPictographic(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
      } else if (isEmojiDecoration(cp)) {
        i += Character.charCount(cp);
      } else {
        return i;
      }
    }
    return i;
  }

  /** © and ® are pictographic in Unicode but are no emoji in a customer's sentence. */
  private static boolean isPictographic(int cp) {
    return cp >= 0x2000 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  /** Skin tones, variation selectors, the keycap mark and tag characters only ever decorate an emoji. */
  private static boolean isEmojiDecoration(int cp) {
    return (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || cp == 0xFE0E || cp == 0xFE0F
        || cp == COMBINING_KEYCAP
        || (cp >= 0xE0020 && cp <= 0xE007F)
        || cp == ZERO_WIDTH_JOINER;
  }

  /**
   * "heeeeel" → "heel", "sooo" → "soo": two, not one, because Dutch and English double letters in ordinary
   * words (heel, meer, good, too). Runs before accent folding, so the diaeresis in ideeën and zeeën, which
   * exists to separate those vowels, keeps them from being squashed.
   */
  static String squashRepeatedLetters(String text) {
    StringBuilder out = null;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = i > 0 && c == text.charAt(i - 1) && Character.isLetter(c) ? run + 1 : 1;
      if (run >= 3) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        continue;
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  static String foldAccents(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      switch (c) {
        case 'ß' -> out.append("ss");
        case 'æ' -> out.append("ae");
        case 'œ' -> out.append("oe");
        case 'ø' -> out.append('o');
        case 'ł' -> out.append('l');
        case 'đ', 'ð' -> out.append('d');
        case 'þ' -> out.append("th");
        case 'ı' -> out.append('i');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> splitWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isWordChar(cp) && !isApostrophe(cp)) {
        word.appendCodePoint(cp);
      } else if (isApostrophe(cp) && word.length() > 0 && next < n && isWordChar(text.codePointAt(next))) {
        boolean clitic = text.charAt(next) == 's' && (next + 1 == n || !isWordChar(text.codePointAt(next + 1)));
        if (clitic) {
          next++;
        }
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      i = next;
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** Letters, digits and the spacing marks that are part of letters in some scripts (Devanagari, Thai). */
  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp)
        || (cp >= 0x300 && Character.getType(cp) == Character.COMBINING_SPACING_MARK);
  }

  /** U+02BC is a letter to Java, but people type it as an apostrophe. */
  private static boolean isApostrophe(int c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018' || c == '`';
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String replaceAll(Pattern pattern, String text, Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
