"""
### Luister: one insight program, one quarter per run

Runs the Luister stages for the quarter of the run's **data interval** (never "now"), each stage as its own
`spark-submit` of the Luister jar, in pipeline order:
`ingest → unify → themes → sentiment → analyse → silences → report → retention` (the stages the jar has; see
below), as `bin/luister run` does; `retention` deletes the quarters the config's retention no longer keeps.

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
Stages, schedule and start are module settings below (environment variables `LUISTER_STAGES`,
`LUISTER_SCHEDULE` (a cron expression, default `0 0 1 */3 *`), `LUISTER_START_DATE`, `LUISTER_RETRY_DELAY_SECONDS`
(the first retry's delay, default 300, doubling after)), read at parse time because they shape the graph; they cost nothing.
The `report` stage writes HTML and PDF files (not tables) on the driver's file system, under the config's
`report.output_dir` (default `reports/` in the driver's working directory): with `deploy-mode: cluster`, point it at
a folder every driver host shares. Guide: docs/DEPLOYMENT.md, docs/REPORT.md.
"""
from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.interval import CronDataIntervalTimetable

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2.x
    from airflow import DAG

# The full pipeline in order. Stages the deployed jar does not have yet are left out with LUISTER_STAGES
# (comma-separated, kept in this order whatever order it is given in). `ingest` takes no --period: it reads
# every file and replaces the periods found, which is idempotent.
PIPELINE = ("ingest", "unify", "themes", "sentiment", "analyse", "silences", "report", "retention")
DEFAULT_STAGES = ",".join(PIPELINE)  # every stage; the jar has them all since the report stage exists
PERIOD_LESS = {"ingest"}
# Stages that first compute the complete earlier quarters silver holds and gold lacks (oldest first), so the DAG's
# first run has the trend and the themes' lineage as `luister run` does; later runs find nothing lacking.
BACKFILLING = {"themes", "analyse"}


def stages(selection: str | None = None) -> list[str]:
    chosen = [s.strip() for s in (selection or os.environ.get("LUISTER_STAGES", DEFAULT_STAGES)).split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(PIPELINE))
    if unknown:
        raise ValueError(f"LUISTER_STAGES: unknown stage(s) {unknown}; the pipeline is {list(PIPELINE)}")
    return [s for s in PIPELINE if s in chosen]


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
    previous = None
    for name in stages():
        task = SparkSubmitOperator(
            task_id=name,
            conn_id="luister_spark",
            application="{{ var.value.get('luister_jar', '/opt/luister/luister-spark.jar') }}",
            java_class="io.luister.jobs.cli.Luister",
            name=f"luister-{name}-{{{{ luister_quarter(data_interval_start) }}}}",
            application_args=stage_args(name),
            conf="{{ var.json.get('luister_spark_conf', {}) }}",
            verbose=False,
        )
        if previous is not None:
            previous >> task
        previous = task
