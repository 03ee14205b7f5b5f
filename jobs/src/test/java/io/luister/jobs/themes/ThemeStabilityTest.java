package io.luister.jobs.themes;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The stability criterion's measures and choice, on partitions small enough to work out by hand. */
class ThemeStabilityTest {

  @Test
  void identicalPartitionsAgreeFullyWhateverTheirLabels() {
    int[] a = {0, 0, 1, 1, 2, 2};
    int[] relabelled = {7, 7, 3, 3, 5, 5};
    assertEquals(1.0, ThemeStability.adjustedRand(a, relabelled), 1e-12);
    assertEquals(1.0, ThemeStability.meanBestJaccard(a, relabelled), 1e-12);
  }

  @Test
  void theAdjustedRandIndexIsCorrectedForChance() {
    // Worked out by hand (and scikit-learn's adjusted_rand_score gives the same): one of four pairs split.
    assertEquals(4.0 / 7, ThemeStability.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-12);
    // Crossed halves: agreement below chance is negative.
    assertEquals(-0.5, ThemeStability.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
  }

  @Test
  void theMeanBestMatchJaccardAveragesOverTheGroupsOfBothPartitions() {
    // {0,1,2} best matches {0,1,2,3} (3/4), {3,4,5} best matches {4,5} (2/3); the other way round the same.
    assertEquals((0.75 + 2.0 / 3) / 2,
        ThemeStability.meanBestJaccard(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 0, 0, 1, 1}), 1e-12);
  }

  @Test
  void partitionsOfDifferentItemsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ThemeStability.adjustedRand(new int[2], new int[3]));
    assertThrows(IllegalArgumentException.class, () -> ThemeStability.meanBestJaccard(new int[2], new int[3]));
  }

  @Test
  void theFinestNumberWithinTheToleranceOfTheBestIsChosenAndUnmeasuredOnesAreSkipped() {
    double[] agreement = {Double.NaN, Double.NaN, 0.5, 0.9, 0.75, 0.6, Double.NaN};
    assertEquals(3, ThemeStability.choose(agreement, 1.0));
    assertEquals(4, ThemeStability.choose(agreement, 0.8));
    assertEquals(5, ThemeStability.choose(agreement, 0.6));
    assertEquals(-1, ThemeStability.choose(new double[] {Double.NaN, Double.NaN}, 0.8));
    // Nothing agrees beyond chance: the least bad number is still chosen.
    assertEquals(2, ThemeStability.choose(new double[] {Double.NaN, -0.2, -0.1}, 0.8));
  }

  /**
   * Two halves over-cluster two themes differently (half A cuts each theme in two clusters, half B cuts only theme
   * one in two, unlike A's cut): both hierarchies agree fully at two groups and disagree at three, so two is kept.
   */
  @Test
  void theHalvesAgreeAtTheLevelThatHoldsTheThemesAndNotAtAFinerOne() {
    double[][] sumsA = {scaled(5, 1, 0.1, 0), scaled(5, 1, 0, 0.1), scaled(5, 0.1, 1, 0), scaled(5, 0, 1, 0.1)};
    double[][] sumsB = {scaled(4, 1, 0.2, 0), scaled(8, 0, 1, 0), scaled(4, 1, 0, 0.2)};
    ThemeMerge.Hierarchy a = ThemeMerge.hierarchy(sumsA, new long[] {5, 5, 5, 5}, new double[0][], new int[0], 2,
        null, true);
    ThemeMerge.Hierarchy b = ThemeMerge.hierarchy(sumsB, new long[] {4, 8, 4}, new double[0][], new int[0], 2, null,
        true);
    // Eight evaluated items: 0–3 of theme one, 4–7 of theme two; their clusters in each half.
    int[] clustersA = {0, 0, 1, 1, 2, 2, 3, 3};
    int[] clustersB = {0, 2, 0, 2, 1, 1, 1, 1};
    double[] jaccard = ThemeStability.agreement(a, clustersA, b, clustersB, 2, 4, ThemeStability::meanBestJaccard);
    double[] rand = ThemeStability.agreement(a, clustersA, b, clustersB, 2, 4, ThemeStability::adjustedRand);
    assertEquals(1.0, jaccard[2], 1e-12);
    assertEquals(1.0, rand[2], 1e-12);
    assertTrue(jaccard[3] < 0.8 && rand[3] < 0.5, "three groups: " + jaccard[3] + " / " + rand[3]);
    assertTrue(Double.isNaN(jaccard[4]), "half B has no level of four groups");
    assertEquals(2, ThemeStability.choose(jaccard, 0.8));
    assertEquals(2, ThemeStability.levelWith(a, 2), "half A: levels of 4, 3, 2 groups");
    assertEquals(1, ThemeStability.levelWith(b, 2), "half B: levels of 3, 2 groups");
    assertEquals(-1, ThemeStability.levelWith(b, 4));
  }

  private static double[] scaled(double n, double... direction) {
    double norm = Math.sqrt(java.util.Arrays.stream(direction).map(x -> x * x).sum());
    return java.util.Arrays.stream(direction).map(x -> n * x / norm).toArray();
  }
}
