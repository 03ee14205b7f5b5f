"""Shared fixtures of the deployment tests: the project, the spark-submit jar, a small generated data set,
its local-mode reference run, and helpers to start servers on 127.0.0.1 and compare warehouses."""
import csv
import filecmp
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "jobs" / "target" / "luister-spark.jar"
PERIOD = "2026-Q3"
ITEMS = int(os.environ.get("LUISTER_DEPLOY_ITEMS", "3000"))
S3_ACCESS_KEY = "luister-test-access"
S3_SECRET_KEY = "luister-test-secret-4b1f"  # a dummy the local server accepts; asserted absent from every log
AWS_ENV = {"AWS_ACCESS_KEY_ID": S3_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": S3_SECRET_KEY, "AWS_REGION": "us-east-1"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds, process=None):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process {process.args[0]} exited with {process.returncode} before listening")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def stop(process):
    """Stops a process this test started (by its own handle), politely first."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(30)


def run(cmd, log, env=None, timeout=1800, cwd=ROOT):
    """Runs a command with its output in a log file; on failure the log's tail is in the assertion."""
    with open(log, "w") as out:
        result = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=timeout, cwd=cwd)
    if result.returncode != 0:
        tail = Path(log).read_text(errors="replace")[-4000:]
        raise AssertionError(f"{' '.join(map(str, cmd))} exited with {result.returncode}:\n{tail}")
    return Path(log).read_text(errors="replace")


def luister_env(**extra):
    env = dict(os.environ)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    env.setdefault("LUISTER_DRIVER_MEMORY", "2g")
    env.update(extra)
    return env


def dump(warehouse, out, *options, env=None):
    """The warehouse's tables as normalised CSV files (dump_tables.py, delta-rs, no JVM)."""
    subprocess.run([sys.executable, str(Path(__file__).with_name("dump_tables.py")), str(warehouse), str(out),
                    *options], check=True, timeout=600, env=env)
    return Path(out)


def stage_seconds(warehouse, out):
    """Each stage's duration in a run of the warehouse: its ops.runs rows summed per run (ingest has one per
    source), the shortest run's when a stage ran more than once (bin/test's smoke test ingests twice)."""
    runs = dump(warehouse, out, "--keep-volatile", "--only", "ops/runs") / "ops.runs.csv"
    per_run = {}
    with open(runs, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["stage"], row["run_id"])
            per_run[key] = per_run.get(key, 0.0) + float(row["seconds"] or 0)
    seconds = {}
    for (stage, _), total in per_run.items():
        seconds[stage] = min(total, seconds.get(stage, total))
    return seconds


def assert_same_tables(expected_dir, actual_dir):
    files = sorted(p.name for p in Path(expected_dir).glob("*.csv"))
    assert files, f"no tables dumped in {expected_dir}"
    different = [f for f in files if not filecmp.cmp(Path(expected_dir) / f, Path(actual_dir) / f, shallow=False)]
    if different:
        first = different[0]
        exp = (Path(expected_dir) / first).read_text().splitlines()
        act = (Path(actual_dir) / first).read_text().splitlines()
        only_exp = sorted(set(exp) - set(act))[:3]
        only_act = sorted(set(act) - set(exp))[:3]
        raise AssertionError(f"tables differ: {different}; in {first}: {len(exp)} vs {len(act)} lines; "
                             f"only expected: {only_exp}; only actual: {only_act}")


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("deploy")


@pytest.fixture(scope="session")
def dataset(work):
    """A small deterministic data set in the samples' shape, with the samples' program config beside it.
    LUISTER_DEPLOY_DATA names a program folder (its luister.yaml and sources) to use instead: bin/test passes
    data-samples/, whose local-mode run the smoke test has already made."""
    if os.environ.get("LUISTER_DEPLOY_DATA"):
        return Path(os.environ["LUISTER_DEPLOY_DATA"]).resolve()
    out = work / "data"
    run([str(ROOT / "bin" / "luister"), "generate", "--out", str(out), "--items", str(ITEMS)],
        work / "generate.log", env=luister_env())
    shutil.copy(ROOT / "data-samples" / "luister.yaml", out / "luister.yaml")
    return out


