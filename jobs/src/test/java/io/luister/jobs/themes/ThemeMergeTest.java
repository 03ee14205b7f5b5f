package io.luister.jobs.themes;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.config.ThemeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Topic reduction on hand-made clusters of unit vectors whose right grouping is known (pure Java, no Spark):
 * six k-means clusters that are two fragments each of three themes.
 */
class ThemeMergeTest {
  static final int DIM = 6;

  /** Cluster c's items: unit vectors near theme (c / 2)'s direction, the two fragments of a theme slightly apart. */
  static List<double[]> items(int cluster, int n) {
    List<double[]> out = new ArrayList<>();
    int theme = cluster / 2;
    for (int i = 0; i < n; i++) {
      double[] v = new double[DIM];
      v[2 * theme] = 1;
      v[2 * theme + 1] = (cluster % 2 == 0 ? 0.15 : 0.3) + 0.01 * i;
      double norm = Math.sqrt(v[2 * theme] * v[2 * theme] + v[2 * theme + 1] * v[2 * theme + 1]);
      v[2 * theme] /= norm;
      v[2 * theme + 1] /= norm;
      out.add(v);
    }
    return out;
  }

  /** Runs the reduction over clusters given in {@code order} (cluster position → which of the six it is). */
  static ThemeMerge.Result reduce(int[] order, int minThemes) {
    return reduce(order, minThemes, null);
  }

