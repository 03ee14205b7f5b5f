package io.luister.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lexicon reading's rules on a four-word lexicon, with the expected compound scores worked out by hand. */
class LexiconReadingTest {
  private static final SentimentLexicon.Language LEXICON = new SentimentLexicon.Language(
      Map.of("good", 2.0, "bad", -2.0, "super", 1.0), Set.of("not"), Map.of("very", 0.5, "super", 0.25), Set.of("but"));

  private static LexiconReading read(String text) {
    return LexiconReading.of(text.isEmpty() ? java.util.List.of() : Arrays.asList(text.split(" ")), LEXICON);
  }

  private static double compound(double sum) {
    return sum / Math.sqrt(sum * sum + LexiconScorer.ALPHA);
  }

  @Test
  void sumsValencesWithBoostsAndNegationWithinThreeWords() {
    assertEquals(new LexiconReading(compound(2.0 - 2.0), 2), read("good and bad"));
    assertEquals(new LexiconReading(compound(2.5), 1), read("very good"));
    assertEquals(new LexiconReading(compound(-2.5), 1), read("very bad"), "a boost strengthens a negative word too");
    assertEquals(new LexiconReading(compound(2.0 * LexiconScorer.NEGATION), 1), read("not a b good"));
    assertEquals(new LexiconReading(compound(2.0), 1), read("not a b c good"), "four words back is out of scope");
    assertEquals(new LexiconReading(compound(-2.0 * LexiconScorer.NEGATION), 1), read("wasn't bad"));
  }

  @Test
  void theClauseAfterTheLastNewContrastWeighsMore() {
    assertEquals(new LexiconReading(compound(2.0 * 0.5 + -2.0 * 1.5), 2), read("good but bad"));
    // "but" stands at 1 and again at 3: its first occurrence is the contrast point, so the "good" at 2 is after it.
    assertEquals(new LexiconReading(compound(2.0 * 0.5 + 2.0 * 1.5 + -2.0 * 1.5), 3), read("good but good but bad"));
  }

  @Test
  void aBoosterThatIsASentimentWordModifiesTheNextOneInsteadOfCounting() {
    assertEquals(new LexiconReading(compound(2.25), 2), read("super good"));
    assertEquals(new LexiconReading(compound(1.0), 1), read("super"), "alone it counts as a sentiment word");
    assertEquals(new LexiconReading(compound(1.0 + 2.0), 2), read("super and good"));
  }

  @Test
  void noSentimentWordsReadsZero() {
    assertEquals(LexiconReading.NONE, read(""));
    assertEquals(LexiconReading.NONE, read("the meter was read"));
  }
}