@pytest.fixture(scope="session")
def local_run(work, dataset):
    """The reference: the README's embedded local mode on the small data set.
    LUISTER_DEPLOY_LOCAL_WAREHOUSE reuses a warehouse from this exact command (development shortcut)."""
    if os.environ.get("LUISTER_DEPLOY_LOCAL_WAREHOUSE"):
        return Path(os.environ["LUISTER_DEPLOY_LOCAL_WAREHOUSE"])
    warehouse = work / "wh-local"
    run([str(ROOT / "bin" / "luister"), "run", "--config", str(dataset / "luister.yaml"),
         "--warehouse", str(warehouse), "--period", PERIOD], work / "run-local.log", env=luister_env())
    return warehouse


@pytest.fixture(scope="session")
def local_tables(work, local_run):
    return dump(local_run, work / "dump-local")


@pytest.fixture(scope="session")
def spark_home():
    """The Spark distribution inside the pyspark package (bin/spark-class, bin/spark-submit, jars/)."""
    import pyspark
    home = Path(pyspark.__file__).parent
    assert (home / "jars" / "spark-core_2.13-4.1.0.jar").exists(), "pyspark must bring Spark 4.1.0 for Scala 2.13"
    return home


@pytest.fixture(scope="session")
def jar():
    assert JAR.exists(), f"{JAR} is missing: build it with mvn -B -DskipTests -Pspark-submit package"
    return JAR


@pytest.fixture(scope="session")
def cluster(spark_home, work):
    """A Spark standalone master and two one-core workers on 127.0.0.1, separate processes; stopped at the end."""
    # The workers hold the S3 credentials in their environment, as a cluster node has its instance's role: the
    # executors they launch find them through the AWS provider chain, and no job or config carries them.
    env = luister_env(SPARK_HOME=str(spark_home), SPARK_LOG_DIR=str(work / "spark-logs"),
                      SPARK_WORKER_DIR=str(work / "spark-work"), SPARK_NO_DAEMONIZE="1", **AWS_ENV)
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


@pytest.fixture(scope="session")
def s3(work):
    """An S3-compatible server (moto's) on 127.0.0.1, with a client for it; stopped at the end."""
    import boto3
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=open(work / "moto.log", "w"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, 60, server)
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=S3_ACCESS_KEY,
                              aws_secret_access_key=S3_SECRET_KEY, region_name="us-east-1")
        yield {"endpoint": endpoint, "client": client, "log": work / "moto.log"}
    finally:
        stop(server)


class CommitLog:
    """The Delta commits the S3 server received, from its request log: a commit is a PUT of
    <layer>/<table>/_delta_log/<version>.json answered 200. Reading the log's new lines costs next to nothing, where
    listing the bucket costs moto about 0.1 s of CPU per call (800 objects), which a tight watch would take from the
    stages it watches on two cores."""

    COMMIT = re.compile(r'"PUT \S*/([^/\s]+/[^/\s]+)/_delta_log/\d{20}\.json HTTP/[\d.]+" 200')

    def __init__(self, path):
        self.path, self.position = Path(path), 0

    def skip(self):
        """Forget what the log holds so far."""
        self.position = self.path.stat().st_size

    def new_commits(self):
        """The tables ("layer/table") committed to since the last call or skip, from complete lines only."""
        with open(self.path, "rb") as f:
            f.seek(self.position)
            chunk = f.read()
        end = chunk.rfind(b"\n") + 1
        self.position += end
        return {m.group(1) for m in self.COMMIT.finditer(chunk[:end].decode("utf-8", "replace"))}


def s3a_settings(endpoint):
    """The Spark settings for an S3-compatible endpoint: its address and path-style access; no credentials."""
    return {"spark.hadoop.fs.s3a.endpoint": endpoint, "spark.hadoop.fs.s3a.path.style.access": "true",
            "spark.hadoop.fs.s3a.endpoint.region": "us-east-1"}


