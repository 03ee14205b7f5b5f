"""`airflow dags test` runs the quarterly DAG for one quarter with real Airflow: every task is a
SparkSubmitOperator that submits the spark-submit jar to the standalone cluster on 127.0.0.1, configured only
through the Airflow connection and Variables the deployment guide names. The tables it leaves equal those of
the embedded local-mode run, row for row."""
import json
import os
import sys
import urllib.request
from pathlib import Path

from conftest import ROOT, assert_same_tables, dump, luister_env, run

# With a data-interval timetable, a run whose logical date is the end of Q3 covers July-September.
RUN_AFTER = "2026-10-01T00:00:00+00:00"


def completed_luister_apps(ui):
    state = json.load(urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=10))
    return [a["name"] for a in state.get("completedapps", []) if a["name"].startswith("luister-")]


def test_airflow_runs_a_quarter_on_the_cluster_and_leaves_the_local_mode_tables(cluster, spark_home, jar, dataset,
                                                                                  work, local_tables):
    warehouse = work / "wh-airflow"
    spark_conf = {"spark.driver.memory": "2g", "spark.executor.memory": "1g", "spark.driver.host": "127.0.0.1",
                  "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "8",
                  "spark.databricks.delta.snapshotPartitions": "4"}
    host, port = cluster["url"].rsplit(":", 1)
    env = luister_env(
        AIRFLOW_HOME=str(work / "airflow-home"),
        AIRFLOW__CORE__DAGS_FOLDER=str(ROOT / "airflow" / "dags"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW_VAR_LUISTER_JAR=str(jar),
        AIRFLOW_VAR_LUISTER_CONFIG=str(dataset / "luister.yaml"),
        AIRFLOW_VAR_LUISTER_WAREHOUSE=str(warehouse),
        AIRFLOW_VAR_LUISTER_SPARK_CONF=json.dumps(spark_conf),
        AIRFLOW_CONN_LUISTER_SPARK=json.dumps({"conn_type": "spark", "host": host, "port": int(port),
                                               "extra": {"deploy-mode": "client", "spark-binary": "spark-submit"}}),
        SPARK_HOME=str(spark_home),
        PATH=f"{spark_home / 'bin'}{os.pathsep}{os.environ['PATH']}")
    airflow = str(Path(sys.executable).with_name("airflow"))
    before = completed_luister_apps(cluster["ui"])

    run([airflow, "db", "migrate"], work / "airflow-db.log", env=env, timeout=600)
    log = run([airflow, "dags", "test", "luister_quarterly", RUN_AFTER], work / "airflow-dags-test.log", env=env,
              timeout=3600)

    submitted = len(completed_luister_apps(cluster["ui"])) - len(before)
    assert submitted == 8, f"one application per stage should have run on the cluster, {submitted} did:\n{log[-3000:]}"
    # The local reference is a run for 2026-Q3: equal tables also show that the DAG derived that quarter from the interval.
    assert_same_tables(local_tables, dump(warehouse, work / "dump-airflow"))
