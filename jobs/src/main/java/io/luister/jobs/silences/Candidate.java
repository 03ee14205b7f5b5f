package io.luister.jobs.silences;

import java.util.Map;

/**
 * One test a detector made, before the false-discovery correction: what was observed, what was expected,
 * and the one-sided p-value that the observation is that far below expectation by chance.
 *
 * @param detector expected_absent, baseline_drop, channel_gap or competitor_gap
 * @param subjectType category or expectation
 * @param subject the category id or expectation name
 * @param channel the channel tested ("all" for all channels together)
 * @param brand the brand tested (ours)
 * @param comparedWith what the expectation comes from, in words (baseline quarters, other channels, a competitor)
 * @param observedCount the weighted count observed
 * @param observedTotal the channel's weighted total (the share's denominator)
 * @param expectedShare the share expected
 * @param pValue one-sided p-value
 * @param evidence the numbers behind the expectation, for the evidence column and the explanation
 */
public record Candidate(
    String detector,
    String subjectType,
    String subject,
    String channel,
    String brand,
    String comparedWith,
    double observedCount,
    double observedTotal,
    double expectedShare,
    double pValue,
    Map<String, Double> evidence) {

  public double observedShare() {
    return observedTotal == 0 ? 0 : observedCount / observedTotal;
  }

  public double expectedCount() {
    return expectedShare * observedTotal;
  }

  /** Observed / expected: 0 is complete silence, 1 is as expected. */
  public double ratio() {
    double expected = expectedCount();
    return expected == 0 ? 1 : observedCount / expected;
  }
}