  static ThemeMerge.Result reduce(int[] order, int minThemes, int[] categories) {
    int k = order.length;
    double[][] sums = new double[k][DIM];
    long[] sizes = new long[k];
    List<double[]> all = new ArrayList<>();
    List<Integer> own = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      for (double[] v : items(order[c], 5 + order[c])) {
        for (int j = 0; j < DIM; j++) {
          sums[c][j] += v[j];
        }
        sizes[c]++;
        all.add(v);
        own.add(c);
      }
    }
    double[][] dots = new double[all.size()][k];
    for (int i = 0; i < all.size(); i++) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < DIM; j++) {
          dots[i][c] += all.get(i)[j] * sums[c][j];
        }
      }
    }
    return ThemeMerge.reduce(sums, sizes, dots, own.stream().mapToInt(Integer::intValue).toArray(), minThemes,
        categories);
  }

  @Test
  void fragmentsOfOneThemeAreMergedAndThemesStayApart() {
    ThemeMerge.Result r = reduce(new int[] {0, 1, 2, 3, 4, 5}, 2);
    int[] m = r.mapping();
    assertEquals(3, r.themes(), Arrays.toString(m));
    assertEquals(m[0], m[1]);
    assertEquals(m[2], m[3]);
    assertEquals(m[4], m[5]);
    assertNotEquals(m[0], m[2]);
    assertNotEquals(m[2], m[4]);
    // Themes are numbered 0..m-1 in the order of their smallest cluster.
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, m);
    // Every level from 6 groups down to the floor of 2 was scored, and the kept one scores highest.
    assertEquals(5, r.levels().size());
    assertTrue(r.levels().stream().allMatch(l -> l[1] <= r.silhouette()));
  }

  @Test
  void theGroupingDoesNotDependOnTheOrderOfTheClusters() {
    int[] order = {5, 2, 0, 3, 1, 4};
    int[] m = reduce(order, 2).mapping();
    for (int a = 0; a < order.length; a++) {
      for (int b = 0; b < order.length; b++) {
        assertEquals(order[a] / 2 == order[b] / 2, m[a] == m[b], "clusters " + order[a] + " and " + order[b]);
      }
    }
  }

  @Test
  void theFloorOfThemesIsKept() {
    ThemeMerge.Result r = reduce(new int[] {0, 1, 2, 3, 4, 5}, 5);
    assertTrue(r.themes() >= 5, Arrays.toString(r.mapping()));
    assertEquals(2, r.levels().size());
  }

  @Test
  void theSilhouetteOfThePlantedGroupingIsHigherThanOfAMixedOne() {
    ThemeMerge.Result r = reduce(new int[] {0, 1, 2, 3, 4, 5}, 2);
    assertTrue(r.silhouette() > 0.5, "silhouette " + r.silhouette());
  }

  /**
   * Leaves of one category are never joined again: the two fragments of theme 0 are in one category (bisection
   * split them), so they stay apart; theme 1's fragments are in different categories and are still merged; the merge
   * stops when only forbidden pairs are left.
   */
  @Test
  void leavesOfOneCategoryAreNotMergedAgain() {
    int[] categories = {0, 0, 1, 2, 3, 3};
    ThemeMerge.Result r = reduce(new int[] {0, 1, 2, 3, 4, 5}, 2, categories);
    int[] m = r.mapping();
    assertNotEquals(m[0], m[1], Arrays.toString(m));
    assertEquals(m[2], m[3], Arrays.toString(m));
    assertNotEquals(m[4], m[5], Arrays.toString(m));
    for (int a = 0; a < m.length; a++) {
      for (int b = a + 1; b < m.length; b++) {
        if (categories[a] == categories[b]) {
          assertNotEquals(m[a], m[b], "clusters " + a + " and " + b);
        }
      }
    }
    // One category: nothing can merge, the hierarchy has its first level only.
    ThemeMerge.Result none = reduce(new int[] {0, 1, 2, 3, 4, 5}, 2, new int[6]);
    assertEquals(6, none.themes());
    assertEquals(1, none.levels().size());
  }

  /** Sums of clusters along given directions, no evaluation items (the silhouette is then 0 at every level). */
  static ThemeMerge.Result reduceBars(double[][] directions, long[] sizes, int[] categories, double duplicate,
      double minShare) {
    double[][] sums = new double[directions.length][];
    for (int c = 0; c < directions.length; c++) {
      sums[c] = directions[c].clone();
      for (int j = 0; j < sums[c].length; j++) {
        sums[c][j] *= sizes[c];
      }
    }
    return ThemeMerge.reduce(sums, sizes, new double[0][], new int[0], 2, categories, duplicate, minShare);
  }

  @Test
  void nearDuplicateThemesAreMergedEvenWhereTheSilhouetteDoesNotAskForIt() {
    // Two clusters at cosine 0.9 (one theme in two wordings) and two unrelated ones.
    double[][] d = {{1, 0, 0}, {0.9, Math.sqrt(1 - 0.81), 0}, {0, 0, 1}, {0, 1, 0}};
    long[] sizes = {50, 50, 50, 50};
    ThemeMerge.Result withoutBar = reduceBars(d, sizes, null, 1.0, 0);
    assertEquals(4, withoutBar.themes(), "the silhouette alone (all levels tie here) keeps every cluster");
    ThemeMerge.Result r = reduceBars(d, sizes, null, 0.35, 0);
    assertEquals(3, r.themes());
    assertEquals(r.mapping()[0], r.mapping()[1], "the near-duplicates are one theme");
    assertNotEquals(r.mapping()[2], r.mapping()[3]);
    assertEquals(-1, r.rest());
    // Every level records the cosine of its closest pair: 0.9 before the merge.
    assertEquals(0.9, r.levels().get(0)[2], 1e-9);
  }

  @Test
  void themesBelowTheMinimumShareFormOneVariousRestNumberedLast() {
    double[][] d = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    long[] sizes = {3, 100, 2, 100};
    ThemeMerge.Result r = reduceBars(d, sizes, null, 0.35, 0.05);
    assertEquals(3, r.themes(), "two themes and the rest");
    assertEquals(2, r.rest());
    assertEquals(2, r.mapping()[0]);
    assertEquals(2, r.mapping()[2]);
    assertEquals(0, r.mapping()[1]);
    assertEquals(1, r.mapping()[3]);
    assertEquals(-1, reduceBars(d, sizes, null, 0.35, 0).rest(), "0 turns the rest off");
  }

  @Test
  void unclassifiedLeavesMayMergeLeavesOfOneKnownCategoryMayNot() {
    double[][] d = {{1, 0, 0}, {0.95, Math.sqrt(1 - 0.9025), 0}, {0, 0, 1}, {0, 0.3, Math.sqrt(0.91)}};
    long[] sizes = {50, 50, 50, 50};
    // Leaves 0 and 1 of one known category (0) stay apart; leaves 2 and 3 are unclassified (−1) and merge.
    ThemeMerge.Result r = reduceBars(d, sizes, new int[] {0, 0, -1, -1}, 0.35, 0);
    assertNotEquals(r.mapping()[0], r.mapping()[1]);
    assertEquals(r.mapping()[2], r.mapping()[3]);
  }

  /**
   * Eight clusters whose mean directions share a common part of weight {@code common} (the corpus' shared words:
   * large for long reviews, small for short tweets) and each own a direction; clusters 6 and 7 are one theme in two
   * wordings (their own parts at cosine 0.95).
   */
  static double[][] corpusWithOneDuplicatePair(double common) {
    return corpusWithOneDuplicatePair(common, 0.95);
  }

  /** As above, cluster 7's own part at cosine {@code lean} to cluster 6's. */
  static double[][] corpusWithOneDuplicatePair(double common, double lean) {
    int k = 8;
    double[][] d = new double[k][k + 1];
    for (int c = 0; c < k; c++) {
      d[c][0] = Math.sqrt(common);
      d[c][c + 1] = Math.sqrt(1 - common);
    }
    // Cluster 7 leans on cluster 6's own direction (index 7): cosine common + lean (1 − common) between them.
    d[7][7] = lean * Math.sqrt(1 - common);
    d[7][8] = Math.sqrt(1 - lean * lean) * Math.sqrt(1 - common);
    return d;
  }

  @Test
  void theDefaultBarIsRelativeToTheCorpusSoLongTextsAreNotMergedToTheFloor() {
    long[] sizes = {60, 60, 60, 60, 60, 60, 60, 60};
    ThemeSettings d = ThemeSettings.DEFAULTS;
    for (double common : new double[] {0.6, 0.05}) {
      double[][] dirs = corpusWithOneDuplicatePair(common);
      double[][] sums = new double[dirs.length][];
      for (int c = 0; c < dirs.length; c++) {
        sums[c] = Arrays.stream(dirs[c]).map(x -> x * 60).toArray();
      }
      double bar = ThemeMerge.nearDuplicateBar(sums, sizes, d.duplicateSimilarity(), d.duplicateDeviations());
      ThemeMerge.Result r = reduceBars(dirs, sizes, null, bar, 0);
      // Every other pair is at cosine `common`; only the two wordings of one theme stand out and are merged.
      assertEquals(7, r.themes(), "common part " + common + ", bar " + bar);
      assertEquals(r.mapping()[6], r.mapping()[7]);
    }
    // The fixed cosine bar merges the long texts' clusters (every pair at 0.6) down to the floor.
    assertEquals(2, reduceBars(corpusWithOneDuplicatePair(0.6), sizes, null, 0.35, 0).themes());
  }

  @Test
  void onTextsThatShareNothingTheFixedBarStaysTheFloor() {
    // Clusters orthogonal but for one pair at cosine 0.2: an outlier of this corpus (mean + 2 sd is about 0.08), yet
    // no near-duplicate; the default keeps all eight.
    long[] sizes = {60, 60, 60, 60, 60, 60, 60, 60};
    double[][] dirs = corpusWithOneDuplicatePair(0, 0.2);
    double[][] sums = new double[dirs.length][];
    for (int c = 0; c < dirs.length; c++) {
      sums[c] = Arrays.stream(dirs[c]).map(x -> x * 60).toArray();
    }
    assertTrue(ThemeMerge.relativeBar(sums, sizes, 2.0)[2] < 0.1);
    ThemeSettings d = ThemeSettings.DEFAULTS;
    double bar = ThemeMerge.nearDuplicateBar(sums, sizes, d.duplicateSimilarity(), d.duplicateDeviations());
    assertEquals(d.duplicateSimilarity(), bar, 1e-12);
    assertEquals(8, reduceBars(dirs, sizes, null, bar, 0).themes());
  }

  @Test
  void clustersAllEquallyAlikeHaveNoNearDuplicate() {
    double[][] dirs = corpusWithOneDuplicatePair(0.6);
    long[] sizes = new long[7];
    double[][] sums = new double[7][];
    for (int c = 0; c < 7; c++) {
      sizes[c] = 40;
      sums[c] = Arrays.stream(dirs[c]).map(x -> x * 40).toArray();
    }
    double[] bar = ThemeMerge.relativeBar(sums, sizes, 2.0);
    assertEquals(0.6, bar[0], 1e-9);
    assertEquals(0, bar[1], 1e-6);
    assertEquals(7, reduceBars(Arrays.copyOf(dirs, 7), sizes, null, bar[2], 0).themes());
  }
}
