package io.luister.jobs.themes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code stability} criterion for the number of themes (docs/THEMES.md, tenth round): a level of the merge
 * hierarchy is worth keeping when the same procedure run on two disjoint halves of the fit sample cuts the corpus the
 * same way at that many themes. Each half is over-clustered and merged on its own; every evaluated item is assigned
 * by both halves' models, and at each number of themes the two partitions are compared by the adjusted Rand index
 * (Hubert and Arabie 1985: 0 for partitions that agree as often as chance, 1 for identical ones). This is the
 * resampling idea of Ben-Hur, Elisseeff and Guyon (2002) and Lange, Roth, Braun and Buhmann (2004). Pure Java on
 * bounded summaries: the assignments of at most {@link ThemeCount#MAX_SILHOUETTE_ROWS} items.
 */
final class ThemeStability {
  private ThemeStability() {}

  /**
   * The adjusted Rand index of two partitions of the same items ({@code a[i]}, {@code b[i]}: item i's group in
   * each). 1 when both put every item in one group (or every item alone): nothing to disagree about.
   */
  static double adjustedRand(int[] a, int[] b) {
    Contingency t = Contingency.of(a, b);
    double index = t.cells().values().stream().mapToDouble(ThemeStability::pairs).sum();
    double sumRows = t.rows().values().stream().mapToDouble(ThemeStability::pairs).sum();
    double sumColumns = t.columns().values().stream().mapToDouble(ThemeStability::pairs).sum();
    double all = pairs(a.length);
    if (all == 0) {
      return 1;
    }
    double expected = sumRows * sumColumns / all;
    double max = (sumRows + sumColumns) / 2;
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  /**
   * The contingency table of two partitions of the same items: items per (group of a, group of b) cell, keyed {@code
   * a << 32 | b}, and per group of each.
   */
  private record Contingency(Map<Long, Long> cells, Map<Integer, Long> rows, Map<Integer, Long> columns) {
    static Contingency of(int[] a, int[] b) {
      if (a.length != b.length) {
        throw new IllegalArgumentException("partitions of different lengths: " + a.length + " and " + b.length);
      }
      Contingency t = new Contingency(new HashMap<>(), new HashMap<>(), new HashMap<>());
      for (int i = 0; i < a.length; i++) {
        t.cells().merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
        t.rows().merge(a[i], 1L, Long::sum);
        t.columns().merge(b[i], 1L, Long::sum);
      }
      return t;
    }
  }

  /**
   * The mean best-match Jaccard of two partitions of the same items: for every group of one partition, the Jaccard
   * index of its items with the most similar group of the other, averaged over the groups of both (each group counts
   * once, whatever its size). Unlike the adjusted Rand index, which counts pairs of items and so is dominated by the
   * largest groups, it asks whether each theme comes back. 1 for identical partitions.
   */
  static double meanBestJaccard(int[] a, int[] b) {
    Contingency t = Contingency.of(a, b);
    Map<Integer, Double> bestRow = new HashMap<>();
    Map<Integer, Double> bestColumn = new HashMap<>();
    t.cells().forEach((cell, both) -> {
      int r = (int) (cell >> 32);
      int c = (int) (long) cell;
      double jaccard = both / (double) (t.rows().get(r) + t.columns().get(c) - both);
      bestRow.merge(r, jaccard, Math::max);
      bestColumn.merge(c, jaccard, Math::max);
    });
    if (t.rows().isEmpty()) {
      return 1;
    }
    double meanRows = bestRow.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double meanColumns = bestColumn.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return (meanRows + meanColumns) / 2;
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  /** The index of the hierarchy's level with exactly {@code groups} groups, or −1. */
  static int levelWith(ThemeMerge.Hierarchy h, int groups) {
    for (int l = 0; l < h.levels().size(); l++) {
      if ((int) h.levels().get(l)[0] == groups) {
        return l;
      }
    }
    return -1;
  }

  /** Each item's group at level {@code level}, from its over-clustering cluster {@code clusters[i]}. */
  static int[] partition(ThemeMerge.Hierarchy h, int level, int[] clusters) {
    int[] group = h.groups().get(level);
    return Arrays.stream(clusters).map(c -> group[c]).toArray();
  }

  /**
   * The agreement of two hierarchies, fitted on two halves, at every number of groups from {@code minGroups} to
   * {@code maxGroups}: {@code out[m]} is the {@code measure} ({@link #adjustedRand}, {@link #meanBestJaccard}) of their
   * partitions of the evaluated items at m
   * groups (NaN where either hierarchy has no such level, e.g. a category constraint stopped its merge earlier).
   *
   * @param clustersA per evaluated item, its cluster in half A's over-clustering
   * @param clustersB per evaluated item, its cluster in half B's over-clustering
   */
  static double[] agreement(ThemeMerge.Hierarchy a, int[] clustersA, ThemeMerge.Hierarchy b, int[] clustersB,
      int minGroups, int maxGroups, java.util.function.ToDoubleBiFunction<int[], int[]> measure) {
    double[] out = new double[maxGroups + 1];
    Arrays.fill(out, Double.NaN);
    for (int m = Math.max(1, minGroups); m <= maxGroups; m++) {
      int la = levelWith(a, m);
      int lb = levelWith(b, m);
      if (la >= 0 && lb >= 0) {
        out[m] = measure.applyAsDouble(partition(a, la, clustersA), partition(b, lb, clustersB));
      }
    }
    return out;
  }

  /**
   * The number of groups to keep: the largest m whose agreement is at least {@code tolerance} × the best agreement
   * over the range (with {@code tolerance} 1, the most stable m, the finer one on a tie). −1 when no m was measured.
   */
  static int choose(double[] agreement, double tolerance) {
    double best = Double.NEGATIVE_INFINITY;
    for (double x : agreement) {
      if (!Double.isNaN(x)) {
        best = Math.max(best, x);
      }
    }
    if (best == Double.NEGATIVE_INFINITY) {
      return -1;
    }
    // min: with a negative best (no level agrees beyond chance) the most stable one is still kept.
    double bar = Math.min(best, tolerance * best) - 1e-12;
    for (int m = agreement.length - 1; m >= 0; m--) {
      if (!Double.isNaN(agreement[m]) && agreement[m] >= bar) {
        return m;
      }
    }
    return -1;
  }
}
