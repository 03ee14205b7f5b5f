package io.luister.jobs.themes;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.ThemeSettings;
import io.luister.common.privacy.TextMasking;
import io.luister.common.text.AccentFolding;
import io.luister.common.text.TextAnalyzer;
import io.luister.common.text.TextNormalizer;
import io.luister.jobs.unify.TextFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Words that must never be a theme's feature or a word of its label, because a reader cannot tell what they mean
 * (docs/THEMES.md, "Labels"):
 * <ul>
 *   <li>by their form: runs of x ({@code xxxx}, {@code XX/XX/XXXX}: redaction), {@code redacted}, tokens with a digit
 *       (labels only: "4g" may still shape a cluster), single letters;
 *   <li>by configuration: {@code themes.stop_words} (per language or {@code all}) and {@code themes.names};
 *   <li>by how the texts use them ({@link #detect}): person names (capitalised mid-sentence in most of their
 *       occurrences: "thanks Josh and Amanda", or signed with in most: "Thanks for stopping by! -Becky"), hashtag-only words, export placeholders ({@code [name]},
 *       {@code <customer>}) and the words next to a masked e-mail address, phone number or IBAN in most of their
 *       occurrences (the leftovers of masking: "mail [email]", "bel [phone]");
 *   <li>function words ({@link #functionWords}, labels only): negations, contractions and modal verbs ("not",
 *       "haven't", "can", "niet", "geen"), which silver keeps for sentiment and the category rules.
 * </ul>
 * The stems of the first three kinds are removed from the features before clustering (so no cluster forms around
 * staff names or a redaction token) and checked again when a label is written.
 */
public final class ThemeLabels {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeLabels.class);
  /**
   * Redaction: runs of x, and the word "redacted" (what [REDACTED] leaves after normalising). One definition for
   * the model's features (ThemeFeatures' term stages) and the labels. Tokens are lower-case and accent-folded.
   */
  static final Pattern REDACTION = Pattern.compile("x{2,}|redact[a-z]*");
  static final Pattern DIGIT = Pattern.compile(".*\\p{N}.*");
  /** A word used this much in a telltale way (capitalised mid-sentence, as a hashtag, beside a mask) is rejected. */
  static final double NAME_SHARE = 0.8;
  static final double TELLTALE_SHARE = 0.5;
  /** A word needs this many occurrences (mid-sentence ones for names) before its use decides anything. */
  static final int MIN_OCCURRENCES = 3;

  private final Set<String> rejected;
  /** Language → words never in a label of a theme in that language that still count as features: {@link #functionWords}. */
  private final Map<String, Set<String>> labelOnly;

  ThemeLabels(Set<String> rejected) {
    this(rejected, Map.of());
  }

  ThemeLabels(Set<String> rejected, Map<String, Set<String>> labelOnly) {
    this.rejected = Set.copyOf(rejected);
    this.labelOnly = Map.copyOf(labelOnly);
  }

  /** The configured words (stop words, names), lower case, accents folded, in surface and stemmed form. */
  public static ThemeLabels forProgram(ProgramConfig config) {
    TextFeatures text = TextFeatures.forProgram(config);
    return new ThemeLabels(configured(config.themes(), text), functionWords(text));
  }

  /**
   * Function words, which say nothing about what a theme is about: Spark ML's default stop lists for English and
   * Dutch ({@link StopWordsRemover#loadDefaultStopWords}) and the negations silver keeps
   * ({@link TextAnalyzer#keptNegations}), written as the normaliser writes them ("haven't" → "havent"), with their
   * stems. Silver drops Snowball's lists but keeps negations ("not", "geen",
   * "havent": sentiment and the category rules need them), and Snowball's English list leaves out modal verbs
   * ("can", "will"); on real exports these became label words ("not", "havent" on Trustpilot reviews, "can" on
   * complaints). They are kept as features, as before: they rarely decide a cluster, and taking them out would
   * change every corpus' themes for a labelling problem. Content words that are merely common ("know") are not
   * listed: with too little text for themes no model is fitted at all (ThemeStage.MIN_ITEMS), and on larger
   * corpora class-based TF-IDF weighs them against every theme.
   */
  static Map<String, Set<String>> functionWords(TextFeatures text) {
    Map<String, Set<String>> out = new HashMap<>();
    // Per language: a function word of one language can be a content word of the other ("door", "want", "men" are
    // Dutch function words and English nouns and verbs), so a label is checked against its own language's list.
    for (Map.Entry<String, String> language : Map.of("en", "english", "nl", "dutch").entrySet()) {
      Set<String> words = new TreeSet<>();
      for (String listed : StopWordsRemover.loadDefaultStopWords(language.getValue())) {
        for (String w : TextNormalizer.normalize(listed).words()) {
          String folded = fold(w);
          if (!folded.isEmpty()) {
            words.add(folded);
            words.addAll(text.stem(folded, language.getKey()));
          }
        }
      }
      // Abbreviated month names ("nov", "okt", "mrt"): date notation, as a number is ("since Nov 3rd" labelled a
      // support export's theme "nov"). From the JDK's locale data; a full name the same as its abbreviation ("may",
      // "mei") stays, and full names and weekdays stay too: "sunday · open" or "december · bill" is a subject.
      java.text.DateFormatSymbols calendar = java.text.DateFormatSymbols.getInstance(Locale.forLanguageTag(
          language.getKey()));
      String[] months = calendar.getMonths();
      String[] abbreviated = calendar.getShortMonths();
      for (int m = 0; m < Math.min(months.length, abbreviated.length); m++) {
        String full = fold(months[m]);
        for (String w : TextNormalizer.normalize(abbreviated[m]).words()) {
          String folded = fold(w);
          if (!folded.isEmpty() && !folded.equals(full)) {
            words.add(folded);
            words.addAll(text.stem(folded, language.getKey()));
          }
        }
      }
      // The negations silver keeps ("never" and "nooit" are in neither of Spark's lists): of both languages, since
      // none of them is a content word in the other.
      for (String negation : TextAnalyzer.keptNegations()) {
        words.add(negation);
        words.addAll(text.stem(negation, language.getKey()));
      }
      out.put(language.getKey(), Set.copyOf(words));
    }
    // A theme in neither language (Spanish tweets in an English export: "que · la · con · lo") is checked against
    // every list Spark ships, besides both of ours: its words cannot be stemmed, but its function words are known.
    Set<String> other = new TreeSet<>(out.get("en"));
    other.addAll(out.get("nl"));
    for (String language : OTHER_STOP_WORD_LISTS) {
      for (String listed : StopWordsRemover.loadDefaultStopWords(language)) {
        for (String w : TextNormalizer.normalize(listed).words()) {
          if (!fold(w).isEmpty()) {
            other.add(fold(w));
          }
        }
      }
    }
    out.put(OTHER, Set.copyOf(other));
    return out;
  }

  /** The key of {@link #functionWords} for a theme whose dominant language is neither Dutch nor English. */
  static final String OTHER = "other";
  /** Spark's default stop-word lists besides English and Dutch ({@link StopWordsRemover#loadDefaultStopWords}). */
  static final List<String> OTHER_STOP_WORD_LISTS = List.of("danish", "finnish", "french", "german", "hungarian",
      "italian", "norwegian", "portuguese", "russian", "spanish", "swedish", "turkish");

  static Set<String> configured(ThemeSettings settings, TextFeatures text) {
    Set<String> out = new TreeSet<>();
    settings.stopWords().forEach((language, words) -> words.forEach(w -> add(out, w,
        language.equals("all") ? List.of("nl", "en") : List.of(language), text)));
    settings.names().forEach(w -> add(out, w, List.of("nl", "en"), text));
    return out;
  }

  private static void add(Set<String> out, String phrase, List<String> languages, TextFeatures text) {
    for (String w : fold(phrase).split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty()) {
        continue;
      }
      out.add(w);
      for (String language : languages) {
        out.addAll(text.stem(w, language));
      }
    }
  }

  static String fold(String word) {
    return AccentFolding.fold(word.toLowerCase(Locale.ROOT));
  }

  /** This filter plus more rejected stems. */
  ThemeLabels with(Set<String> more) {
    Set<String> all = new TreeSet<>(rejected);
    all.addAll(more);
    return new ThemeLabels(all, labelOnly);
  }

  /** The stems the model must drop (configured and detected; the form rules are applied in the model's SQL). */
  public Set<String> stems() {
    return rejected;
  }

  /** True when a word or stem (lower case) must not be in a label. */
  public boolean rejects(String word) {
    String w = fold(word);
    return w.length() < 2 || REDACTION.matcher(w).matches() || DIGIT.matcher(w).matches() || rejected.contains(w);
  }

  /** True when any word of a (bigram) term, as stem or as its readable surface word, must not be in a label. */
  public boolean rejectsTerm(String stems, String readable) {
    return rejectsTerm(stems, readable, null);
  }

  /**
   * As {@link #rejectsTerm(String, String)}, and also when a word is a function word of {@code language}, the
   * theme's dominant language (when it is neither Dutch nor English: of both and of every other language Spark has
   * a stop-word list for; none when null).
   */
  public boolean rejectsTerm(String stems, String readable, String language) {
    Set<String> function = language == null ? Set.of() : labelOnly.containsKey(language) ? labelOnly.get(language)
        : labelOnly.containsKey(OTHER) ? labelOnly.get(OTHER)
        : labelOnly.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    for (String s : (stems + " " + readable).split(" ")) {
      if (rejects(s) || function.contains(fold(s))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Words the texts themselves show to be names, hashtags, placeholders or mask leftovers, as stems: one pass
   * over the raw words of {@code items} (text, language, tokens), aggregated per language and lower-case word; a
   * candidate's stem is rejected when the candidate words make up at least {@link #NAME_SHARE} of the stem's
   * occurrences among the tokens (so "cancel" survives a corpus where "Cancelled" is often capitalised, because
   * "cancel", "cancelled" and "cancellation" are mostly written in lower case). Bounded: only candidates reach the
   * driver.
   */
  public static Set<String> detect(Dataset<Row> items, TextFeatures text) {
    // Each word with its neighbours, built once per text: carrying the text's word array on every exploded word
    // would cost the square of the text's length.
    Column words = split(col("text"), "\\s+");
    Column neighbours = inline(transform(words, (w, i) -> struct(i.as("_pos"), w.as("_raw"),
        when(i.gt(0), element_at(words, i)).as("_prev"), try_element_at(words, i.plus(2)).as("_next"))));
    Column prev = col("_prev");
    Column next = col("_next");
    Column mid = col("_pos").gt(0).and(not(coalesce(prev.rlike("([.!?:;\\])\"]|^@\\S*|^#\\S*)$"), lit(true))));
    String beside = "(?:" + Stream.of(TextMasking.EMAIL_MASK, TextMasking.PHONE_MASK, TextMasking.IBAN_MASK)
        .map(Pattern::quote).collect(Collectors.joining("|")) + ")";
    Column masked = coalesce(prev.rlike(beside), lit(false)).or(coalesce(next.rlike(beside), lit(false)));
    Dataset<Row> raw = items.filter(col("text").isNotNull())
        .select(col("language"), neighbours)
        .withColumn("_word", lower(AccentFolding.column(regexp_extract(col("_raw"), "\\p{L}[\\p{L}\\p{N}]*", 0))))
        .filter(length(col("_word")).geq(2));
    List<Row> candidates = raw.groupBy("language", "_word").agg(
            count(lit(1)).as("n"),
            sum(when(mid, 1).otherwise(0)).as("mid"),
            sum(when(mid.and(col("_raw").rlike("^[\"'(]?\\p{Lu}\\p{Ll}")), 1).otherwise(0)).as("capital"),
            sum(when(col("_raw").startsWith("#"), 1).otherwise(0)).as("hashtag"),
            // A support agent's sign-off ("Thanks for stopping by! -Becky"): after a sentence's end, so never
            // mid-sentence, but a name all the same.
            sum(when(col("_raw").rlike("^[-–—~^]\\p{Lu}\\p{Ll}+[.!]?$"), 1).otherwise(0)).as("signed"),
            sum(when(col("_raw").rlike("^[\\[<{]\\p{L}+[\\]>}]"), 1).otherwise(0)).as("placeholder"),
            sum(when(masked, 1).otherwise(0)).as("masked"))
        .filter(col("n").geq(MIN_OCCURRENCES))
        .filter(col("mid").geq(MIN_OCCURRENCES).and(col("capital").geq(col("mid").multiply(NAME_SHARE)))
            .or(col("hashtag").geq(col("n").multiply(TELLTALE_SHARE)))
            .or(col("signed").geq(col("n").multiply(TELLTALE_SHARE)))
            .or(col("placeholder").geq(col("n").multiply(TELLTALE_SHARE)))
            .or(col("masked").geq(col("n").multiply(TELLTALE_SHARE))))
        .orderBy(col("n").desc(), col("language"), col("_word"))
        .limit(20_000)
        .collectAsList();
    Map<String, Long> candidateCounts = new HashMap<>();
    Map<String, String> why = new HashMap<>();
    for (Row r : candidates) {
      List<String> stems = text.stem(r.getString(1), r.getString(0) == null ? "en" : r.getString(0));
      if (stems.size() == 1) {
        candidateCounts.merge(stems.get(0), r.getLong(2), Long::sum);
        why.putIfAbsent(stems.get(0), r.getString(1));
      }
    }
    if (candidateCounts.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    items.select(explode(col("tokens")).as("_t")).filter(col("_t").isin(candidateCounts.keySet().toArray()))
        .groupBy("_t").count().collectAsList()
        .forEach(r -> {
          if (candidateCounts.get(r.getString(0)) >= NAME_SHARE * r.getLong(1)) {
            out.add(r.getString(0));
          }
        });
    LOG.info("themes: {} words the texts use as names, hashtags, placeholders or beside masks, e.g. {}", out.size(),
        out.stream().limit(30).map(s -> why.get(s)).toList());
    return out;
  }
}