def program_copy(program, out, source_prefix, edit=lambda text: text):
    """Writes a program folder's config into out/ (its other YAML files beside it) with every source path
    prefixed by source_prefix (the program folder, or s3a://bucket/), edited by `edit`, so a test changes a
    config without writing into the program's folder. Returns the new config's path."""
    out.mkdir(parents=True, exist_ok=True)
    for other in program.glob("*.yaml"):
        shutil.copy(other, out / other.name)
    # The ground truth beside the config marks synthetic data: only then may the development key be used.
    if (program / "ground-truth" / "truth.json").is_file():
        (out / "ground-truth").mkdir(exist_ok=True)
        shutil.copy(program / "ground-truth" / "truth.json", out / "ground-truth" / "truth.json")
    config = out / "luister.yaml"
    text = (program / "luister.yaml").read_text()
    config.write_text(edit(re.sub(r"(?m)^(\s+path:\s+)(\S+)", lambda m: m.group(1) + source_prefix + m.group(2), text)))
    return config


def program_on_s3(program, client, bucket, out):
    """Uploads a program folder's sources to s3://bucket/ and writes its config with every source path on s3a://
    into out/: configuration only, no code change. Returns the new config's path."""
    client.create_bucket(Bucket=bucket)
    for path in program.rglob("*"):
        if path.is_file() and path.suffix != ".yaml":  # the configs stay on the driver; every export goes up
            client.upload_file(str(path), bucket, path.relative_to(program).as_posix())
    return program_copy(program, out, f"s3a://{bucket}/")


def dump_s3(warehouse, endpoint, out, like):
    """dump() for a warehouse on the S3 server: the tables of the local dump `like`, read by delta-rs with the
    credentials in its environment."""
    return dump_s3_tables(warehouse, endpoint, out, [p.stem.replace(".", "/") for p in sorted(Path(like).glob("*.csv"))])


def dump_s3_tables(warehouse, endpoint, out, tables):
    """dump() of the named tables (layer/table, or layer/table@version) of a warehouse on the S3 server."""
    return dump(warehouse, out, f"AWS_ENDPOINT_URL={endpoint}", "AWS_ALLOW_HTTP=true",
                "AWS_VIRTUAL_HOSTED_STYLE_REQUEST=false", "--only", *tables, env={**os.environ, **AWS_ENV})


def delta_versions(client, bucket, prefix):
    """The latest committed version of every Delta table under s3://bucket/prefix/, as {"layer/table": n}."""
    versions = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix.rstrip("/") + "/"):
        for item in page.get("Contents", []):
            match = re.fullmatch(r".*/([^/]+/[^/]+)/_delta_log/(\d{20})\.json", item["Key"])
            if match:
                table, version = match.group(1), int(match.group(2))
                versions[table] = max(version, versions.get(table, version))
    return versions


def table_texts(folder):
    """A dump folder's tables as {file name: text}; {} for no folder."""
    return {p.name: p.read_text() for p in Path(folder).glob("*.csv")} if folder else {}


def slices(text):
    """A dumped table by the slice a stage replaces in one commit: its period, else its source (ops.quarantine
    is replaced per source), else the whole table."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    key = next((header.index(k) for k in ("period", "source") if k in header), None)
    out = {}
    for row in body:
        out.setdefault(row[key] if key is not None else "*", []).append(row)
    return out


def assert_slices_before_or_complete(before, after, final, what):
    """What a reader sees after a killed stage: every slice of every table in `after` either as in `before` (the
    tables before the stage) or as in `final` (an uninterrupted run's); each a {file name: dumped text}."""
    for name, text in after.items():
        old, new, now = slices(before.get(name, "x\n")), slices(final.get(name, "x\n")), slices(text)
        for key in sorted(set(now) | set(old)):
            assert now.get(key) in (old.get(key), new.get(key)), \
                f"{what}, {name} [{key}] is neither as before the stage nor complete"


def files_containing(folder, secret):
    """The files under folder whose bytes contain secret."""
    needle = secret.encode()
    # The application jars the workers copied are skipped: they are the build's, and 80 MB a copy.
    return [str(p) for p in Path(folder).rglob("*")
            if p.is_file() and p.suffix != ".jar" and needle in p.read_bytes()]
