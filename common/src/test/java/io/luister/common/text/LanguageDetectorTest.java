package io.luister.common.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LanguageDetectorTest {

  /** A hand-written feedback text and the language a person reading it would say it is in. */
  record Sample(String expected, String text) {
    int wordCount() {
      return text.trim().split("\\s+").length;
    }
  }

  static List<Sample> samples() throws IOException {
    try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/text/language-samples.tsv")) {
      List<Sample> samples = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\t", 2);
          samples.add(new Sample(parts[0], parts[1]));
        }
      }
      return samples;
    }
  }

  @Test
  void tellsDutchFromEnglishInShortFeedbackAtLeastNineTimesInTen() throws IOException {
    List<Sample> dutchAndEnglish = samples().stream()
        .filter(s -> s.expected().equals("nl") || s.expected().equals("en"))
        .filter(s -> s.wordCount() >= 3)
        .toList();
    assertTrue(dutchAndEnglish.size() >= 40, "too few samples: " + dutchAndEnglish.size());

    Map<String, Integer> confusions = new TreeMap<>();
    int correct = 0;
    for (Sample sample : dutchAndEnglish) {
      String detected = LanguageDetector.detect(sample.text());
      if (detected.equals(sample.expected())) {
        correct++;
      } else {
        confusions.merge(sample.expected() + " → " + detected + ": " + sample.text(), 1, Integer::sum);
      }
    }
    double accuracy = correct / (double) dutchAndEnglish.size();
    System.out.printf("Language detection: %d of %d correct (%.3f)%n", correct, dutchAndEnglish.size(), accuracy);
    confusions.keySet().forEach(c -> System.out.println("  confused " + c));
    assertTrue(accuracy >= 0.9, "accuracy " + accuracy + ", confusions " + confusions.keySet());
  }

  @Test
  void mixedDutchAndEnglishTextGetsItsDominantLanguage() {
    assertAll(
        expect("nl", "de app crasht steeds na de laatste update, really annoying"),
        expect("nl", "ik heb mijn invoice nog steeds niet ontvangen, very disappointing"),
        expect("en", "the storing is still not fixed, I have been waiting all day"),
        expect("en", "customer says the jaarafrekening is wrong and wants a callback"));
  }

  @Test
  void germanFrenchAndSpanishAreOther() {
    assertAll(
        expect("other", "Ich bin sehr enttäuscht, die App funktioniert seit gestern nicht"),
        expect("other", "Je suis très déçu, personne ne répond au téléphone"),
        expect("other", "La aplicación no funciona desde ayer, muy mal servicio"),
        expect("other", "kein Strom seit heute morgen"));
  }

  @Test
  void dutchWordsThatLinguaScoresAsAnotherLanguageStayDutch() {
    assertAll(expect("nl", "bedankt"), expect("nl", "klantenservice"), expect("nl", "Geïnteresseerd in zonnepanelen"));
  }

  @Test
  void emojiNumbersAndTooFewLettersAreUnknown() {
    assertAll(
        expect("unknown", "😡😡😡"),
        expect("unknown", "👍🏽"),
        expect("unknown", "12345"),
        expect("unknown", "€ 40,00 ?!"),
        expect("unknown", "ok"),
        expect("unknown", "@Zonnewijs [email] https://zonnewijs.nl"),
        expect("unknown", ""),
        expect("unknown", null));
  }

  private static Executable expect(String language, String text) {
    return () -> assertEquals(language, LanguageDetector.detect(text), text);
  }

  @Test
  void shortEnglishWithoutStopWordsIsNotDutch() {
    assertEquals(LanguageDetector.ENGLISH, LanguageDetector.detect("Fast reimbursement"));
    assertEquals(LanguageDetector.ENGLISH, LanguageDetector.detect("Horrible phone."));
    assertEquals(LanguageDetector.DUTCH, LanguageDetector.detect("Snelle terugbetaling"));
    assertEquals(LanguageDetector.DUTCH, LanguageDetector.detect("Lange wachttijd."));
  }
}
