"""Crash safety: every stage is killed (SIGKILL) at a random point of its work, the tables a reader sees right
after the kill are, slice by slice (period, or source), either as before the stage or complete, and rerunning
the stage carries on;
in the end the warehouse equals that of an uninterrupted run, row for row.

The kill points are drawn per stage from the stage's own duration in the uninterrupted reference run, between
10 % and 90 % of it, with a fixed seed (LUISTER_KILL_SEED overrides it; the points are printed)."""
import os
import random
import signal
import subprocess
import time

import pytest

from conftest import (PERIOD, ROOT, assert_same_tables, assert_slices_before_or_complete, dump, luister_env, run,
                      stage_seconds, table_texts)

STAGES = ["ingest", "unify", "themes", "sentiment", "analyse", "silences"]  # cli/Pipeline's order


@pytest.mark.skipif(os.environ.get("LUISTER_DEPLOY_SLOW") != "1",
                    reason="about one and a half more full runs: set LUISTER_DEPLOY_SLOW=1")
def test_every_stage_killed_at_a_random_point_shows_nothing_partial_and_reruns_to_the_same_tables(
        dataset, work, local_run, local_tables):
    seed = int(os.environ.get("LUISTER_KILL_SEED", "20261123"))
    rng = random.Random(seed)
    seconds = stage_seconds(local_run, work / "dump-reference-runs")  # the uninterrupted run's, from ops.runs
    final = table_texts(local_tables)
    warehouse = work / "wh-killed"
    killed = []
    for stage in STAGES:
        before = table_texts(dump(warehouse, work / f"dump-before-{stage}")) if warehouse.exists() else {}
        cmd = [str(ROOT / "bin" / "luister"), stage, "--config", str(dataset / "luister.yaml"),
               "--warehouse", str(warehouse)] + ([] if stage == "ingest" else ["--period", PERIOD])
        delay = rng.uniform(0.1, 0.9) * (seconds.get(stage) or 10.0)
        log = work / f"run-{stage}-killed.log"
        with open(log, "w") as out:
            process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=luister_env(), cwd=ROOT)
        try:
            deadline = time.time() + 600
            while "Spark UI:" not in log.read_text(errors="replace") and process.poll() is None:
                assert time.time() < deadline, f"{stage} did not start its session in time"
                time.sleep(0.2)
            time.sleep(delay)
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)  # bin/luister execs java: this is the JVM
                killed.append(stage)
        finally:
            process.wait(120)
        outcome = "killed" if stage in killed else f"had finished (exit {process.returncode})"
        print(f"seed {seed}: {stage} {outcome} {delay:.1f} s into its work")
        if stage not in killed:
            assert process.returncode == 0, log.read_text(errors="replace")[-3000:]

        # What a reader sees right after the kill: every slice (period, or source) of every table either as it
        # was before the stage or complete. A stage writes its tables one commit each, so one table can already
        # be complete while the next is not (ingest: a source's bronze before its quarantine rows).
        after = table_texts(dump(warehouse, work / f"dump-after-{stage}"))
        assert_slices_before_or_complete(before, after, final, f"after killing {stage} {delay:.1f} s in")

        run(cmd, work / f"run-{stage}-again.log", env=luister_env())

    assert len(killed) >= 4, f"most kills should land inside the stage's work; only {killed} did"
    assert_same_tables(local_tables, dump(warehouse, work / "dump-rerun"))
