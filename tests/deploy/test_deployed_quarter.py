"""The deployment as a data engineer runs it, in one go: `airflow dags test` runs the quarterly DAG for one
quarter with real Airflow; every task is a SparkSubmitOperator that submits the spark-submit jar to the standalone
cluster on 127.0.0.1 (a master and two workers, separate processes); the program's sources and the warehouse are
on s3a:// on the local S3 server, path-style, with credentials only in the environment. Everything is set through
the Airflow connection and Variables the deployment guide names, and the program config differs from the local
one only in its source paths.

One stage's driver is killed (SIGKILL) at a random point of its work; Airflow retries the task, and the stage's
second try must end as if nothing had happened. The stage and the point come from a seed that changes daily, so
CI kills every stage over time; it is printed, and LUISTER_KILL_SEED replays it.

The tables it leaves equal those of the embedded local-mode run of the same program, row for row. In bin/test the
program is data-samples/ and the local run is the smoke test's (LUISTER_DEPLOY_DATA and
LUISTER_DEPLOY_LOCAL_WAREHOUSE), so the comparison costs one pipeline run, not two."""
import datetime
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import (AWS_ENV, PERIOD, ROOT, S3_SECRET_KEY, assert_same_tables, dump_s3, files_containing,
                      luister_env, program_on_s3, run, s3a_settings, stage_seconds)

# With a data-interval timetable, a run whose logical date is the end of Q3 covers July-September.
RUN_AFTER = "2026-10-01T00:00:00+00:00"
# From spark-submit's start to the stage's first work on this machine: JVM, Spark session, executors (~8 s seen).
DRIVER_START_SECONDS = 8


def completed_luister_apps(ui):
    state = json.load(urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=10))
    return [a["name"] for a in state.get("completedapps", []) if a["name"].startswith("luister-")]


def driver_pid(app_name):
    """The spark-submit JVM (the driver, in client mode) running the application of that name, if any."""
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"org.apache.spark.deploy.SparkSubmit" in args and app_name.encode() in args:
            return int(proc.name)
    return None


class StageKiller(threading.Thread):
    """Waits for the stage's driver to start, lets it work `delay` seconds, then kills it with SIGKILL."""

    def __init__(self, stage, delay):
        super().__init__(daemon=True)
        self.stage, self.delay, self.killed, self.done = stage, delay, False, threading.Event()

    def run(self):
        name = f"luister-{self.stage}-{PERIOD}"
        while not self.done.is_set():
            pid = driver_pid(name)
            if pid is not None:
                time.sleep(self.delay)
                try:
                    os.kill(pid, signal.SIGKILL)
                    self.killed = True
                except ProcessLookupError:
                    pass  # the stage ended before the kill point; the test reports it
                return
            time.sleep(0.2)


def dag_stages():
    sys.path.insert(0, str(ROOT / "airflow" / "dags"))
    try:
        from luister_quarterly import stages
        return stages()
    finally:
        sys.path.pop(0)


