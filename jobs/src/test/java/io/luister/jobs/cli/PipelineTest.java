package io.luister.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stage scheduler on its own: stand-in stages that record when they start and end, no Spark. */
class PipelineTest {
  private static Pipeline.Stage stage(String name, String... after) {
    return new Pipeline.Stage(name, List.of(after), (ctx, period) -> {});
  }

  /** The real pipeline's shape. */
  private static final List<Pipeline.Stage> STAGES = List.of(stage("unify"), stage("themes", "unify"),
      stage("sentiment", "unify"), stage("analyse", "themes", "sentiment"), stage("silences", "unify"),
      stage("report", "analyse", "silences"));

  @Test
  void theListIsAnOrderInWhichEveryStageComesAfterWhatItNeeds() {
    List<String> seen = new ArrayList<>();
    for (Pipeline.Stage s : Pipeline.AFTER_INGEST) {
      assertTrue(seen.containsAll(s.after()), s.name() + " needs " + s.after() + " but comes after only " + seen);
      seen.add(s.name());
    }
  }

  @Test
  void oneAtATimeRunsTheStagesInListOrder() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Pipeline.run(STAGES, 1, s -> events.add(s.name()));
    assertEquals(List.of("unify", "themes", "sentiment", "analyse", "silences", "report"), events);
  }

  @Test
  void independentStagesOverlapAndNoStageStartsBeforeWhatItNeedsHasEnded() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    // themes and sentiment each wait until the other has started: run one after the other, they would time out.
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    Pipeline.run(STAGES, 2, s -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      events.add("start " + s.name());
      try {
        if (s.name().equals("themes") || s.name().equals("sentiment")) {
          bothRunning.await(20, TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        throw new IllegalStateException(s.name() + " never ran beside the other", e);
      }
      events.add("end " + s.name());
      running.decrementAndGet();
    });
    assertEquals(2, mostAtOnce.get());
    assertEquals(12, events.size());
    for (Pipeline.Stage s : STAGES) {
      for (String need : s.after()) {
        assertTrue(events.indexOf("end " + need) < events.indexOf("start " + s.name()), s.name() + " started before "
            + need + " ended: " + events);
      }
    }
  }

  @Test
  void afterAFailureNoStageStartsTheRunningOnesFinishAndTheFailureIsThrownAsItWas() {
    List<String> ended = Collections.synchronizedList(new ArrayList<>());
    IllegalArgumentException broken = new IllegalArgumentException("themes: bad config");
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () ->
        Pipeline.run(STAGES, 2, s -> {
          try {
            if (s.name().equals("themes") || s.name().equals("sentiment")) {
              bothRunning.await(20, TimeUnit.SECONDS);
            }
            if (s.name().equals("sentiment")) {
              Thread.sleep(300); // still running when themes fails
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          if (s.name().equals("themes")) {
            throw broken;
          }
          ended.add(s.name());
        }));
    assertSame(broken, thrown);
    assertEquals(List.of("unify", "sentiment"), ended);
  }

  @Test
  void aNeedOutsideTheChosenStagesCountsAsMet() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Pipeline.run(List.of(stage("analyse", "themes", "sentiment"), stage("report", "analyse", "silences")), 2,
        s -> events.add(s.name()));
    assertEquals(List.of("analyse", "report"), events);
  }

  @Test
  void stagesThatNeedEachOtherAreRefusedRatherThanLeftWaiting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pipeline.run(List.of(stage("a", "b"), stage("b", "a")), 2, s -> {}));
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
  }
}
