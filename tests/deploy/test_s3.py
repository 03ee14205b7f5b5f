"""The pipeline in local mode with its inputs and its warehouse on s3a://, against the S3-compatible server on
127.0.0.1 (moto's), path-style, credentials only from the environment (the AWS provider chain): the same tables
as the local-mode run, and no secret in any log or config file.

Opt-in (LUISTER_DEPLOY_SLOW=1): test_deployed_quarter covers S3 together with Airflow and the cluster in one run;
this test tells an S3 problem from a cluster one."""
import os

import pytest

from conftest import (AWS_ENV, PERIOD, ROOT, S3_SECRET_KEY, assert_same_tables, dump_s3, files_containing,
                      luister_env, program_on_s3, run, s3a_settings)


@pytest.mark.skipif(os.environ.get("LUISTER_DEPLOY_SLOW") != "1",
                    reason="one more full run: set LUISTER_DEPLOY_SLOW=1 (test_deployed_quarter covers S3 too)")
def test_the_pipeline_on_s3a_gives_the_tables_of_local_mode(s3, dataset, work, local_tables):
    config = program_on_s3(dataset, s3["client"], "exports-local", work / "program-s3-local")
    s3["client"].create_bucket(Bucket="lake-local")
    warehouse = "s3a://lake-local/luister"
    settings = [a for key, value in s3a_settings(s3["endpoint"]).items() for a in ("--conf", f"{key}={value}")]
    log = run([str(ROOT / "bin" / "luister"), "run", "--config", str(config), "--warehouse", warehouse,
               "--period", PERIOD, *settings], work / "run-s3.log", env=luister_env(**AWS_ENV))
    assert "period " + PERIOD + " done" in log
    assert not files_containing(work / "program-s3-local", S3_SECRET_KEY) and S3_SECRET_KEY not in log

    keys = [o["Key"] for o in s3["client"].list_objects_v2(Bucket="lake-local", Prefix="luister/gold/silences/_delta_log/")["Contents"]]
    assert any(k.endswith(".json") for k in keys), "gold.silences is a Delta table in the bucket"
    assert_same_tables(local_tables, dump_s3(warehouse, s3["endpoint"], work / "dump-s3", local_tables))
