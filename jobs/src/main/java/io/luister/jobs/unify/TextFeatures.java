package io.luister.jobs.unify;

import io.luister.common.config.BrandConfig;
import io.luister.common.config.ProgramConfig;
import io.luister.common.text.TextAnalysisColumns;
import io.luister.common.text.TextAnalyzer;
import io.luister.common.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The program's text analysis (common/text) as the unify stage uses it: brand and competitor names are
 * extra stop words, so "Zonnewijs" or "Stroomlijn" never decide a category or a theme.
 */
public final class TextFeatures {
  private final List<String> extraStopWords;
  private final TextAnalyzer analyzer;

  public TextFeatures(List<String> extraStopWords) {
    this.extraStopWords = List.copyOf(extraStopWords);
    this.analyzer = new TextAnalyzer(this.extraStopWords);
  }

  public static TextFeatures forProgram(ProgramConfig config) {
    List<String> words = new ArrayList<>();
    for (BrandConfig b : config.allBrands()) {
      words.add(b.name());
      b.aliases().forEach(a -> words.add(a.startsWith("@") ? a.substring(1) : a));
      words.addAll(b.normalisedAccounts());
    }
    return new TextFeatures(words);
  }

  public List<String> extraStopWords() {
    return extraStopWords;
  }

  /** struct&lt;language, normalized, tokens, emoji&gt; per row. */
  public Column analyze(Column text) {
    return TextAnalysisColumns.analyze(text, extraStopWords);
  }

  public List<String> stem(String phrase, String language) {
    return analyzer.stem(phrase, language);
  }

  public String normalize(String phrase) {
    return TextNormalizer.normalize(phrase).text();
  }
}
