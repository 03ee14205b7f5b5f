package io.luister.common.config;

/**
 * Settings of the analyses stage (share of voice, reputation, critical authors, webcare, alerts, channel mix,
 * journeys). Method and defaults: docs/ANALYSES.md.
 *
 * @param reachCapPercentile an author's reach (followers) counts at most up to this percentile of the period's
 *     social posts, so one celebrity does not swamp a reach-weighted figure
 * @param alertHistoryWeeks how many trailing weeks form an alert's baseline
 * @param alertMinHistoryWeeks weeks with less history than this are not tested
 * @param alertQ the false discovery rate controlled (Benjamini–Hochberg) across all alert tests of a run
 * @param alertMinRatio minimum effect: observed at least this many times expected (or at most its inverse)
 * @param alertMinExcess minimum effect: observed at least this many items above (or below) expected
 * @param persistentMinWeeks a persistent critic posted negatively in at least this many distinct weeks
 * @param persistentMinSpanDays ... spread over at least this many days between first and last negative post
 * @param criticMinNegativeShare a critic's posts with a polarity (negative or positive) are at least this share
 *     negative; neutral posts count for neither side
 * @param incidentMaxDays an incident-driven critic's negative posts all fall within this many days
 * @param incidentMinNegativePosts ... and there are at least this many of them
 * @param promoterMinPosts a promoter wrote at least this many positive posts
 * @param promoterMinPositiveShare ... and their posts with a polarity are at least this share positive
 */
public record AnalysesSettings(double reachCapPercentile, int alertHistoryWeeks, int alertMinHistoryWeeks, double alertQ,
    double alertMinRatio, double alertMinExcess, int persistentMinWeeks, int persistentMinSpanDays,
    double criticMinNegativeShare, int incidentMaxDays, int incidentMinNegativePosts, int promoterMinPosts,
    double promoterMinPositiveShare) {
  public static final AnalysesSettings DEFAULTS = new AnalysesSettings(0.99, 12, 6, 0.05, 1.5, 5, 4, 60, 0.7, 14, 2, 3,
      0.8);
}
