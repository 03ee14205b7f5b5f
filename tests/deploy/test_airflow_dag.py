"""The Airflow DAG: imports cleanly, has one spark-submit task per stage with the dependencies of the jar's stage
list (`luister_stages.json`, which must be what the jar prints), and renders the period from the data interval.
Real Airflow from PyPI (installed by bin/lib/deploy-tests.sh)."""
import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pendulum
import pytest

ROOT = Path(__file__).resolve().parents[2]
DAGS = ROOT / "airflow" / "dags"
STAGES_FILE = DAGS / "luister_stages.json"
GRAPH = json.loads(STAGES_FILE.read_text())["stages"]
NAMES = [stage["name"] for stage in GRAPH]
AFTER = {stage["name"]: set(stage["after"]) for stage in GRAPH}


def ancestors(stage):
    found = set()
    for before in AFTER[stage]:
        found |= {before} | ancestors(before)
    return found


def nearest_chosen_ancestors(stage, chosen):
    """The chosen stages `stage` comes after with no chosen stage between them."""
    candidates = ancestors(stage) & set(chosen)
    return {s for s in candidates if not any(s in ancestors(between) for between in candidates)}


@pytest.fixture(scope="module")
def dagbag():
    try:
        from airflow.dag_processing.dagbag import DagBag
    except ImportError:  # Airflow 2.x
        from airflow.models.dagbag import DagBag
    return DagBag(dag_folder=str(DAGS))


