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

  /**
   * A world of each planted kind through the pipeline (its exports ingested, unified, tested; {@link
   * SilenceWorldEvaluation#runPipeline}) reports what its silver rows report straight into the detectors: the
   * pipeline (parsing, brand attribution from text, language detection, keyword rules, native mappings) loses no
   * silence and adds none. One world (seed 1000: a competitor gap and a baseline drop planted, social and FAQ views) at a tenth of the volume.
   */
  @Test
  void aWorldThroughThePipelineReportsWhatItsSilverRowsReport() {
    Path dir = TestSpark.tempDir("worlds-pipeline");
    SilenceWorldEvaluation.Score direct = SilenceWorldEvaluation.run(TestSpark.session(), PIPELINE_SEED,
        SilenceWorld.Kind.MIXED, PIPELINE_SCALE, dir.resolve("direct"));
    SilenceWorldEvaluation.Score piped = SilenceWorldEvaluation.runPipeline(TestSpark.session(), PIPELINE_SEED,
        SilenceWorld.Kind.MIXED, PIPELINE_SCALE, dir.resolve("piped"));
    assertEquals(2, piped.planted(), piped.line());
    assertEquals(direct.found(), piped.found(), "direct: " + direct.line() + "; through the pipeline: " + piped.line()
        + " " + piped.falseDetail());
    assertEquals(2, piped.plantedFound(), piped.line() + " " + piped.falseDetail());
    assertEquals(0, piped.falseFindings(), piped.line() + " " + piped.falseDetail());
    assertEquals(piped.noveltyChecked(), piped.noveltyRight(), "new/persisting wrong: " + piped.line());
  }

  static final long PIPELINE_SEED = 1000;
  static final double PIPELINE_SCALE = 0.1;

  @Test
  void theSameSeedDrawsTheSameWorld() {
    Path dir = TestSpark.tempDir("worlds");
    SilenceWorld.Drawn a = SilenceWorld.draw(7, SilenceWorld.Kind.MIXED, SCALE, dir);
    SilenceWorld.Drawn b = SilenceWorld.draw(7, SilenceWorld.Kind.MIXED, SCALE, dir);
    assertEquals(a.rows(), b.rows());
    assertEquals(a.plants(), b.plants());
  }
}
