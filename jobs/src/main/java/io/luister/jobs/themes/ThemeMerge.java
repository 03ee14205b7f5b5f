package io.luister.jobs.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Topic reduction after over-clustering: k-means is fitted once with more clusters than the corpus is expected to
 * have themes (so small themes get a cluster of their own instead of sharing one with a big theme), the clusters are
 * merged bottom-up, always the two whose mean directions are closest (centroid linkage on the unit feature vectors),
 * and the level of this hierarchy with the highest cosine silhouette is kept. The silhouette of every level is exact
 * and cheap: for unit vectors the mean cosine distance of an item x to a group G is 1 − x·S_G/|G|, with S_G the sum
 * of G's vectors, and x·S_G is the sum of x·S_c over G's clusters c, so one matrix of item × cluster dot products
 * (bounded: at most {@link ThemeModel#MAX_SILHOUETTE_ROWS} items × k clusters) serves every level. Pure Java on
 * bounded summaries.
 */
public final class ThemeMerge {
  private ThemeMerge() {}

  /** The kept level: cluster → theme mapping (themes numbered by their smallest cluster), its silhouette per level. */
  public record Result(int[] mapping, int themes, double silhouette, List<double[]> levels) {}

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
    int k = sums.length;
    java.util.BitSet[] held = new java.util.BitSet[k];
    for (int c = 0; c < k; c++) {
      held[c] = new java.util.BitSet();
      if (categories != null) {
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
    int[] bestGroup = group.clone();
    double best = silhouette(group, groupSizes, dots, own, k);
    levels.add(new double[] {groups, best});
    int floor = Math.max(2, minThemes);
    while (groups > floor) {
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
      if (ba < 0) {
        break; // every pair left would join two leaves of one category
      }
      held[ba].or(held[bb]);
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
      for (int o = 0; o < k; o++) {
        if (alive[o] && o != ba) {
          double s = cosine(groupSums[ba], groupSums[o]);
          sim[Math.min(ba, o)][Math.max(ba, o)] = s;
        }
      }
      groups--;
      double s = silhouette(group, groupSizes, dots, own, k);
      levels.add(new double[] {groups, s});
      if (s > best) {
        best = s;
        bestGroup = group.clone();
      }
    }
    int[] mapping = number(bestGroup);
    return new Result(mapping, themes(mapping), best, levels);
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
