"""The deployment as a data engineer runs it, in one go: `airflow dags test` runs the quarterly DAG for one
quarter with real Airflow; every task is a SparkSubmitOperator that submits the spark-submit jar to the standalone
cluster on 127.0.0.1 (a master and two workers, separate processes); the program's sources and the warehouse are
on s3a:// on the local S3 server, path-style, with credentials only in the environment. Everything is set through
the Airflow connection and Variables the deployment guide names, and the program config differs from the local
one only in its source paths.

Every stage's driver is killed (SIGKILL) once: at a random point of its work, or right after its first table commit
(when its other tables are not written yet); right after each kill, every slice (period, or source) of every table
the killed try had committed to must be as before the stage or complete, and Airflow retries the task. The points
come from a seed that changes daily; it is printed, and LUISTER_KILL_SEED replays it.

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

from conftest import (AWS_ENV, PERIOD, ROOT, S3_SECRET_KEY, CommitLog, assert_same_tables,
                      assert_slices_before_or_complete, delta_versions, dump_s3, dump_s3_tables, files_containing,
                      luister_env, program_on_s3, run, s3a_settings, stage_seconds, table_texts)

# With a data-interval timetable, a run whose logical date is the end of Q3 covers July-September.
RUN_AFTER = "2026-10-01T00:00:00+00:00"
# From spark-submit's start to the stage's first work on this machine: JVM, Spark session, executors (~8 s seen).
DRIVER_START_SECONDS = 8
AT_FIRST_COMMIT = "right after its first table commit"
WRITES_NO_TABLE = {"report"}  # its files are written on the driver; its only commit is the run log's
RUN_LOG = "ops/runs"


def completed_luister_apps(ui):
    state = json.load(urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=10))
    return [a["name"] for a in state.get("completedapps", []) if a["name"].startswith("luister-")]


def driver_pids():
    """The spark-submit processes running, by the name of their application: each becomes the driver's JVM (in client
    mode; spark-class execs it), not the short-lived launcher that builds its command line."""
    pids = {}
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if (b"org.apache.spark.deploy.SparkSubmit" in args and b"org.apache.spark.launcher.Main" not in args
                and b"--name" in args[:-1]):
            pids.setdefault(args[args.index(b"--name") + 1].decode(errors="replace"), int(proc.name))
    return pids


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


class StageKiller(threading.Thread):
    """Kills every stage's first driver, in the order Airflow starts them, then has `look` check what a reader sees:
    look(stage, seconds, versions) with the seconds the driver had run and the tables' versions from before the stage. A stage's point is
    a number of seconds after its driver started, or AT_FIRST_COMMIT: as soon as the S3 server has received a commit
    to one of its tables (`commits`, a CommitLog; the run log's aside), which is where a reader could see one table
    complete and the next not."""

    def __init__(self, points, versions, commits, look):
        super().__init__(daemon=True)
        self.points, self.versions, self.commits, self.look = points, versions, commits, look
        self.killed, self.failures, self.done = [], [], threading.Event()

    def run(self):
        waiting = dict(self.points)
        while waiting:
            # Airflow starts the stages one at a time, but in an order of its own among those whose upstream is done
            # (themes, sentiment and silences after unify): whichever waiting stage's driver appears first is next.
            stage, pid = self.next_driver(waiting)
            if stage is None:
                return
            point = waiting.pop(stage)
            started = time.time()
            self.commits.skip()  # before the listing: no commit of this try can fall between the two
            before = self.versions()  # no other stage runs meanwhile: `dags test` runs one task at a time
            if point == AT_FIRST_COMMIT:
                while alive(pid) and not self.commits.new_commits() - {RUN_LOG}:
                    time.sleep(0.05)
            else:
                time.sleep(point)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                continue  # the stage ended before the kill point; the test reports it
            self.killed.append(stage)
            try:
                self.look(stage, time.time() - started, before)
            except Exception as e:  # noqa: BLE001 - reported by the test; the next stages must still be killed
                self.failures.append(f"{type(e).__name__}: {e}")

    def next_driver(self, stages):
        """The first of `stages` whose driver runs, and its pid; (None, None) once the DAG run is over."""
        names = {f"luister-{stage}-{PERIOD}": stage for stage in stages}
        while not self.done.is_set():
            running = [(names[name], pid) for name, pid in driver_pids().items() if name in names]
            if running:
                return running[0]
            time.sleep(0.2)
        return None, None


def dag_stages():
    sys.path.insert(0, str(ROOT / "airflow" / "dags"))
    try:
        from luister_quarterly import stages
        return stages()
    finally:
        sys.path.pop(0)


def test_airflow_runs_a_quarter_on_the_cluster_over_s3_through_a_kill_of_every_stage_and_leaves_the_local_tables(
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
    apps_before = completed_luister_apps(cluster["ui"])
    driver_dir = work / "airflow-driver"  # the report stage writes reports/<period>/ in the driver's folder
    driver_dir.mkdir()

    # When to kill each stage: half of those that write tables (chosen by the seed) as soon as the stage's first table
    # commit lands, the others after the driver's start-up (JVM, session, executors) and 10-70 % into the stage's
    # local-mode duration (a stage is slower on this cluster, so the point falls inside its work; most stages commit
    # only at their end, so those kills mostly test that a killed computation leaves nothing). The report writes
    # files, not tables.
    seed = int(os.environ.get("LUISTER_KILL_SEED", datetime.date.today().toordinal()))
    rng = random.Random(seed)
    seconds = stage_seconds(local_run, work / "dump-local-runs")
    victims = [stage for stage in dag_stages() if stage in seconds and stage != "retention"]
    writers = [stage for stage in victims if stage not in WRITES_NO_TABLE]
    at_commit = set(rng.sample(writers, len(writers) // 2))
    points = [(stage, AT_FIRST_COMMIT if stage in at_commit
               else DRIVER_START_SECONDS + rng.uniform(0.1, 0.7) * seconds[stage]) for stage in victims]
    print(f"LUISTER_KILL_SEED={seed}: killing " + ", ".join(
        f"{stage} {point}" if point == AT_FIRST_COMMIT else f"{stage} {point:.1f} s into its work"
        for stage, point in points))
    final = table_texts(local_tables)

    def look(stage, ran, before):
        """Right after a kill: the tables the killed try committed to, slice by slice as before or complete. (The
        retry may commit meanwhile; its slices are complete.)"""
        now = delta_versions(s3["client"], "lake", "luister")
        touched = [t for t, v in sorted(now.items()) if v != before.get(t) and t.replace("/", ".") + ".csv" in final]
        if not touched:
            return
        was = [f"{t}@{before[t]}" for t in touched if t in before]
        was = table_texts(dump_s3_tables(warehouse, s3["endpoint"], work / f"dump-before-{stage}", was)) if was else {}
        after = table_texts(dump_s3_tables(warehouse, s3["endpoint"], work / f"dump-after-{stage}", touched))
        assert_slices_before_or_complete(was, after, final, f"after killing {stage} {ran:.1f} s in")
        print(f"after killing {stage} {ran:.1f} s in: {len(touched)} tables it had committed to, every slice as before "
              "or complete")

    killer = StageKiller(points, lambda: delta_versions(s3["client"], "lake", "luister"), CommitLog(s3["log"]), look)
    run([airflow, "db", "migrate"], work / "airflow-db.log", env=env, timeout=600)
    killer.start()
    try:
        log = run([airflow, "dags", "test", "luister_quarterly", RUN_AFTER], work / "airflow-dags-test.log",
                  env=env, timeout=3600, cwd=driver_dir)
    finally:
        killer.done.set()
        killer.join(120)
    print(f"killed: {killer.killed}")
    assert not killer.failures, "\n".join(killer.failures)
    missed = [stage for stage in victims if stage not in killer.killed]
    assert not missed, f"LUISTER_KILL_SEED={seed}: {missed} ended before their kill point, so they were not killed"
    for stage in victims:
        tries = [line for line in log.splitlines() if "Spark-Submit cmd:" in line and f"--name luister-{stage}-" in line]
        assert len(tries) == 2, f"{stage} should have been submitted twice (killed, retried), was {len(tries)} times"

    assert "state=success" in log[log.rindex("DagRun Finished"):], f"the DAG run failed:\n{log[-3000:]}"
    # Two applications per stage ran on the cluster, the killed try and the retry; retention starts none when the
    # program keeps everything.
    expected = 2 * len(victims)
    submitted = len(completed_luister_apps(cluster["ui"])) - len(apps_before)
    assert submitted == expected, f"{expected} applications should have run on the cluster, {submitted} did"
    assert list((driver_dir / "reports" / PERIOD).glob("*.pdf")), "the report task wrote the quarter's PDF"
    keys = [o["Key"] for o in s3["client"].list_objects_v2(Bucket="lake", Prefix="luister/gold/")["Contents"]]
    assert any("/_delta_log/" in k for k in keys), "the gold tables are Delta tables in the bucket"
    leaks = files_containing(work, S3_SECRET_KEY)
    assert not leaks, f"the S3 secret is written in {leaks}"
    # The local reference is a run for 2026-Q3: equal tables also show that the DAG derived that quarter from
    # the interval.
    assert_same_tables(local_tables, dump_s3(warehouse, s3["endpoint"], work / "dump-deployed", local_tables))
