package io.luister.jobs.ml;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows a classifier trained in the run is fitted on, drawn and ordered the same wherever the job runs.
 *
 * <p>Two things would otherwise make a model depend on the machine: {@code Dataset.sample} draws per input
 * partition, so local mode and a cluster draw different items; and MLlib's optimisers sum gradients per
 * partition and merge the partial sums in task-completion order, so the last bits of the coefficients vary,
 * and a probability close to a threshold can flip. Drawing by a hash of the id and fitting on one partition
 * in id order removes both. One partition costs little here: the training set is capped (a few hundred
 * thousand short texts at most), and the fit was dominated by per-iteration job overhead, not by arithmetic.
 */
public final class TrainingSet {
  private static final long SAMPLE_BUCKETS = 1_000_000L;

  private TrainingSet() {}

  /**
   * @param rows candidate training rows; {@code idColumn} must be unique
   * @param rowCount how many rows {@code rows} has (the caller has counted them already)
   * @param maxRows draw a seeded sample of about this many rows when there are more
   * @return the training rows in one partition, sorted by id (persist it: a pipeline fit reads it several times)
   */
  public static Dataset<Row> of(Dataset<Row> rows, String idColumn, long rowCount, long maxRows, long seed) {
    Dataset<Row> drawn = rows;
    if (rowCount > maxRows) {
      long buckets = Math.round(Math.min(1.0, (double) maxRows / rowCount * 1.05) * SAMPLE_BUCKETS);
      drawn = rows.filter(pmod(xxhash64(col(idColumn), lit(seed)), lit(SAMPLE_BUCKETS)).lt(buckets));
    }
    return drawn.repartition(1).sortWithinPartitions(idColumn);
  }
}
