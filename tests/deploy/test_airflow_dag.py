"""The Airflow DAG: imports cleanly, has one spark-submit task per stage in pipeline order, and renders the
period from the data interval. Real Airflow from PyPI (installed by bin/lib/deploy-tests.sh)."""
import importlib.util
import os
from pathlib import Path

import pendulum
import pytest

DAGS = Path(__file__).resolve().parents[2] / "airflow" / "dags"


@pytest.fixture(scope="module")
def dagbag():
    try:
        from airflow.dag_processing.dagbag import DagBag
    except ImportError:  # Airflow 2.x
        from airflow.models.dagbag import DagBag
    return DagBag(dag_folder=str(DAGS))


def load_module(monkeypatch, stages=None):
    if stages is not None:
        monkeypatch.setenv("LUISTER_STAGES", stages)
    spec = importlib.util.spec_from_file_location("luister_quarterly_under_test", DAGS / "luister_quarterly.py")
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


def test_the_default_graph_is_the_stages_the_jar_has_in_pipeline_order(dagbag):
    dag = dagbag.dags["luister_quarterly"]
    assert [t.task_id for t in dag.topological_sort()] == ["ingest", "unify", "themes", "sentiment", "analyse", "silences",
                                                          "report", "retention"]
    assert dag.get_task("unify").upstream_task_ids == {"ingest"}
    assert dag.get_task("silences").upstream_task_ids == {"analyse"}
    assert dag.get_task("report").upstream_task_ids == {"silences"}
    assert dag.get_task("retention").upstream_task_ids == {"report"}


def test_stages_added_later_slot_into_pipeline_order(monkeypatch):
    module = load_module(monkeypatch, "silences,sentiment,themes,ingest,unify,analyse")
    dag = module.dag
    order = [t.task_id for t in dag.topological_sort()]
    assert order == ["ingest", "unify", "themes", "sentiment", "analyse", "silences"]
    assert dag.get_task("analyse").upstream_task_ids == {"sentiment"}


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
    assert rendered["silences"].application_args[-2:] == ["--period", "2026-Q3"]
    assert "--period" not in rendered["ingest"].application_args
    # The first run fills the earlier quarters gold lacks (trend and theme lineage from day one).
    assert rendered["themes"].application_args[-3:] == ["--period", "2026-Q3", "--backfill"]
    assert rendered["analyse"].application_args[-3:] == ["--period", "2026-Q3", "--backfill"]
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
