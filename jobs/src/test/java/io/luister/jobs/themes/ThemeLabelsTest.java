package io.luister.jobs.themes;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ProgramConfig;
import io.luister.common.test.TestSpark;
import io.luister.jobs.TestPrograms;
import io.luister.jobs.unify.TextFeatures;
import io.luister.jobs.unify.UnifyStage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The words a theme label must never show: by form, by configuration, and by how the texts use them. */
class ThemeLabelsTest {
  static final SparkSession spark = TestSpark.session();

  static ProgramConfig config(String themes) throws IOException {
    return TestPrograms.loadWithSocialSource("labels", """
        program: labels_test
        brand: {name: Acme, aliases: [acme]}
        themes: %s
        """.formatted(themes));
  }

  @Test
  void redactionNumbersAndSingleLettersAreRejectedByTheirForm() throws IOException {
    ThemeLabels labels = ThemeLabels.forProgram(config("{}"));
    for (String w : List.of("xxxx", "XX", "xxxxxxxx", "redacted", "2021", "4g", "b737", "x")) {
      assertTrue(labels.rejects(w), w);
    }
    for (String w : List.of("claim", "schade", "luggage", "extra", "box")) {
      assertFalse(labels.rejects(w), w);
    }
    assertTrue(labels.rejectsTerm("claim xxxx", "claim xxxx"), "a bigram with one meaningless word is rejected");
  }

  @Test
  void configuredStopWordsPerLanguageAndNamesAreRejectedAsWordsAndAsStems() throws IOException {
    ProgramConfig config = config("{stop_words: {all: [claim], nl: [polissen]}, names: [Josh, \"Amanda Jones\"]}");
    ThemeLabels labels = ThemeLabels.forProgram(config);
    TextFeatures text = TextFeatures.forProgram(config);
    assertTrue(labels.rejects("claim"));
    assertTrue(labels.rejects(text.stem("claims", "en").get(0)), "the English stem of a word listed for all languages");
    assertTrue(labels.rejects(text.stem("polissen", "nl").get(0)), "the Dutch stem of a Dutch stop word");
    assertTrue(labels.rejects("josh") && labels.rejects("Amanda") && labels.rejects("jones"));
    assertFalse(labels.rejects("schade"));
  }

  @Test
  void aWrongStopWordLanguageIsAConfigProblem() {
    io.luister.common.config.ConfigException e = assertThrows(io.luister.common.config.ConfigException.class,
        () -> config("{stop_words: {de: [Versicherung]}}"));
    assertTrue(e.getMessage().contains("themes.stop_words.de"), e.getMessage());
  }

  @Test
  void namesHashtagsPlaceholdersAndMaskLeftoversAreFoundInTheTextsButCommonWordsAreNot() throws IOException {
    ProgramConfig config = config("{}");
    TextFeatures text = TextFeatures.forProgram(config);
    List<Row> rows = new ArrayList<>();
    String[] texts = {
        "thanks to Josh for the quick claim", "my claim was handled by Josh yesterday", "spoke with Josh about the claim",
        "the claim took ages, Josh was kind", "Claim paid fast. Great service", "Claim denied again. Terrible",
        "Claim was easy", "I am so angry about the way they handle this #fairclaims", "my claim was denied for no reason at all #fairclaims",
        "never again will I trust the insurer with anything #fairclaims",
        "the form asked for [customer] twice", "wrong [customer] on the letter", "[customer] missing in the claim",
        "you can always mail [email] with the documents for the claim", "please mail [email] and they will answer you",
        "the agent said to mail [email] for the refund of the claim",
        "Thanks for stopping by! -Becky", "We are sorry to hear that. Please DM us. -Becky", "Happy to help! -Becky"};
    int i = 0;
    for (String t : texts) {
      rows.add(RowFactory.create(String.valueOf(i++), t));
    }
    Dataset<Row> items = UnifyStage.analyse(spark.createDataFrame(rows,
            new StructType().add("feedback_id", "string").add("text", "string"))
        .withColumn("free_text", org.apache.spark.sql.functions.lit(true)), text);
    Set<String> found = ThemeLabels.detect(items, text);
    Set<String> tokens = new java.util.HashSet<>();
    items.select("tokens").collectAsList().forEach(r -> tokens.addAll(r.<String>getList(0)));
    assertTrue(hasStem(found, "josh", text), "capitalised mid-sentence every time: a name " + found);
    assertTrue(hasStem(found, "becky", text), "an agent's sign-off every time: a name " + found);
    assertTrue(hasStem(found, "fairclaims", text) || !hasStem(tokens, "fairclaims", text),
        "only ever a hashtag: rejected wherever it is a token " + found + " " + tokens);
    // TextNormalizer drops the mask tokens ([customer], [email], …) themselves; what is left must not be a label.
    assertTrue(hasStem(found, "customer", text) || !hasStem(tokens, "customer", text),
        "only ever an export placeholder: rejected wherever it is a token " + found + " " + tokens);
    assertTrue(hasStem(found, "mail", text) || !hasStem(tokens, "mail", text),
        "always beside a masked address: rejected wherever it is a token " + found + " " + tokens);
    assertFalse(hasStem(found, "claim", text), "capitalised only at the start of sentences: a common word " + found);
    assertFalse(hasStem(found, "great", text) || hasStem(found, "terrible", text), found.toString());
  }

