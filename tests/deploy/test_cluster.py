"""A real Spark standalone cluster on 127.0.0.1 (a master and two workers, separate processes, from the
Spark distribution in the pyspark package) runs the spark-submit jar on the small data set; its tables equal
those of the embedded local-mode run, row for row."""
import json
import os
import subprocess
import time
import urllib.request

import pytest

from conftest import PERIOD, assert_same_tables, dump, free_port, luister_env, run, stop, wait_for_port


@pytest.fixture(scope="module")
def cluster(spark_home, work):
    env = luister_env(SPARK_HOME=str(spark_home), SPARK_LOG_DIR=str(work / "spark-logs"),
                      SPARK_WORKER_DIR=str(work / "spark-work"), SPARK_NO_DAEMONIZE="1")
    port, ui = free_port(), free_port()
    spark_class = str(spark_home / "bin" / "spark-class")
    started = []
    try:
        master = subprocess.Popen([spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                                   "--port", str(port), "--webui-port", str(ui)],
                                  stdout=open(work / "master.log", "w"), stderr=subprocess.STDOUT, env=env)
        started.append(master)
        wait_for_port(port, 120, master)
        url = f"spark://127.0.0.1:{port}"
        for i in range(2):
            worker = subprocess.Popen([spark_class, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                                       "--port", str(free_port()), "--webui-port", str(free_port()),
                                       "--cores", "1", "--memory", "1536m", "--work-dir", str(work / f"worker-{i}"),
                                       url],
                                      stdout=open(work / f"worker-{i}.log", "w"), stderr=subprocess.STDOUT, env=env)
            started.append(worker)
        wait_for_port(ui, 120, master)
        deadline = time.time() + 180
        while True:
            try:
                state = json.load(urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=10))
            except OSError as e:  # the UI starts serving a moment after its port opens
                state = {"error": str(e)}
            if state.get("aliveworkers", 0) == 2:
                break
            assert time.time() < deadline, f"workers did not register: {state}"
            time.sleep(1)
        yield {"url": url, "env": env, "ui": ui}
    finally:
        for p in reversed(started):
            stop(p)


def test_the_standalone_cluster_gives_the_tables_of_local_mode(cluster, spark_home, jar, dataset, work, local_tables):
    warehouse = work / "wh-cluster"
    log = run([str(spark_home / "bin" / "spark-submit"), "--master", cluster["url"], "--deploy-mode", "client",
               "--class", "io.luister.jobs.cli.Luister", "--driver-memory", "2g", "--executor-memory", "1g",
               "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
               # Spark's default of 200 shuffle partitions is for big data; this is 3,000 items.
               "--conf", "spark.sql.shuffle.partitions=8", "--conf", "spark.databricks.delta.snapshotPartitions=4",
               str(jar), "run", "--config", str(dataset / "luister.yaml"), "--warehouse", str(warehouse),
               "--period", PERIOD], work / "run-cluster.log", env=cluster["env"])
    assert "period " + PERIOD + " done" in log
    assert "StandaloneSchedulerBackend" in log and "local mode" not in log, "the job ran on the cluster"
    # The executors ran on the workers, not in the driver: the master saw the application finish.
    apps = json.load(urllib.request.urlopen(f"http://127.0.0.1:{cluster['ui']}/json/", timeout=10))
    assert any(a["name"].startswith("luister-") for a in apps.get("completedapps", [])), apps
    assert_same_tables(local_tables, dump(warehouse, work / "dump-cluster"))
