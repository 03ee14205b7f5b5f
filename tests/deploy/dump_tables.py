"""Writes every Delta table of a warehouse as sorted, normalised CSV, one file per table, for row-for-row
comparison between runs. Read with delta-rs (the `deltalake` package), so no JVM is needed.

Normalised: columns that record *when or by which run* something was written (run ids, ingestion times) are
dropped; input-file columns keep only the file name, and so do the paths quoted in quarantine reasons (whose
run-clock timestamps are masked too) (a local path and an s3a:// URI name the same file);
doubles are rounded to 9 significant digits (a cluster sums in another order than local mode).
Usage: dump_tables.py WAREHOUSE OUT_DIR [storage options as KEY=VALUE ...] [--keep-volatile] [--only layer/table ...]
Without --only: every table of a local warehouse but ops/runs. `layer/table@N` dumps the table as of version N.
"""
import csv
import math
import os
import re
import sys

from deltalake import DeltaTable

VOLATILE = {"run_id", "_run_id", "_ingested_at", "ingested_at", "recorded_at", "quarantined_at", "computed_at",
            "started_at_run"}
FILE_COLUMNS = {"_input_file", "input_file", "model_path"}
# Quarantine reasons quote the run's clock and the input file's full path (file:/... or s3a://...).
MESSAGE_COLUMNS = {"reason", "reasons", "message"}
RUN_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")
# A date's upper bound is the run's date plus ingest.max_future_days: two runs either side of midnight differ.
LATEST_DATE = re.compile(r"(the latest date allowed, )\d{4}-\d{2}-\d{2}")
FULL_PATH = re.compile(r"(?:file:|s3a://|/)\S*/([^/\s]+)")
LAYERS = ["bronze", "silver", "gold", "ops"]
# ops.runs is the run log: its rows record durations and run ids, so it differs between any two runs by design.
RUN_LOG = "ops/runs"


def committed(table):
    """A table exists for readers once its log holds a commit; a write killed before its first commit leaves
    a _delta_log folder without one, which no reader sees as a table."""
    log = os.path.join(table, "_delta_log")
    return os.path.isdir(log) and any(f.endswith(".json") for f in os.listdir(log))


def tables(root, options):
    """Every Delta table of the warehouse (layer/table), but the run log. Local folders are listed; for a
    remote warehouse the tables of a local one of the same pipeline are passed with --only."""
    found = []
    for layer in LAYERS:
        folder = os.path.join(root, layer)
        if os.path.isdir(folder):
            found += [f"{layer}/{t}" for t in sorted(os.listdir(folder))
                      if committed(os.path.join(folder, t)) and f"{layer}/{t}" != RUN_LOG]
    return found


def normalise(column, value):
    if value is None:
        return ""
    if column in FILE_COLUMNS:
        return str(value).rsplit("/", 1)[-1]
    if column in MESSAGE_COLUMNS:
        text = LATEST_DATE.sub(r"\1<run date>", RUN_TIME.sub("<run time>", normalise("", value)))
        return FULL_PATH.sub(r"\1", text)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else f"{value:.9g}"
    if isinstance(value, (list, tuple)):
        return "[" + "|".join(normalise("", v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + "|".join(f"{k}={normalise('', v)}" for k, v in sorted(value.items())) + "}"
    return str(value)


def main():
    root, out = sys.argv[1], sys.argv[2]
    rest = sys.argv[3:]
    keep_volatile = "--keep-volatile" in rest
    rest = [a for a in rest if a != "--keep-volatile"]
    only = rest[rest.index("--only") + 1:] if "--only" in rest else None
    rest = rest[:rest.index("--only")] if "--only" in rest else rest
    options = dict(a.split("=", 1) for a in rest)
    os.makedirs(out, exist_ok=True)
    for spec in only or tables(root, options):
        table, _, version = spec.partition("@")
        dt = DeltaTable(f"{root}/{table}", version=int(version) if version else None, storage_options=options or None)
        data = dt.to_pyarrow_table()
        columns = sorted(c for c in data.column_names if keep_volatile or c not in VOLATILE)
        rows = [[normalise(c, v) for c, v in zip(columns, r)]
                for r in zip(*(data.column(c).to_pylist() for c in columns))]
        rows.sort()
        with open(os.path.join(out, table.replace("/", ".") + ".csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            w.writerows(rows)
    sys.stdout.flush()
    # delta-rs can abort in its runtime's teardown at interpreter exit; the files are complete by now.
    os._exit(0)


if __name__ == "__main__":
    main()
