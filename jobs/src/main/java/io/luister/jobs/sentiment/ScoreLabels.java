package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;

/**
 * The sentiment class a survey score or review rating stands for, read generically from silver's
 * {@code score}, {@code score_min} and {@code score_max}:
 *
 * <ul>
 *   <li>scales of more than five points (NPS 0–10, a 1–10 rating): the Net Promoter cuts, expressed as the
 *       position {@code p = (score − min) / (max − min)} on the scale: {@code p < 0.65} negative (NPS 0–6,
 *       1–10: 1–6), {@code p < 0.85} neutral (NPS 7–8, 1–10: 7–8), else positive (9–10);</li>
 *   <li>scales of up to five points (stars, CSAT 1–5): below the middle negative (1–2), the middle neutral (3),
 *       above positive (4–5) — the usual reading of star ratings.</li>
 * </ul>
 *
 * <p>The score as a number in [−1, 1] is {@code 2p − 1}.
 */
public final class ScoreLabels {
  static final double DETRACTOR_BELOW = 0.65;
  static final double PROMOTER_FROM = 0.85;

  private ScoreLabels() {}

  /** Position on the scale, 0 … 1; null when the item has no usable score. */
  public static Column position(Column score, Column min, Column max) {
    Column p = score.minus(min).divide(max.minus(min));
    return when(score.isNotNull().and(min.isNotNull()).and(max.isNotNull()).and(max.gt(min))
        .and(score.geq(min)).and(score.leq(max)), p);
  }

  /** negative | neutral | positive, or null without a usable score. */
  public static Column label(Column score, Column min, Column max) {
    Column p = position(score, min, max);
    Column fivePoint = max.minus(min).leq(4);
    Column small = when(p.lt(0.5), lit(Sentiments.NEGATIVE)).when(p.equalTo(0.5), lit(Sentiments.NEUTRAL))
        .otherwise(lit(Sentiments.POSITIVE));
    Column large = when(p.lt(DETRACTOR_BELOW), lit(Sentiments.NEGATIVE)).when(p.lt(PROMOTER_FROM), lit(Sentiments.NEUTRAL))
        .otherwise(lit(Sentiments.POSITIVE));
    return when(p.isNotNull(), when(fivePoint, small).otherwise(large));
  }
}
