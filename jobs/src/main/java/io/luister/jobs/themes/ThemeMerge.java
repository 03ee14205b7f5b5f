package io.luister.jobs.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Topic reduction after over-clustering: k-means is fitted once with more clusters than the corpus is expected to
 * have themes (so small themes get a cluster of their own instead of sharing one with a big theme), the clusters are
 * merged bottom-up, always the two most alike (average linkage of their clusters' cosines by default, see
 * {@link #hierarchy}), and the level of this hierarchy with the highest cosine silhouette is kept (by default among
 * the levels without a near-duplicate pair: {@link #nearDuplicateLevel}). The silhouette of every level is exact
 * and cheap: for unit vectors the mean cosine distance of an item x to a group G is 1 − x·S_G/|G|, with S_G the sum
 * of G's vectors, and x·S_G is the sum of x·S_c over G's clusters c, so one matrix of item × cluster dot products
 * (bounded: at most {@link ThemeCount#MAX_SILHOUETTE_ROWS} items × k clusters) serves every level. Pure Java on
 * bounded summaries.
 */
public final class ThemeMerge {
  private ThemeMerge() {}

  /**
   * The kept level: cluster → theme mapping (themes numbered by their smallest cluster; the "various" rest, if any,
   * last), the number of themes (the rest included), the kept level's silhouette, and per level {groups, silhouette,
   * cosine of its closest pair of groups}; {@code rest} is the rest theme's index or −1.
   */
  public record Result(int[] mapping, int themes, double silhouette, List<double[]> levels, int rest) {
    public Result(int[] mapping, int themes, double silhouette, List<double[]> levels) {
      this(mapping, themes, silhouette, levels, -1);
    }
  }

  /**
   * @param sums per cluster, the sum of its members' unit feature vectors (dense)
   * @param sizes per cluster, its number of members
   * @param dots per evaluated item, its dot product with every cluster's sum ({@code sums})
   * @param own per evaluated item, its cluster
   * @param minThemes levels with fewer groups are not considered (at least 2)
   * @return the level with the highest silhouette (ties: more themes, the earlier level)
   */
  public static Result reduce(double[][] sums, long[] sizes, double[][] dots, int[] own, int minThemes) {
    return reduce(sums, sizes, dots, own, minThemes, null);
  }

  /**
   * As {@link #reduce(double[][], long[], double[][], int[], int)}, with a cannot-link constraint: {@code
   * categories[c]} is cluster c's category group, and two groups that hold clusters of one category are never merged.
   * Category-first bisection ({@link ThemeBisection}) split a category only where its words differ, so merging must
   * not join those leaves again (by the silhouette it would: two leaves of one category sharing a word, such as "app"
   * in the app's login and crash leaves, are each other's nearest neighbours); it may still join leaves of different
   * categories that the category split apart but whose words are alike. Null: no constraint.
   */
  public static Result reduce(double[][] sums, long[] sizes, double[][] dots, int[] own, int minThemes,
      int[] categories) {
    Hierarchy h = hierarchy(sums, sizes, dots, own, minThemes, categories, false);
    int best = 0;
    for (int l = 1; l < h.levels().size(); l++) {
      if (h.levels().get(l)[1] > h.levels().get(best)[1]) {
        best = l;
      }
    }
    int[] mapping = number(h.groups().get(best));
    return new Result(mapping, themes(mapping), h.levels().get(best)[1], h.levels());
  }

  /**
   * The merge with the two bars of docs/THEMES.md ("Number of themes"): the level kept is the one with the best
   * silhouette among the levels whose closest two themes (that may still be merged) have a cosine below {@code
   * duplicateSimilarity} (the near-duplicate bar: {@link #nearDuplicateBar}, relative to the corpus by default), i.e.
   * without near-duplicates (on short texts the silhouette rises with k, so in practice the first such level); the
   * last level when none is. Then every theme with fewer than {@code minThemeShare} of the
   * clustered items joins one "various" rest theme (numbered last), unless that would leave no other theme.
   */
  public static Result reduce(double[][] sums, long[] sizes, double[][] dots, int[] own, int minThemes,
      int[] categories, double duplicateSimilarity, double minThemeShare) {
    Hierarchy h = hierarchy(sums, sizes, dots, own, minThemes, categories, true);
    return withRest(h, nearDuplicateLevel(h, duplicateSimilarity), sizes, minThemeShare);
  }

  /**
   * The level the near-duplicate bar keeps: the best silhouette among the levels whose closest two themes (that may
   * still be merged) have a cosine below {@code bar}; the last level when none is.
   */
  static int nearDuplicateLevel(Hierarchy h, double bar) {
    int chosen = -1;
    for (int l = 0; l < h.levels().size(); l++) {
      double[] level = h.levels().get(l);
      if (level[2] < bar && (chosen < 0 || level[1] > h.levels().get(chosen)[1])) {
        chosen = l;
      }
    }
    return chosen < 0 ? h.levels().size() - 1 : chosen;
  }

  /**
   * Level {@code chosen} of the hierarchy as themes, every theme with fewer than {@code minThemeShare} of the
   * clustered items (or {@link #MIN_THEME_ITEMS}) joined into one "various" rest theme (numbered last), unless that
   * would leave no other theme.
   */
  static Result withRest(Hierarchy h, int chosen, long[] sizes, double minThemeShare) {
    int[] mapping = number(h.groups().get(chosen));
    double silhouette = h.levels().get(chosen)[1];
    int themes = themes(mapping);
    long total = Arrays.stream(sizes).sum();
    long[] themeSizes = new long[themes];
    for (int c = 0; c < mapping.length; c++) {
      themeSizes[mapping[c]] += sizes[c];
    }
    boolean[] tiny = new boolean[themes];
    int tinyCount = 0;
    for (int t = 0; t < themes; t++) {
      tiny[t] = themeSizes[t] > 0 && minThemeShare > 0 && themeSizes[t] < Math.max(minThemeShare * total, MIN_THEME_ITEMS);
      tinyCount += tiny[t] ? 1 : 0;
    }
    if (tinyCount == 0 || tinyCount >= themes - 1) {
      return new Result(mapping, themes, silhouette, h.levels(), -1);
    }
    int[] renumber = new int[themes];
    int next = 0;
    for (int t = 0; t < themes; t++) {
      renumber[t] = tiny[t] ? -1 : next++;
    }
    int rest = next;
    int[] out = new int[mapping.length];
    for (int c = 0; c < mapping.length; c++) {
      out[c] = tiny[mapping[c]] ? rest : renumber[mapping[c]];
    }
    return new Result(out, rest + 1, silhouette, h.levels(), rest);
  }

  /**
   * Every level of the merge: {groups, silhouette, similarity of the closest mergeable pair, size of the largest
   * group}, and its grouping.
   */
  record Hierarchy(List<double[]> levels, List<int[]> groups) {}

  /**
   * A theme needs at least this many items (besides {@code min_theme_share} of the corpus) to be shown on its own:
   * fewer texts are anecdotes, not a theme (on 200 hotel reviews the merge left themes of 2–8 reviews).
   */
  static final int MIN_THEME_ITEMS = 10;

  /**
   * The merge hierarchy. With {@code average} the similarity of two groups is the size-weighted mean of the cosines
   * between their clusters' mean directions (average linkage), otherwise the cosine of the groups' summed vectors
   * (centroid linkage). Centroid linkage lets a growing group absorb everything: the mean of many unlike texts is a
   * generic direction ("flight · hours · not · get") that is close to every cluster, so on real corpora the merge
   * built one theme of half the items (7,132 of 14,419 airline tweets); the average of the clusters' own cosines
   * does not grow with the group.
   */
  static Hierarchy hierarchy(double[][] sums, long[] sizes, double[][] dots, int[] own, int minThemes,
      int[] categories, boolean average) {
    int k = sums.length;
    java.util.BitSet[] held = new java.util.BitSet[k];
    for (int c = 0; c < k; c++) {
      held[c] = new java.util.BitSet();
      // A negative group (unclassified leaves) carries no constraint: those were split by their words alone.
      if (categories != null && categories[c] >= 0) {
        held[c].set(categories[c]);
      }
    }
    int[] group = new int[k];
    for (int c = 0; c < k; c++) {
      group[c] = c;
    }
    double[][] groupSums = new double[k][];
    long[] groupSizes = sizes.clone();
    boolean[] alive = new boolean[k];
    for (int c = 0; c < k; c++) {
      groupSums[c] = sums[c].clone();
      alive[c] = sizes[c] > 0;
    }
    double[][] sim = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        sim[a][b] = cosine(groupSums[a], groupSums[b]);
      }
    }
    int groups = 0;
    for (boolean x : alive) {
      groups += x ? 1 : 0;
    }
    List<double[]> levels = new ArrayList<>();
    List<int[]> snapshots = new ArrayList<>();
    levels.add(new double[] {groups, silhouette(group, groupSizes, dots, own, k), Double.NEGATIVE_INFINITY,
        Arrays.stream(groupSizes).max().orElse(0)});
    snapshots.add(group.clone());
    int floor = Math.max(2, minThemes);
    while (true) {
      int ba = -1;
      int bb = -1;
      double top = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < k; a++) {
        if (!alive[a]) {
          continue;
        }
        for (int b = a + 1; b < k; b++) {
          // Strictly greater: ties keep the earliest pair, so the hierarchy is deterministic.
          if (alive[b] && sim[a][b] > top && !held[a].intersects(held[b])) {
            top = sim[a][b];
            ba = a;
            bb = b;
          }
        }
      }
      levels.get(levels.size() - 1)[2] = top;
      if (ba < 0 || groups <= floor) {
        break; // at the floor, or every pair left would join two leaves of one category
      }
      held[ba].or(held[bb]);
      if (average) {
        // Lance-Williams for average linkage: the merged group's similarity to o is the size-weighted mean.
        for (int o = 0; o < k; o++) {
          if (alive[o] && o != ba && o != bb) {
            double sa = sim[Math.min(ba, o)][Math.max(ba, o)];
            double sb = sim[Math.min(bb, o)][Math.max(bb, o)];
            sim[Math.min(ba, o)][Math.max(ba, o)] =
                (groupSizes[ba] * sa + groupSizes[bb] * sb) / (double) (groupSizes[ba] + groupSizes[bb]);
          }
        }
      }
      for (int j = 0; j < groupSums[ba].length; j++) {
        groupSums[ba][j] += groupSums[bb][j];
      }
      groupSizes[ba] += groupSizes[bb];
      groupSizes[bb] = 0;
      alive[bb] = false;
      for (int c = 0; c < k; c++) {
        if (group[c] == bb) {
          group[c] = ba;
        }
      }
      for (int o = 0; !average && o < k; o++) {
        if (alive[o] && o != ba) {
          double s = cosine(groupSums[ba], groupSums[o]);
          sim[Math.min(ba, o)][Math.max(ba, o)] = s;
        }
      }
      groups--;
      levels.add(new double[] {groups, silhouette(group, groupSizes, dots, own, k), Double.NEGATIVE_INFINITY,
          Arrays.stream(groupSizes).max().orElse(0)});
      snapshots.add(group.clone());
    }
    return new Hierarchy(levels, snapshots);
  }

  /**
   * Mean cosine silhouette of the items when clusters are grouped by {@code group} (group id = a cluster index),
   * with a(x) = 1 − x·S_own/|own| and b(x) the smallest such distance to another group, as Spark's
   * ClusteringEvaluator computes it for cosine distance. Items alone in their group score 0.
   */
  static double silhouette(int[] group, long[] groupSizes, double[][] dots, int[] own, int k) {
    if (dots.length == 0) {
      return 0;
    }
    double total = 0;
    double[] toGroup = new double[k];
    for (int i = 0; i < dots.length; i++) {
      Arrays.fill(toGroup, 0);
      for (int c = 0; c < k; c++) {
        toGroup[group[c]] += dots[i][c];
      }
      int g = group[own[i]];
      if (groupSizes[g] <= 1) {
        continue;
      }
      double a = 1 - toGroup[g] / groupSizes[g];
      double b = Double.POSITIVE_INFINITY;
      for (int h = 0; h < k; h++) {
        if (h != g && groupSizes[h] > 0 && group[h] == h) {
          b = Math.min(b, 1 - toGroup[h] / groupSizes[h]);
        }
      }
      if (b == Double.POSITIVE_INFINITY) {
        continue;
      }
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return total / dots.length;
  }

  /**
   * The near-duplicate bar relative to the corpus (docs/THEMES.md, ninth round): the mean plus {@code deviations}
   * standard deviations of the cosines between the mean directions of every two non-empty clusters of the
   * over-clustering. A fixed cosine depends on text length: long reviews share so many words that their clusters'
   * directions are all alike (0.4–0.8 on clothing reviews), short tweets share few (0–0.3), so one bar merged the
   * reviews down to {@code k_min} and left the samples at {@code k_max}. Measured against the corpus' own spread of
   * cluster similarities, a near-duplicate is a pair much closer than this corpus' clusters usually are. Returns
   * {@code {mean, standard deviation, bar}}; with fewer than two clusters the bar is +∞ (nothing to merge).
   */
  static double[] relativeBar(double[][] sums, long[] sizes, double deviations) {
    double sum = 0;
    double squares = 0;
    long pairs = 0;
    for (int a = 0; a < sums.length; a++) {
      for (int b = a + 1; b < sums.length; b++) {
        if (sizes[a] > 0 && sizes[b] > 0) {
          double s = cosine(sums[a], sums[b]);
          sum += s;
          squares += s * s;
          pairs++;
        }
      }
    }
    if (pairs == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY};
    }
    double mean = sum / pairs;
    double sd = Math.sqrt(Math.max(0, squares / pairs - mean * mean));
    // A pair merely as close as every other pair (sd 0: all clusters equally alike) is no near-duplicate; the
    // margin keeps rounding in the sums from making it one.
    return new double[] {mean, sd, mean + deviations * sd + 1e-9};
  }

  /**
   * The bar {@link #reduce(double[][], long[], double[][], int[], int, int[], double, double)} merges above: when
   * {@code deviations} > 0 the higher of the fixed cosine {@code fixed} and the bar relative to the corpus ({@link
   * #relativeBar}), else {@code fixed}. The relative bar lifts the cut where every cluster is alike (long reviews);
   * the fixed one stays its floor, because on short texts whose clusters share almost nothing the relative bar falls
   * to cosines no reader would call duplicates (0.08 on the samples, where it merged the smart-meter theme into the
   * meter readings and failed four planted themes: docs/THEMES.md, ninth round).
   */
  static double nearDuplicateBar(double[][] sums, long[] sizes, double fixed, double deviations) {
    return deviations > 0 ? Math.max(fixed, relativeBar(sums, sizes, deviations)[2]) : fixed;
  }

  static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * b[j];
      na += a[j] * a[j];
      nb += b[j] * b[j];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** Group ids (a member cluster's index) → 0..m-1 in the order of each group's smallest cluster. */
  static int[] number(int[] group) {
    int[] out = new int[group.length];
    int[] seen = new int[group.length];
    Arrays.fill(seen, -1);
    int next = 0;
    for (int c = 0; c < group.length; c++) {
      if (seen[group[c]] < 0) {
        seen[group[c]] = next++;
      }
      out[c] = seen[group[c]];
    }
    return out;
  }

  /** How many themes a mapping has. */
  static int themes(int[] mapping) {
    return Arrays.stream(mapping).max().orElse(-1) + 1;
  }
}
