package io.luister.jobs.silences;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.special.Beta;

/**
 * The tests behind every silence, from Apache Commons Math (no hand-written distributions):
 *
 * <ul>
 *   <li>{@link #binomialLowerTail}: P(X ≤ x) for X ~ Binomial(n, p), exact via the regularized incomplete
 *       beta function, so it holds for counts beyond int range (page views);
 *   <li>{@link #rateRatioLowerTail}: the exact conditional test that a rate is lower than another: given
 *       x1 + x2 events, x1 ~ Binomial(x1 + x2, n1 / (n1 + n2)) when both rates are equal;
 *   <li>{@link #benjaminiHochberg}: q-values controlling the false discovery rate across all tests of a run.
 * </ul>
 */
public final class SilenceStatistics {
  private SilenceStatistics() {}

  /** P(X ≤ x) for X ~ Binomial(n, p). */
  public static double binomialLowerTail(double x, double n, double p) {
    if (x >= n || p <= 0) {
      return 1.0;
    }
    if (x < 0) {
      return 0.0;
    }
    if (p >= 1) {
      return 0.0;
    }
    // P(X <= x) = I_{1-p}(n - x, x + 1)
    return Beta.regularizedBeta(1 - p, n - Math.floor(x), Math.floor(x) + 1);
  }

  /**
   * One-sided p-value that rate 1 (x1 events in exposure n1) is lower than rate 2 (x2 in n2): the exact
   * conditional binomial test.
   */
  public static double rateRatioLowerTail(double x1, double n1, double x2, double n2) {
    if (n1 <= 0 || n2 <= 0) {
      return 1.0;
    }
    return binomialLowerTail(x1, x1 + x2, n1 / (n1 + n2));
  }

  /** Benjamini–Hochberg adjusted p-values (q-values), in the order of {@code p}. */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] q = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      q[i] = Math.min(1.0, running);
    }
    return q;
  }

  /**
   * How much a silence matters, for ordering: the size of the gap (1 − ratio) × the volume at stake
   * (log10 of 1 + the expected count) × the strength of evidence (−log10 q, capped at 5, over 5).
   * Zero for no gap; about 3 for a complete gap in a channel expecting ~1,000 items at q ≤ 1e-5.
   */
  public static double severity(double ratio, double expectedCount, double q) {
    double gap = Math.max(0, 1 - ratio);
    double volume = Math.log10(1 + Math.max(0, expectedCount));
    double evidence = Math.min(5, -Math.log10(Math.max(q, 1e-300))) / 5;
    return Math.round(gap * volume * evidence * 100) / 100.0;
  }
}
