package io.luister.jobs.samples;

import static org.junit.jupiter.api.Assertions.*;

import io.luister.common.test.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One small random world of each kind through the silences stage's detection, scored against its truth: so the
 * evaluation on many worlds (bin/lib/silence-worlds.sh, docs/SILENCES.md) cannot rot. Each world is the first,
 * from seed 1 on, in which the kind could be planted (a channel gap needs three channels, a competitor gap a
 * competitor); the thresholds are the defaults.
 */
class SilenceWorldTest {
  static final double SCALE = 0.5;

  static SilenceWorld.Drawn firstWorld(SilenceWorld.Kind kind, Path dir) {
    for (long seed = 1; seed < 200; seed++) {
      SilenceWorld.Drawn w = SilenceWorld.draw(seed, kind, SCALE, dir);
      if (kind == SilenceWorld.Kind.NONE || !w.plants().isEmpty()) {
        return w;
      }
    }
    throw new AssertionError("no world of kind " + kind + " in 200 seeds");
  }

  @ParameterizedTest
  @EnumSource(value = SilenceWorld.Kind.class, names = {"EXPECTED_ABSENT", "BASELINE_DROP", "CHANNEL_GAP", "COMPETITOR_GAP"})
  void aPlantedSilenceIsTheOnlyFindingAndTheHeadline(SilenceWorld.Kind kind) {
    Path dir = TestSpark.tempDir("worlds");
    SilenceWorld.Drawn world = firstWorld(kind, dir);
    SilenceWorldEvaluation.Score s = SilenceWorldEvaluation.run(TestSpark.session(), world.seed(), kind, SCALE, dir);
    assertEquals(1, s.planted(), s.line());
    assertEquals(1, s.plantedFound(), "planted silence not found: " + s.line());
    assertEquals(0, s.falseFindings(), "a control was flagged: " + s.falseDetail() + " " + s.line());
    assertTrue(s.headlinePlanted(), s.line());
    assertEquals(s.noveltyChecked(), s.noveltyRight(), "new/persisting wrong: " + s.line());
  }

  @Test
  void aWorldWithNothingPlantedReportsNothing() {
    Path dir = TestSpark.tempDir("worlds");
    SilenceWorld.Drawn world = firstWorld(SilenceWorld.Kind.NONE, dir);
    SilenceWorldEvaluation.Score s = SilenceWorldEvaluation.run(TestSpark.session(), world.seed(),
        SilenceWorld.Kind.NONE, SCALE, dir);
    assertEquals(0, s.planted());
    assertEquals(java.util.Set.of(), s.found(), s.line());
    assertTrue(s.headlinePlanted(), "rightly no headline: " + s.line());
  }

  @Test
  void theSameSeedDrawsTheSameWorld() {
    Path dir = TestSpark.tempDir("worlds");
    SilenceWorld.Drawn a = SilenceWorld.draw(7, SilenceWorld.Kind.MIXED, SCALE, dir);
    SilenceWorld.Drawn b = SilenceWorld.draw(7, SilenceWorld.Kind.MIXED, SCALE, dir);
    assertEquals(a.rows(), b.rows());
    assertEquals(a.plants(), b.plants());
  }
}
