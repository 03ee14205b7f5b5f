package io.luister.jobs.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The text-sentiment model shipped with the project ({@code /sentiment/text-model.tsv.gz}), trained outside the
 * run on openly licensed real corpora by {@code bin/lib/train_text_sentiment.py} (which also evaluates it; the
 * figures are in docs/SENTIMENT.md). A multinomial logistic regression over
 *
 * <ul>
 *   <li>binary terms of the item's words ({@link LexiconScorer#words}): words ({@code "w good"}), word bigrams
 *       ({@code "b not good"}) and character 3–5-grams inside each word padded with spaces ({@code "c goo"}),
 *       each weighted by its IDF, the vector L2-normalised;</li>
 *   <li>three features of the shipped lexicons' reading ({@link LexiconReading} with the item's language):
 *       max(compound, 0), max(−compound, 0) and "no sentiment word". They carry the model over to Dutch, of
 *       which no openly licensed labelled corpus was found.</li>
 * </ul>
 *
 * <p>Scored here without Python, one call per item; the file is read once per JVM and travels to Spark's tasks
 * as a name, as the lexicons do. {@code TextModelTest} checks that this gives the Python model's probabilities.
 */
public final class TextModel implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String RESOURCE = "/sentiment/text-model.tsv.gz";
  private static final int[] CHAR_GRAMS = {3, 4, 5};

  private final String version;
  private final Map<String, Integer> terms;
  private final double[] idf;
  /** weights[class][term]. */
  private final double[][] weights;
  /** dense[class][feature]: lexicon positive, lexicon negative, no sentiment word. */
  private final double[][] dense;
  private final double[] intercept;

  private TextModel(String version, Map<String, Integer> terms, double[] idf, double[][] weights, double[][] dense,
      double[] intercept) {
    this.version = version;
    this.terms = terms;
    this.idf = idf;
    this.weights = weights;
    this.dense = dense;
    this.intercept = intercept;
  }

  /** The shipped model (read once per JVM). */
  public static TextModel shipped() {
    return Holder.SHIPPED;
  }

  private static final class Holder {
    static final TextModel SHIPPED = load();

    static {
      org.slf4j.LoggerFactory.getLogger(TextModel.class).info("sentiment: text model {} ({} terms)", SHIPPED.version,
          SHIPPED.terms.size());
    }
  }

  private Object writeReplace() {
    return this == Holder.SHIPPED ? new Shipped() : this;
  }

  private record Shipped() implements Serializable {
    private Object readResolve() {
      return shipped();
    }
  }

  private static TextModel load() {
    Map<String, Integer> terms = new HashMap<>(1 << 18);
    List<double[]> termRows = new java.util.ArrayList<>();
    double[][] dense = new double[3][3];
    double[] intercept = new double[3];
    String version = "unknown";
    int denseSeen = 0;
    try (InputStream raw = TextModel.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          if (version.equals("unknown") && line.startsWith("# Luister text sentiment model ")) {
            version = line.substring("# Luister text sentiment model ".length()).split(":")[0];
          }
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "intercept" -> {
            for (int c = 0; c < 3; c++) {
              intercept[c] = Double.parseDouble(f[3 + c]);
            }
          }
          case "dense" -> {
            for (int c = 0; c < 3; c++) {
              dense[c][denseSeen] = Double.parseDouble(f[3 + c]);
            }
            denseSeen++;
          }
          case "term" -> {
            terms.put(f[1], termRows.size());
            termRows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5])});
          }
          default -> throw new IllegalStateException("unknown line kind " + f[0] + " in " + RESOURCE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (denseSeen != 3) {
      throw new IllegalStateException(RESOURCE + " has " + denseSeen + " dense features, expected 3");
    }
    int n = termRows.size();
    double[] idf = new double[n];
    double[][] weights = new double[3][n];
    for (int i = 0; i < n; i++) {
      double[] r = termRows.get(i);
      idf[i] = r[0];
      for (int c = 0; c < 3; c++) {
        weights[c][i] = r[1 + c];
      }
    }
    return new TextModel(version, terms, idf, weights, dense, intercept);
  }

  /** The model's terms of a word list (as the training script's {@code terms}). */
  static Set<String> termsOf(List<String> words) {
    Set<String> out = new HashSet<>(words.size() * 12);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      out.add("w " + w);
      if (i > 0) {
        out.add("b " + words.get(i - 1) + " " + w);
      }
      int[] cps = (" " + w + " ").codePoints().toArray();
      for (int n : CHAR_GRAMS) {
        for (int s = 0; s + n <= cps.length; s++) {
          out.add("c " + new String(cps, s, n));
        }
      }
    }
    return out;
  }

  /**
   * P(negative), P(neutral), P(positive) of an item's words.
   *
   * @param lexicon the item's lexicon reading (the dense features)
   */
  public double[] probabilities(List<String> words, LexiconReading lexicon) {
    double[] logits = intercept.clone();
    double norm2 = 0.0;
    double[] raw = new double[3];
    for (String t : termsOf(words)) {
      Integer i = terms.get(t);
      if (i != null) {
        double v = idf[i];
        norm2 += v * v;
        for (int c = 0; c < 3; c++) {
          raw[c] += v * weights[c][i];
        }
      }
    }
    double norm = norm2 > 0 ? Math.sqrt(norm2) : 1.0;
    double[] x = {Math.max(lexicon.score(), 0.0), Math.max(-lexicon.score(), 0.0), lexicon.hits() == 0 ? 1.0 : 0.0};
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      logits[c] += raw[c] / norm + dense[c][0] * x[0] + dense[c][1] * x[1] + dense[c][2] * x[2];
      max = Math.max(max, logits[c]);
    }
    double sum = 0.0;
    double[] p = new double[3];
    for (int c = 0; c < 3; c++) {
      p[c] = Math.exp(logits[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < 3; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
