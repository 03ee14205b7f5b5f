"""
### Luister: one insight program, one quarter per run

Runs the Luister stages for the quarter of the run's **data interval** (never "now"), each stage as its own
`spark-submit` of the Luister jar, in the graph `bin/luister run` follows: `ingest → unify`, then `themes`, `sentiment`
and `silences` after unify, `analyse` after themes and sentiment, `report` after analyse and silences, and `retention`
(the quarters the config's retention no longer keeps) last. The graph is not written here: the DAG reads it from
`luister_stages.json` next to this file, which the jar prints (`bin/luister stages --json > luister_stages.json`), so
it is the jar's own stage list. Tasks run one at a time by default (`LUISTER_MAX_ACTIVE_TASKS`, below).

Every stage replaces only what it owns for the period (Delta `replaceWhere` / dynamic partition overwrite),
so a retried or re-run task gives the same tables. History: `themes` and `analyse` run with `--backfill`, so the first
run also computes the complete earlier quarters silver holds and gold lacks (the trend and theme lineage exist from
day one). Backfills of older data: `catchup` is on, so enabling the DAG with an early `luister_start_date` runs every
past quarter in order; or `airflow dags backfill`.

Settings (Airflow Variables, read at run time through templates, never at parse time):

| variable | meaning | default |
|---|---|---|
| `luister_jar` | path or URI of `luister-spark.jar` as spark-submit sees it | `/opt/luister/luister-spark.jar` |
| `luister_config` | the program config (a file on the driver) | `/opt/luister/luister.yaml` |
| `luister_warehouse` | warehouse root (`s3a://bucket/luister` or a folder) | required |
| `luister_spark_conf` | JSON object of extra Spark settings for every stage | `{}` |

Connection `luister_spark` (type *Spark*): host = master URL (`spark://host:7077`, `yarn`, `k8s://https://...`,
`local[2]`), extra `{"deploy-mode": "cluster", "spark-binary": "spark-submit"}` as needed.
Stages, schedule and start are module settings below (environment variables `LUISTER_STAGES` (a comma list of
stages; a stage whose upstream is left out runs after its nearest chosen ancestors), `LUISTER_MAX_ACTIVE_TASKS` (tasks
of a run at once, default 1: on S3, Delta's default log store is safe for one writing driver at a time, and every
stage appends to ops.runs; raise it with the DynamoDB log store or on HDFS, docs/DEPLOYMENT.md section 5),
`LUISTER_SCHEDULE` (a cron expression, default `0 0 1 */3 *`), `LUISTER_START_DATE`, `LUISTER_RETRY_DELAY_SECONDS`
(the first retry's delay, default 300, doubling after)), read at parse time because they shape the graph; they cost nothing.
The `report` stage writes HTML and PDF files (not tables) on the driver's file system, under the config's
`report.output_dir` (default `reports/` in the driver's working directory): with `deploy-mode: cluster`, point it at
a folder every driver host shares. Guide: docs/DEPLOYMENT.md, docs/REPORT.md.
"""
from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.interval import CronDataIntervalTimetable

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2.x
    from airflow import DAG

# The stage graph the jar prints (`bin/luister stages --json`): each stage's name, the stages it runs after, whether
# it takes --period (ingest reads every file and replaces the periods found, which is idempotent) and --backfill (the
# complete earlier quarters silver holds and gold lacks first, oldest first, so the DAG's first run has the trend
# and the themes' lineage as `luister run` does; later runs find nothing lacking). A small local file read when the
# DAG is parsed, like the environment below: it shapes the graph.
STAGES_FILE = Path(__file__).with_name("luister_stages.json")


def read_stage_graph(path: Path = STAGES_FILE) -> list[dict]:
    """The stages in an order that runs each after those it needs, as the jar printed them."""
    try:
        return json.loads(path.read_text())["stages"]
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} is missing: the Luister DAG takes its stages from the jar's stage list, kept next to the DAG "
            f"file. Put it there: airflow/dags/{path.name} of the release the jar is built from, or what "
            f"`bin/luister stages --json > {path.name}` prints (docs/DEPLOYMENT.md).") from None


