package io.luister.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(List.of("Zonnewijs", "Groene Stroom"));

  @Test
  void analysingGivesLanguageNormalisedTextStemsWithoutStopWordsAndEmoji() {
    AnalyzedText result = analyzer.analyze("@Zonnewijs ik wil mijn facturen per post ontvangen!! 😡");
    assertEquals("nl", result.language());
    assertEquals("ik wil mijn facturen per post ontvangen", result.normalized());
    assertEquals(List.of("factur", "per", "post", "ontvang"), result.tokens());
    assertEquals(List.of("😡"), result.emoji());
  }

  @Test
  void dutchFormsOfOneWordShareAStem() {
    assertEquals(analyzer.stem("factuur", "nl"), analyzer.stem("facturen", "nl"));
    assertEquals(analyzer.stem("meterstanden doorgeven", "nl").get(0), analyzer.stem("meterstand doorgegeven", "nl").get(0));
    assertEquals(List.of("jaarafreken"), analyzer.stem("jaarafrekening", "nl"));
    assertEquals(analyzer.stem("jaarafrekeningen", "nl"), analyzer.stem("Jaarafrekening", "nl"));
  }

  @Test
  void englishFormsOfOneWordShareAStem() {
    assertEquals(analyzer.stem("invoice", "en"), analyzer.stem("invoices", "en"));
    assertEquals(analyzer.stem("annual statement", "en"), analyzer.stem("annual statements", "en"));
    assertEquals(analyzer.stem("cancelled", "en"), analyzer.stem("cancelling", "en"));
  }

  @Test
  void aConfigPhraseStemsToTheTokensOfTextThatContainsIt() {
    List<String> rule = analyzer.stem("meterstanden doorgeven", "nl");
    List<String> text = analyzer.analyze("Het doorgeven van meterstanden lukt niet via de app").tokens();
    assertTrue(text.containsAll(rule), text + " should contain " + rule);
  }

  @Test
  void dutchStopWordsIncludeTheFunctionWordsSnowballMisses() {
    assertEquals(List.of("vak", "storing"), analyzer.stem("wij hebben zeer vaak weer storing", "nl"));
  }

  @Test
  void englishStopWordsAreRemovedIncludingContractions() {
    assertEquals(List.of("bill", "high", "sure", "wrong"), analyzer.stem("Why is my bill so high? I'm sure it's wrong", "en"));
  }

  @Test
  void negationsAreKeptBecauseTheyDecideWhatATextSays() {
    assertEquals(List.of("niet", "tevred"), analyzer.stem("ik ben niet tevreden", "nl"));
    // Snowball's Dutch stemmer undoubles vowels: geen → gen, stroom → strom.
    assertEquals(List.of("gen", "strom"), analyzer.stem("geen stroom", "nl"));
    assertEquals(List.of("not", "happi"), analyzer.stem("I am not happy", "en"));
    assertEquals(List.of("dont", "work"), analyzer.stem("it don't work", "en"));
  }

  @Test
  void extraStopWordsAreRemovedAsPeopleWriteThem() {
    assertEquals(List.of("klantenservic", "slecht"), analyzer.stem("Zonnewijs' klantenservice is slecht", "nl"));
    assertEquals(List.of("klantenservic"), analyzer.stem("ZONNEWIJS's klantenservice", "nl"));
    assertEquals(List.of("zonnewijs", "klantenservic"), new TextAnalyzer(List.of()).stem("zonnewijs klantenservice", "nl"));
  }

  @Test
  void aNameOfSeveralWordsIsRemovedOnlyWhereItsWordsStandTogether() {
    assertEquals(List.of("dur"), analyzer.stem("Groene Stroom is te duur", "nl"));
    assertEquals(List.of("groene", "energie", "stroom", "duur"), analyzer.stem("groene energie en stroom zijn duur", "other"));
  }

  @Test
  void otherAndUnknownTextLosesBothStopListsButIsNotStemmed() {
    assertEquals(List.of("facturen", "invoices"), analyzer.stem("de facturen and the invoices", "other"));
    assertEquals(List.of("facturen"), analyzer.stem("facturen", "unknown"));
    AnalyzedText german = analyzer.analyze("Ich bin sehr enttäuscht, die App funktioniert nicht");
    assertEquals("other", german.language());
    assertTrue(german.tokens().contains("funktioniert"));
  }

  @Test
  void nullEmptyAndEmojiOnlyTextIsUnknownWithoutTokens() {
    assertEquals(new AnalyzedText("unknown", "", List.of(), List.of()), analyzer.analyze(null));
    assertEquals(new AnalyzedText("unknown", "", List.of(), List.of()), analyzer.analyze("  "));
    assertEquals(new AnalyzedText("unknown", "", List.of(), List.of("👍")), analyzer.analyze("👍🏼"));
    assertEquals(List.of("2024"), analyzer.analyze("2024").tokens());
  }

  @Test
  void resultsAreImmutable() {
    AnalyzedText result = analyzer.analyze("app crasht na update");
    try {
      result.tokens().add("x");
    } catch (UnsupportedOperationException expected) {
      return;
    }
    throw new AssertionError("tokens can be changed");
  }

  @Test
  void analysingFromSeveralThreadsAtOnceGivesTheSameResultsAsOneThread() throws Exception {
    List<String> texts = new ArrayList<>();
    for (LanguageDetectorTest.Sample sample : LanguageDetectorTest.samples()) {
      texts.add(sample.text());
    }
    List<AnalyzedText> expected = texts.stream().map(analyzer::analyze).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<AnalyzedText>>> runs = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        runs.add(pool.submit(() -> {
          List<AnalyzedText> results = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            results = texts.stream().map(analyzer::analyze).toList();
          }
          return results;
        }));
      }
      for (Future<List<AnalyzedText>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRepeatedTextGetsTheAnalysisItGotTheFirstTimeAlsoAfterTheCacheFilledUp() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < TextAnalyzer.CACHED_TEXTS + 50; i++) {
      texts.add(i % 2 == 0 ? "mijn factuur nummer " + i + " is veel te hoog" : "my invoice number " + i + " is far too high");
    }
    texts.add("de app crasht na de update, ".repeat(20));
    List<AnalyzedText> first = texts.stream().map(analyzer::analyze).toList();
    for (int round = 0; round < 2; round++) {
      assertEquals(first, texts.stream().map(analyzer::analyze).toList());
    }
    TextAnalyzer fresh = new TextAnalyzer(List.of("Zonnewijs", "Groene Stroom"));
    for (int i = 0; i < texts.size(); i += 97) {
      assertEquals(fresh.analyze(texts.get(i)), first.get(i), texts.get(i));
    }
    assertEquals("nl", first.get(0).language());
    assertEquals("en", first.get(1).language());
  }

  @Test
  void anAnalyzerSerialisesAsItsExtraStopWordsAndWorksAfterwards() throws Exception {
    analyzer.analyze("Zonnewijs stuurt weer facturen");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(analyzer);
    }
    assertTrue(bytes.size() < 1_000, "serialised size " + bytes.size());
    TextAnalyzer copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TextAnalyzer) in.readObject();
    }
    assertEquals(analyzer.analyze("Zonnewijs stuurt weer facturen"), copy.analyze("Zonnewijs stuurt weer facturen"));
    assertFalse(copy.analyze("Zonnewijs stuurt weer facturen").tokens().contains("zonnewijs"));
  }
}
