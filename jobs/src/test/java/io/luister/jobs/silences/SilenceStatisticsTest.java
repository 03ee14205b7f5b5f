package io.luister.jobs.silences;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class SilenceStatisticsTest {

  @Test
  void binomialLowerTailAgreesWithTheBinomialDistribution() {
    for (int n : new int[] {1, 7, 50, 400}) {
      for (double p : new double[] {0.01, 0.2, 0.5, 0.93}) {
        BinomialDistribution d = new BinomialDistribution(n, p);
        for (int x = 0; x <= n; x += Math.max(1, n / 9)) {
          assertEquals(d.cumulativeProbability(x), SilenceStatistics.binomialLowerTail(x, n, p), 1e-9, n + "," + p + "," + x);
        }
      }
    }
  }

  @Test
  void binomialLowerTailWorksBeyondIntegerRange() {
    double p = SilenceStatistics.binomialLowerTail(4.0e9, 1.0e10, 0.4);
    assertEquals(0.5, p, 0.01, "the mean of Binomial(1e10, 0.4) is at the median");
    assertTrue(SilenceStatistics.binomialLowerTail(3.9e9, 1.0e10, 0.4) < 1e-10);
  }

  @Test
  void rateRatioTestIsTheConditionalBinomial() {
    // 2 events in 1000 against 40 in 2000: given 42 events, 2 ~ Binomial(42, 1/3)
    assertEquals(new BinomialDistribution(42, 1.0 / 3).cumulativeProbability(2),
        SilenceStatistics.rateRatioLowerTail(2, 1000, 40, 2000), 1e-12);
    assertEquals(1.0, SilenceStatistics.rateRatioLowerTail(5, 0, 3, 10));
  }

  @Test
  void benjaminiHochbergMatchesTheTextbookExample() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
    double[] q = SilenceStatistics.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
    assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, q, 1e-12);
  }

  @Test
  void severityGrowsWithGapVolumeAndEvidence() {
    assertEquals(0, SilenceStatistics.severity(1.0, 1000, 1e-9));
    assertTrue(SilenceStatistics.severity(0.1, 1000, 1e-9) > SilenceStatistics.severity(0.4, 1000, 1e-9));
    assertTrue(SilenceStatistics.severity(0.1, 1000, 1e-9) > SilenceStatistics.severity(0.1, 20, 1e-9));
    assertTrue(SilenceStatistics.severity(0.1, 1000, 1e-9) > SilenceStatistics.severity(0.1, 1000, 0.04));
  }
}
