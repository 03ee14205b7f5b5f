package io.luister.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Measures what a benchmark reports per stage besides wall time: shuffle and spill bytes from Spark's task
 * metrics (a listener, so nothing in the stages changes), and the peak heap the driver JVM used, sampled
 * every few milliseconds. In local mode the driver runs the executors too, so the heap peak is the whole
 * run's; on a cluster it is the driver's alone.
 */
public final class StageProbe implements AutoCloseable {
  /** Totals since the probe was attached; a stage's share is the difference of two snapshots. */
  public record Totals(long shuffleWriteBytes, long shuffleReadBytes, long spillBytes, long inputBytes, long tasks) {
    public Totals minus(Totals before) {
      return new Totals(shuffleWriteBytes - before.shuffleWriteBytes, shuffleReadBytes - before.shuffleReadBytes,
          spillBytes - before.spillBytes, inputBytes - before.inputBytes, tasks - before.tasks);
    }
  }

  private final AtomicLong shuffleWrite = new AtomicLong();
  private final AtomicLong shuffleRead = new AtomicLong();
  private final AtomicLong spill = new AtomicLong();
  private final AtomicLong input = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong peakHeap = new AtomicLong();
  private final SparkSession spark;
  private final SparkListener listener;
  private final Thread sampler;
  private volatile boolean running = true;

  public StageProbe(SparkSession spark) {
    this.spark = spark;
    this.listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
          return;
        }
        shuffleWrite.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        shuffleRead.addAndGet(m.shuffleReadMetrics().totalBytesRead());
        spill.addAndGet(m.memoryBytesSpilled() + m.diskBytesSpilled());
        input.addAndGet(m.inputMetrics().bytesRead());
        tasks.incrementAndGet();
      }
    };
    spark.sparkContext().addSparkListener(listener);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    this.sampler = new Thread(() -> {
      while (running) {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "luister-bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  public Totals totals() {
    return new Totals(shuffleWrite.get(), shuffleRead.get(), spill.get(), input.get(), tasks.get());
  }

  /** Starts a new peak-heap window (after a GC, so the previous stage's garbage does not count). */
  public void resetPeakHeap() {
    System.gc();
    peakHeap.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  public long peakHeapBytes() {
    return peakHeap.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    spark.sparkContext().removeSparkListener(listener);
  }
}