  /** The word's stem in either language is among {@code found} (short texts may be detected as either). */
  static boolean hasStem(Set<String> found, String word, TextFeatures text) {
    return text.stem(word, "en").stream().anyMatch(found::contains) || text.stem(word, "nl").stream().anyMatch(found::contains);
  }

  @Test
  void aLabelSkipsRejectedTermsAndKeepsTheReadableOnes() {
    ThemeLabels labels = new ThemeLabels(Set.of("josh"));
    List<ThemeTerms.Term> terms = List.of(new ThemeTerms.Term("xxxx", 3, 1), new ThemeTerms.Term("josh", 2.5, 1),
        new ThemeTerms.Term("claim", 2, 1), new ThemeTerms.Term("2021", 1.5, 1), new ThemeTerms.Term("deduct", 1, 1));
    Map<String, Map<String, String>> surface = Map.of("en", Map.of("deduct", "deductible"));
    assertEquals("claim · deductible", ThemeTerms.label(terms, "en", surface, 4, labels));
    assertEquals("xxxx · josh · claim · 2021", ThemeTerms.label(terms, "en", surface, 4),
        "without the filter (as before) the label shows them");
  }

  @Test
  void functionWordsOfTheThemesLanguageAreNoLabelWordsButStayFeatures() throws IOException {
    ProgramConfig config = config("{}");
    ThemeLabels labels = ThemeLabels.forProgram(config);
    TextFeatures text = TextFeatures.forProgram(config);
    // Negations and contractions as silver keeps them for sentiment ("haven't" is normalised to "havent").
    for (String w : List.of("not", "never", "nothing", "havent", "dont", "cannot", "can", "will", "should")) {
      assertTrue(labels.rejectsTerm(w, w, "en"), w);
      assertFalse(labels.stems().contains(w), w + " stays a feature of the model");
    }
    for (String w : List.of("niet", "geen", "niets", "nooit", "kan")) {
      assertTrue(labels.rejectsTerm(w, w, "nl"), w);
    }
    assertTrue(labels.rejectsTerm("not " + text.stem("working", "en").get(0), "not working", "en"),
        "a bigram with a negation");
    // A Dutch function word is an English content word: "door" labels an English theme about train doors.
    assertFalse(labels.rejectsTerm("door", "door", "en"));
    assertTrue(labels.rejectsTerm("door", "door", "nl"));
    for (String w : List.of("claim", "refund", "luggage", "delay")) {
      assertFalse(labels.rejectsTerm(text.stem(w, "en").get(0), w, "en"), w);
    }
    List<ThemeTerms.Term> terms = List.of(new ThemeTerms.Term("not", 3, 1), new ThemeTerms.Term("havent", 2.5, 1),
        new ThemeTerms.Term("refund", 2, 1), new ThemeTerms.Term("can", 1.5, 1), new ThemeTerms.Term("delay", 1, 1));
    assertEquals("refund · delay", ThemeTerms.label(terms, "en", Map.of(), 4, labels));
    // A theme in neither language (Spanish tweets in an English export, seen as "que · la · con · lo"): the function
    // words of every list Spark ships are no label words; its content words are.
    for (String w : List.of("que", "la", "con", "lo", "und", "der", "les", "och")) {
      assertTrue(labels.rejectsTerm(w, w, "other"), w);
    }
    for (String w : List.of("vuelo", "factura", "internet")) {
      assertFalse(labels.rejectsTerm(w, w, "other"), w);
    }
    // Abbreviated months are date notation ("since Nov 3rd"), in both languages; full month names and weekdays are
    // words a subject can hold ("december bill", "sunday opening").
    for (String w : List.of("nov", "oct", "sep", "jan")) {
      assertTrue(labels.rejectsTerm(w, w, "en"), w);
      assertFalse(labels.stems().contains(w), w + " stays a feature of the model");
    }
    for (String w : List.of("okt", "mrt", "nov")) {
      assertTrue(labels.rejectsTerm(w, w, "nl"), w);
    }
    for (String w : List.of("december", "sunday", "may")) {
      assertFalse(labels.rejectsTerm(text.stem(w, "en").get(0), w, "en"), w);
    }
    assertFalse(labels.rejectsTerm("zondag", "zondag", "nl"));
  }
}
