package io.luister.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs pieces of work side by side in one Spark application, each once the pieces it needs have finished. One
 * piece alone leaves cores idle while its driver plans the next query or commits to Delta, and while a model fit
 * runs on one partition; another piece's tasks fill that time. The stages of a run use it, and so do the
 * independent tables within a stage.
 *
 * <p>The threads are started by the calling thread, so they inherit its Spark local properties (the stage a
 * benchmark attributes task metrics to).
 */
public final class SideBySide {
  private SideBySide() {}

  /**
   * @param name names the piece in {@code after} lists
   * @param after the pieces that must have finished before this one starts
   */
  public record Work(String name, List<String> after, Runnable body) {
    public static Work of(String name, Runnable body) {
      return new Work(name, List.of(), body);
    }
  }

  /**
   * Runs the work, each piece once those it needs among {@code work} have finished, at most {@code concurrent} at
   * a time, starting ready pieces in list order; with 1, one after another in list order. A need outside the list
   * counts as met (it ran before, or is skipped). When a piece fails no further piece starts; the running ones
   * finish (each commits its own tables whole or not at all), and the first failure is thrown as it was.
   *
   * @param threadName prefix of the threads' names, which the logs show
   */
  public static void run(List<Work> work, int concurrent, String threadName) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("at most " + concurrent + " at once: must be at least 1");
    }
    Set<String> listed = new HashSet<>(work.stream().map(Work::name).toList());
    Set<String> done = new HashSet<>();
    List<Work> waiting = new ArrayList<>(work);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrent,
        r -> new Thread(r, threadName + "-" + threadNumber.incrementAndGet()));
    ExecutorCompletionService<Work> finished = new ExecutorCompletionService<>(pool);
    Throwable failure = null;
    int running = 0;
    try {
      while (true) {
        for (var it = waiting.iterator(); failure == null && running < concurrent && it.hasNext(); ) {
          Work piece = it.next();
          if (piece.after().stream().allMatch(need -> done.contains(need) || !listed.contains(need))) {
            it.remove();
            finished.submit(piece.body(), piece);
            running++;
          }
        }
        if (running == 0) {
          break;
        }
        Future<Work> next = finished.take();
        running--;
        try {
          done.add(next.get().name());
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + threadName + " work was running", e);
    } finally {
      pool.shutdownNow();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    if (!waiting.isEmpty()) {
      throw new IllegalArgumentException(waiting.stream().map(Work::name).toList()
          + " need each other or something that never finished");
    }
  }
}
