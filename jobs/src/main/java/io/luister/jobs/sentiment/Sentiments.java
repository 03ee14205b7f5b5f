package io.luister.jobs.sentiment;

import java.util.List;

/** The three sentiment classes and the names of the methods that assign them. */
public final class Sentiments {
  public static final String NEGATIVE = "negative";
  public static final String NEUTRAL = "neutral";
  public static final String POSITIVE = "positive";
  public static final List<String> CLASSES = List.of(NEGATIVE, NEUTRAL, POSITIVE);

  /** The item's own survey score or review rating. */
  public static final String BY_SCORE = "score";
  /** The classifier trained in the run on self-labelled items. */
  public static final String BY_MODEL = "model";
  /** The lexicon scorer. */
  public static final String BY_LEXICON = "lexicon";

  private Sentiments() {}
}