def load_module(monkeypatch, stages=None, dags=DAGS):
    if stages is not None:
        monkeypatch.setenv("LUISTER_STAGES", stages)
    spec = importlib.util.spec_from_file_location("luister_quarterly_under_test", dags / "luister_quarterly.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dag_folder_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert "luister_quarterly" in dagbag.dag_ids


def test_the_dag_is_keyed_by_quarter_with_catchup_retries_and_tags(dagbag):
    dag = dagbag.dags["luister_quarterly"]
    assert dag.catchup is True
    assert dag.max_active_runs == 1
    assert "luister" in dag.tags
    for task in dag.tasks:
        assert task.retries >= 2
        assert task._conn_id == "luister_spark"  # the operator keeps it private
        assert task._java_class == "io.luister.jobs.cli.Luister"


def java_17_available():
    candidates = [shutil.which("java")] + [f"{home}/bin/java" for home in (os.environ.get("JAVA_HOME"),
                  "/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk", "/usr/lib/jvm/temurin-17-jdk-amd64")
                  if home]
    return any(c and os.access(c, os.X_OK) for c in candidates)


def test_the_committed_stage_list_is_what_the_jar_prints():
    """A stage added or rewired in Java (cli/Pipeline) without regenerating the DAG's file fails here. Never skipped:
    without a JDK the check would pass unseen, and the test command always has one (it builds the jar first)."""
    assert java_17_available(), "no JDK to run bin/luister stages --json with: set JAVA_HOME to a Java 17"
    printed = subprocess.run([str(ROOT / "bin" / "luister"), "stages", "--json"], capture_output=True, text=True,
                             check=True, timeout=1800, cwd=ROOT).stdout
    assert json.loads(printed) == json.loads(STAGES_FILE.read_text()), (
        "airflow/dags/luister_stages.json differs from the jar's stage list: regenerate it with "
        "bin/luister stages --json > airflow/dags/luister_stages.json")


def test_the_default_graph_is_the_jars_stage_list_with_its_dependencies(dagbag):
    dag = dagbag.dags["luister_quarterly"]
    assert [t.task_id for t in dag.topological_sort()][0] == NAMES[0]
    assert {t.task_id for t in dag.tasks} == set(NAMES)
    for name in NAMES:
        assert dag.get_task(name).upstream_task_ids == AFTER[name], name
    # One task at a time unless LUISTER_MAX_ACTIVE_TASKS says otherwise (one writing driver on S3).
    assert dag.max_active_tasks == 1


def test_chosen_stages_keep_the_graphs_order_whatever_order_they_are_given_in(monkeypatch):
    chosen = [name for name in NAMES if name not in ("report", "retention")]
    module = load_module(monkeypatch, ",".join(reversed(chosen)))
    assert module.stages() == chosen
    for name in chosen:
        assert module.dag.get_task(name).upstream_task_ids == AFTER[name], name


@pytest.mark.parametrize("left_out", [name for name in NAMES if AFTER[name] and any(name in AFTER[s] for s in NAMES)])
def test_a_stage_whose_upstream_is_left_out_runs_after_its_nearest_chosen_ancestors(monkeypatch, left_out):
    chosen = [name for name in NAMES if name != left_out]
    dag = load_module(monkeypatch, ",".join(chosen)).dag
    assert {t.task_id for t in dag.tasks} == set(chosen)
    for name in chosen:
        task = dag.get_task(name)
        # After every chosen stage it comes after in the jar's graph, and after no other.
        assert set(task.get_flat_relative_ids(upstream=True)) == ancestors(name) & set(chosen), name
        assert nearest_chosen_ancestors(name, chosen) <= task.upstream_task_ids, name


def test_without_the_stage_list_next_to_it_the_dag_fails_saying_how_to_make_it(monkeypatch, tmp_path):
    shutil.copy(DAGS / "luister_quarterly.py", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"luister_stages\.json is missing.*bin/luister stages --json"):
        load_module(monkeypatch, dags=tmp_path)


def test_an_unknown_stage_is_refused_with_the_known_ones(monkeypatch):
    with pytest.raises(ValueError, match="unknown stage"):
        load_module(monkeypatch, "ingest,unfiy")


@pytest.mark.parametrize("start, expected", [
    ("2026-07-01T00:00:00+00:00", "2026-Q3"),
    ("2026-01-01T00:00:00+00:00", "2026-Q1"),
    ("2025-10-01T00:00:00+00:00", "2025-Q4"),
    ("2026-06-30T23:59:59+00:00", "2026-Q2"),
])
def test_the_period_is_the_quarter_of_the_data_interval(monkeypatch, start, expected):
    module = load_module(monkeypatch)
    assert module.quarter(pendulum.parse(start)) == expected


def test_templated_arguments_render_for_a_given_quarter(dagbag, monkeypatch):
    """Renders every task's templates for the run whose data interval is 2026-Q3, with the Variables set."""
    monkeypatch.setenv("AIRFLOW_VAR_LUISTER_JAR", "s3a://artifacts/luister-spark.jar")
    monkeypatch.setenv("AIRFLOW_VAR_LUISTER_CONFIG", "/etc/luister/zonnewijs.yaml")
    monkeypatch.setenv("AIRFLOW_VAR_LUISTER_WAREHOUSE", "s3a://lake/luister")
    monkeypatch.setenv("AIRFLOW_VAR_LUISTER_SPARK_CONF", '{"spark.executor.memory": "4g"}')
    dag = dagbag.dags["luister_quarterly"]
    start = pendulum.datetime(2026, 7, 1, tz="UTC")
    end = pendulum.datetime(2026, 10, 1, tz="UTC")
    rendered = {}
    for task in dag.tasks:
        context = {
            "data_interval_start": start, "data_interval_end": end,
            "logical_date": start, "ds": "2026-07-01",
            "var": _variable_accessors(),
            "dag": dag, "task": task,
        }
        context.update(dag.user_defined_macros)
        task.render_template_fields(context, jinja_env=dag.get_template_env())
        rendered[task.task_id] = task
    unify = rendered["unify"]
    assert unify.application == "s3a://artifacts/luister-spark.jar"
    assert unify.application_args == ["unify", "--config", "/etc/luister/zonnewijs.yaml",
                                      "--warehouse", "s3a://lake/luister", "--period", "2026-Q3"]
    # --period where the stage takes it (not ingest, which reads every file); --backfill where the stage backfills,
    # so the first run fills the earlier quarters gold lacks (trend and theme lineage from day one).
    assert not GRAPH[0]["takes_period"] and any(stage["backfills"] for stage in GRAPH)
    for stage in GRAPH:
        args = rendered[stage["name"]].application_args
        assert args[:5] == [stage["name"], "--config", "/etc/luister/zonnewijs.yaml", "--warehouse", "s3a://lake/luister"]
        assert args[5:] == (["--period", "2026-Q3"] if stage["takes_period"] else []) + (
            ["--backfill"] if stage["backfills"] else []), stage["name"]
    assert unify.conf == {"spark.executor.memory": "4g"}
    assert unify.name == "luister-unify-2026-Q3"


def _variable_accessors():
    """The `var` template object Airflow puts in a task's context (reads Variables, here from AIRFLOW_VAR_*)."""
    try:
        from airflow.sdk.execution_time.context import VariableAccessor
        return {"json": VariableAccessor(deserialize_json=True), "value": VariableAccessor(deserialize_json=False)}
    except ImportError:
        from airflow.utils.context import VariableAccessor
        return {"json": VariableAccessor(deserialize_json=True), "value": VariableAccessor(deserialize_json=False)}


def test_the_run_after_a_quarter_closes_processes_that_quarter(dagbag, monkeypatch):
    """The scheduled run that starts on 1 October has July-September as its data interval (not the new quarter)."""
    from airflow.timetables.base import DataInterval, TimeRestriction
    dag = dagbag.dags["luister_quarterly"]
    previous = DataInterval(pendulum.datetime(2026, 4, 1, tz="UTC"), pendulum.datetime(2026, 7, 1, tz="UTC"))
    info = dag.timetable.next_dagrun_info(last_automated_data_interval=previous,
                                          restriction=TimeRestriction(earliest=None, latest=None, catchup=True))
    assert info.run_after == pendulum.datetime(2026, 10, 1, tz="UTC")
    assert info.data_interval.start == pendulum.datetime(2026, 7, 1, tz="UTC")
    assert load_module(monkeypatch).quarter(info.data_interval.start) == "2026-Q3"
