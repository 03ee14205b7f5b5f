package io.luister.jobs.unify;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.taxonomy.Category;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phrase lookup on its own, without Spark: which phrases match, and how they are counted. */
class PhraseRulesTest {

  private static Category category(String id, Map<String, List<String>> include, Map<String, List<String>> exclude) {
    return new Category(id, Map.of("en", id), "", null, Map.of(), include, exclude);
  }

  /** Stems by cutting a trailing "s": enough to tell the stemmed word list from the plain one. */
  private static List<String> cutPlural(String phrase, String language) {
    return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split(" ")).map(w -> w.replaceAll("s$", "")).toList();
  }

  private static final PhraseRules RULES = PhraseRules.compile(List.of(
          category("meter", Map.of("en", List.of("smart meter", "meter reading"), "nl", List.of("slimme meter")),
              Map.of("en", List.of("meter maid"))),
          category("rest", Map.of(), Map.of("en", List.of("meter"))),
          category("moving", Map.of("en", List.of("moving house", "new address", "meter")), Map.of())),
      PhraseRulesTest::cutPlural, s -> s.toLowerCase(Locale.ROOT));

  private static PhraseRules.Best best(String stemmed, String plain) {
    return RULES.best(Arrays.asList(stemmed.split(" ")), Arrays.asList(plain.split(" ")));
  }

  @Test
  void countsEachMatchingPhraseOnceByEitherWordList() {
    // "smart meter" matches both lists and counts once; "meter reading" matches the stemmed list only.
    assertEquals(new PhraseRules.Best("meter", 2), best("my smart meter reading", "my smart meter readings"));
    assertEquals(new PhraseRules.Best("meter", 1), best("the smart meter", "the smart meter smart meter"));
  }

  @Test
  void wordsMustStandTogetherAndWhole() {
    assertEquals(new PhraseRules.Best("moving", 1), best("smart new meter", "smart new meter"),
        "smart ... meter apart is no smart meter, so moving's meter is the only hit");
    assertEquals(new PhraseRules.Best(null, 0), best("smartmeter", "smartmeter"));
    assertEquals(new PhraseRules.Best(null, 0), best("", ""));
  }

  @Test
  void moreHitsWinTiesGoToTheFirstCategoryAndExcludesVeto() {
    assertEquals(new PhraseRules.Best("moving", 2), best("meter moving house", "meter moving house"));
    assertEquals(new PhraseRules.Best("meter", 1), best("smart meter at my new place", "smart meter at my new place"),
        "a tie between meter (smart meter) and moving (meter) goes to meter, listed first");
    assertEquals(new PhraseRules.Best("moving", 1), best("smart meter maid", "smart meter maid"),
        "meter maid vetoes meter; a category with only exclude phrases never wins");
  }

  @Test
  void aTaxonomyWithoutIncludePhrasesHasNoRules() {
    assertTrue(PhraseRules.compile(List.of(category("rest", Map.of(), Map.of("en", List.of("x")))),
        PhraseRulesTest::cutPlural, s -> s).isEmpty());
  }
}