def test_airflow_runs_a_quarter_on_the_cluster_over_s3_through_a_killed_stage_and_leaves_the_local_tables(
        cluster, spark_home, jar, dataset, s3, work, local_run, local_tables):
    config = program_on_s3(dataset, s3["client"], "exports", work / "program-s3")
    s3["client"].create_bucket(Bucket="lake")
    warehouse = "s3a://lake/luister"
    # Each stage is a new application: three JVMs (driver, two executors) that live a minute or two on two
    # shared cores. C1 alone halved this test's CPU time (14 CPU-minutes against 26 with C2; DEPLOYMENT.md).
    jit = "-XX:TieredStopAtLevel=1"
    spark_conf = {"spark.driver.memory": "2g", "spark.executor.memory": "1g", "spark.driver.host": "127.0.0.1",
                  "spark.ui.enabled": "false",
                  "spark.driver.extraJavaOptions": jit, "spark.executor.extraJavaOptions": jit,
                  # Two one-core executors: a task waits for no preferred one (placement never changes results).
                  "spark.locality.wait": "0s",
                  # What the embedded launcher sets for two cores: the same partitioning gives the same model fits.
                  "spark.sql.shuffle.partitions": "8", "spark.databricks.delta.snapshotPartitions": "4",
                  **s3a_settings(s3["endpoint"])}
    host, port = cluster["url"].rsplit(":", 1)
    airflow_home = work / "airflow-home"
    env = luister_env(
        AIRFLOW_HOME=str(airflow_home),
        AIRFLOW__CORE__DAGS_FOLDER=str(ROOT / "airflow" / "dags"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW_VAR_LUISTER_JAR=str(jar),
        AIRFLOW_VAR_LUISTER_CONFIG=str(config),
        AIRFLOW_VAR_LUISTER_WAREHOUSE=warehouse,
        AIRFLOW_VAR_LUISTER_SPARK_CONF=json.dumps(spark_conf),
        AIRFLOW_CONN_LUISTER_SPARK=json.dumps({"conn_type": "spark", "host": host, "port": int(port),
                                               "extra": {"deploy-mode": "client", "spark-binary": "spark-submit"}}),
        LUISTER_RETRY_DELAY_SECONDS="2",
        SPARK_HOME=str(spark_home),
        PATH=f"{spark_home / 'bin'}{os.pathsep}{os.environ['PATH']}",
        **AWS_ENV)
    airflow = str(Path(sys.executable).with_name("airflow"))
    before = completed_luister_apps(cluster["ui"])
    driver_dir = work / "airflow-driver"  # the report stage writes reports/<period>/ in the driver's folder
    driver_dir.mkdir()

    # The stage to kill and when: after the driver's start-up (JVM, session, executors), 10-70 % into the stage's
    # local-mode duration; a stage is slower on this cluster, so the point falls inside its work.
    seed = int(os.environ.get("LUISTER_KILL_SEED", datetime.date.today().toordinal()))
    rng = random.Random(seed)
    seconds = stage_seconds(local_run, work / "dump-local-runs")
    victim = rng.choice([stage for stage in dag_stages() if stage in seconds and stage != "retention"])
    killer = StageKiller(victim, DRIVER_START_SECONDS + rng.uniform(0.1, 0.7) * seconds[victim])
    print(f"LUISTER_KILL_SEED={seed}: killing {victim} {killer.delay:.1f} s into its work")

    run([airflow, "db", "migrate"], work / "airflow-db.log", env=env, timeout=600)
    killer.start()
    try:
        log = run([airflow, "dags", "test", "luister_quarterly", RUN_AFTER], work / "airflow-dags-test.log",
                  env=env, timeout=3600, cwd=driver_dir)
    finally:
        killer.done.set()
    assert killer.killed, (f"LUISTER_KILL_SEED={seed}: {victim} ended before {killer.delay:.1f} s, "
                           "so nothing was killed")
    tries = [line for line in log.splitlines() if "Spark-Submit cmd:" in line and f"--name luister-{victim}-" in line]
    assert len(tries) == 2, f"{victim} should have been submitted twice (killed, retried), was {len(tries)} times"

    assert "state=success" in log[log.rindex("DagRun Finished"):], f"the DAG run failed:\n{log[-3000:]}"
    # One application per stage ran on the cluster, and one for the killed try; retention starts none when the
    # program keeps everything.
    expected = len([stage for stage in dag_stages() if stage != "retention"]) + 1
    submitted = len(completed_luister_apps(cluster["ui"])) - len(before)
    assert submitted == expected, f"{expected} applications should have run on the cluster, {submitted} did"
    assert list((driver_dir / "reports" / PERIOD).glob("*.pdf")), "the report task wrote the quarter's PDF"
    keys = [o["Key"] for o in s3["client"].list_objects_v2(Bucket="lake", Prefix="luister/gold/")["Contents"]]
    assert any("/_delta_log/" in k for k in keys), "the gold tables are Delta tables in the bucket"
    leaks = files_containing(work, S3_SECRET_KEY)
    assert not leaks, f"the S3 secret is written in {leaks}"
    # The local reference is a run for 2026-Q3: equal tables also show that the DAG derived that quarter from
    # the interval.
    assert_same_tables(local_tables, dump_s3(warehouse, s3["endpoint"], work / "dump-deployed", local_tables))
