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
  /** The text model shipped with the project ({@link TextModel}), trained on openly licensed real corpora. */
  public static final String BY_TEXT_MODEL = "text_model";
  /** The classifier trained in the run on self-labelled items ({@link SentimentModel}). */
  public static final String BY_SELF_TRAINED = "self_trained";
  /** The mean of the shipped text model's and the self-trained classifier's probabilities. */
  public static final String BY_COMBINED = "text_model+self_trained";
  /** The lexicon scorer (without a text model, or for an item without a single word). */
  public static final String BY_LEXICON = "lexicon";

  private Sentiments() {}
}
