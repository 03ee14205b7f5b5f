"""A real Spark standalone cluster on 127.0.0.1 (a master and two workers, separate processes, from the
Spark distribution in the pyspark package) runs the spark-submit jar on the program's data; its tables equal
those of the embedded local-mode run, row for row.

Opt-in (LUISTER_DEPLOY_SLOW=1): test_deployed_quarter covers the cluster together with Airflow and S3 in one
run; this test tells a cluster problem from an S3 or Airflow one."""
import json
import os
import urllib.request

import pytest

from conftest import PERIOD, assert_same_tables, dump, run


@pytest.mark.skipif(os.environ.get("LUISTER_DEPLOY_SLOW") != "1",
                    reason="one more full run: set LUISTER_DEPLOY_SLOW=1 (test_deployed_quarter covers the cluster too)")
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