GRAPH = read_stage_graph()
PIPELINE = tuple(stage["name"] for stage in GRAPH)
AFTER = {stage["name"]: tuple(stage["after"]) for stage in GRAPH}
PERIOD_LESS = {stage["name"] for stage in GRAPH if not stage["takes_period"]}
BACKFILLING = {stage["name"] for stage in GRAPH if stage["backfills"]}
DEFAULT_STAGES = ",".join(PIPELINE)  # every stage


def stages(selection: str | None = None) -> list[str]:
    """The chosen stages (LUISTER_STAGES, comma-separated; default all) in the graph's order, whatever order given."""
    chosen = [s.strip() for s in (selection or os.environ.get("LUISTER_STAGES", DEFAULT_STAGES)).split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(PIPELINE))
    if unknown:
        raise ValueError(f"LUISTER_STAGES: unknown stage(s) {unknown}; the pipeline is {list(PIPELINE)}")
    return [s for s in PIPELINE if s in chosen]


def upstream(stage: str, chosen: list[str]) -> set[str]:
    """The chosen stages `stage` runs after: those of its own upstream stages that are chosen, and for each one left
    out, its nearest chosen ancestors."""
    found = set()
    for before in AFTER[stage]:
        found |= {before} if before in chosen else upstream(before, chosen)
    return found


def quarter(moment) -> str:
    """The Luister period (yyyy-Qn) of a moment: the data interval's start for a quarterly schedule."""
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def stage_args(stage: str) -> list[str]:
    """spark-submit application arguments; templates, rendered per task instance."""
    args = [stage,
            "--config", "{{ var.value.get('luister_config', '/opt/luister/luister.yaml') }}",
            "--warehouse", "{{ var.value.luister_warehouse }}"]
    if stage not in PERIOD_LESS:
        args += ["--period", "{{ luister_quarter(data_interval_start) }}"]
    if stage in BACKFILLING:
        args += ["--backfill"]
    return args


with DAG(
    dag_id="luister_quarterly",
    description="Luister insight program, one quarter per run, one spark-submit per stage",
    doc_md=__doc__,
    # A data-interval timetable, explicitly: a cron string alone gives Airflow 3 a trigger timetable whose
    # interval is the trigger moment, so the run at the start of October would process the new quarter.
    # Here that run covers July-September and processes 2026-Q3.
    schedule=CronDataIntervalTimetable(os.environ.get("LUISTER_SCHEDULE", "0 0 1 */3 *"), timezone="UTC"),
    start_date=pendulum.parse(os.environ.get("LUISTER_START_DATE", "2025-07-01"), tz="UTC"),
    catchup=True,  # on the DAG, not in default_args (where Airflow ignores it): backfills run every quarter
    max_active_runs=1,
    # One task at a time unless raised: themes, sentiment and silences could run side by side, but each is its own
    # driver and all append to ops.runs, which Delta's default S3 log store allows one driver at a time.
    max_active_tasks=int(os.environ.get("LUISTER_MAX_ACTIVE_TASKS", "1")),
    user_defined_macros={"luister_quarter": quarter},
    render_template_as_native_obj=True,  # luister_spark_conf renders to a dict, as the operator's conf wants
    default_args={
        "owner": "luister",
        "retries": 2,
        "retry_delay": timedelta(seconds=int(os.environ.get("LUISTER_RETRY_DELAY_SECONDS", "300"))),
        "retry_exponential_backoff": True,
    },
    tags=["luister", "spark"],
) as dag:
    tasks = {}
    chosen = stages()
    for name in chosen:
        tasks[name] = SparkSubmitOperator(
            task_id=name,
            conn_id="luister_spark",
            application="{{ var.value.get('luister_jar', '/opt/luister/luister-spark.jar') }}",
            java_class="io.luister.jobs.cli.Luister",
            name=f"luister-{name}-{{{{ luister_quarter(data_interval_start) }}}}",
            application_args=stage_args(name),
            conf="{{ var.json.get('luister_spark_conf', {}) }}",
            verbose=False,
        )
        for before in sorted(upstream(name, chosen)):
            tasks[before] >> tasks[name]
