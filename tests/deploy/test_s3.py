"""The pipeline with its inputs and its warehouse on s3a://, against an S3-compatible server started here on
127.0.0.1 (moto's server), path-style, credentials only from the environment (the AWS provider chain):
the same tables as the local-mode run, and no secret in any log or config file."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PERIOD, ROOT, assert_same_tables, dump, free_port, luister_env, run, stop, wait_for_port

ACCESS_KEY = "luister-test-access"
SECRET_KEY = "luister-test-secret-4b1f"  # a dummy the local server accepts; asserted absent from every log


@pytest.fixture(scope="module")
def s3(work):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=open(work / "moto.log", "w"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, 60, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


@pytest.fixture(scope="module")
def aws_env(s3):
    return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_REGION": "us-east-1"}


def test_the_pipeline_on_s3a_gives_the_tables_of_local_mode(s3, aws_env, dataset, work, local_tables):
    import boto3
    client = boto3.client("s3", endpoint_url=s3, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                          region_name="us-east-1")
    client.create_bucket(Bucket="exports")
    client.create_bucket(Bucket="lake")
    for path in dataset.rglob("*"):
        rel = path.relative_to(dataset).as_posix()
        if path.is_file() and not rel.startswith("ground-truth") and rel.split("/")[0] in {"social", "contact", "survey", "web"}:
            client.upload_file(str(path), "exports", f"zonnewijs/{rel}")

    # The same program config, with its sources on S3: configuration only, no code change.
    config = dataset / "luister-s3.yaml"
    text = (dataset / "luister.yaml").read_text()
    config.write_text(re.sub(r"(?m)^(\s+path:\s+)(\S+)", r"\1s3a://exports/zonnewijs/\2", text))
    warehouse = "s3a://lake/luister"
    settings = ["--conf", f"spark.hadoop.fs.s3a.endpoint={s3}",
                "--conf", "spark.hadoop.fs.s3a.path.style.access=true",
                "--conf", "spark.hadoop.fs.s3a.endpoint.region=us-east-1"]
    log = run([str(ROOT / "bin" / "luister"), "run", "--config", str(config), "--warehouse", warehouse,
               "--period", PERIOD, *settings], work / "run-s3.log", env=luister_env(**aws_env))
    assert "period " + PERIOD + " done" in log
    assert SECRET_KEY not in log and SECRET_KEY not in config.read_text()

    keys = [o["Key"] for o in client.list_objects_v2(Bucket="lake", Prefix="luister/gold/silences/_delta_log/")["Contents"]]
    assert any(k.endswith(".json") for k in keys), "gold.silences is a Delta table in the bucket"

    os.environ.update(aws_env)  # delta-rs reads credentials from the environment too
    tables = dump(warehouse, work / "dump-s3", f"AWS_ENDPOINT_URL={s3}", "AWS_ALLOW_HTTP=true",
                  "AWS_VIRTUAL_HOSTED_STYLE_REQUEST=false",
                  "--only", *[p.stem.replace(".", "/") for p in sorted(Path(local_tables).glob("*.csv"))])
    assert_same_tables(local_tables, tables)
