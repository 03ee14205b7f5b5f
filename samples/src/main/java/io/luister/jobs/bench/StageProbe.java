package io.luister.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Measures what a benchmark reports per stage besides wall time: shuffle and spill bytes from Spark's task
 * metrics (a listener, so nothing in the stages changes), and the peak heap the driver JVM used, sampled
 * every few milliseconds. In local mode the driver runs the executors too, so the heap peak is the whole
 * JVM's; on a cluster it is the driver's alone.
 *
 * <p>Stages may run at the same time, so task metrics are attributed by a Spark local property that the
 * stage's thread sets ({@link #begin}) and that Spark hands to every job the thread starts, including those
 * adaptive execution starts for it on other threads. A job without it counts for the stage when only one
 * is running. The heap is one for all, so the peaks of stages that overlap are peaks of the same heap.
 */
public final class StageProbe implements AutoCloseable {
  /** The Spark local property that names the pipeline stage a job belongs to. */
  public static final String STAGE_PROPERTY = "luister.stage";

  /** A stage's totals. */
  public record Totals(long shuffleWriteBytes, long shuffleReadBytes, long spillBytes, long inputBytes, long tasks) {}

  private static final class Window {
    final AtomicLong shuffleWrite = new AtomicLong();
    final AtomicLong shuffleRead = new AtomicLong();
    final AtomicLong spill = new AtomicLong();
    final AtomicLong input = new AtomicLong();
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong peakHeap = new AtomicLong();
  }

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Map<String, Window> active = new ConcurrentHashMap<>();
  private final Map<Integer, String> stageOfSparkStage = new ConcurrentHashMap<>();
  private final SparkSession spark;
  private final SparkListener listener;
  private final Thread sampler;
  private volatile boolean running = true;

  public StageProbe(SparkSession spark) {
    this.spark = spark;
    this.listener = new SparkListener() {
      @Override
      public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String stage = submitted.properties() == null ? null : submitted.properties().getProperty(STAGE_PROPERTY);
        if (stage != null) {
          stageOfSparkStage.put(submitted.stageInfo().stageId(), stage);
        }
      }

      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        Window w = windowOf(stageOfSparkStage.get(end.stageId()));
        if (m == null || w == null) {
          return;
        }
        w.shuffleWrite.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        w.shuffleRead.addAndGet(m.shuffleReadMetrics().totalBytesRead());
        w.spill.addAndGet(m.memoryBytesSpilled() + m.diskBytesSpilled());
        w.input.addAndGet(m.inputMetrics().bytesRead());
        w.tasks.incrementAndGet();
      }
    };
    spark.sparkContext().addSparkListener(listener);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    this.sampler = new Thread(() -> {
      while (running) {
        long used = memory.getHeapMemoryUsage().getUsed();
        active.values().forEach(w -> w.peakHeap.accumulateAndGet(used, Math::max));
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

  private Window windowOf(String stage) {
    if (stage != null) {
      return windows.get(stage);
    }
    return active.size() == 1 ? active.values().iterator().next() : null;
  }

  /**
   * Starts measuring a stage on the calling thread. When no other stage runs, the heap window starts after a
   * GC, so the previous stage's garbage does not count.
   */
  public synchronized void begin(String stage) {
    if (active.isEmpty()) {
      System.gc();
    }
    Window w = new Window();
    w.peakHeap.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    windows.put(stage, w);
    active.put(stage, w);
    spark.sparkContext().setLocalProperty(STAGE_PROPERTY, stage);
  }

  /** Ends a stage begun on the calling thread, and gives the peak heap in bytes while it ran. */
  public synchronized long end(String stage) {
    spark.sparkContext().setLocalProperty(STAGE_PROPERTY, null);
    return active.remove(stage).peakHeap.get();
  }

  /**
   * A stage's task totals. Spark reports task ends asynchronously, so read them after the last stage has
   * ended, when late reports have counted for the stage they belong to.
   */
  public Totals totals(String stage) {
    Window w = windows.get(stage);
    return new Totals(w.shuffleWrite.get(), w.shuffleRead.get(), w.spill.get(), w.input.get(), w.tasks.get());
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    spark.sparkContext().removeSparkListener(listener);
  }
}
