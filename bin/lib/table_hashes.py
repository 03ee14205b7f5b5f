#!/usr/bin/env python3
"""Prints one line per table of a warehouse export: its name, row count and a SHA-256 over its sorted rows.

Used to prove that a change keeps every output identical (#34, #33): export every table of two runs as CSV
(bin/lib/table-hashes.sh does that), hash both, diff the listings. Columns that differ from run to run by design
(run ids, ingest and record times, the theme model's path) are left out, and an instant inside a text (a quarantine
reason names the run's time) reads <instant>; ops.runs is left out whole (its rows are times and durations). Rows are sorted, so the order a table was written in does not count.
"""
import csv
import hashlib
import pathlib
import re
import sys

VOLATILE_COLUMNS = {"run_id", "_run_id", "_ingested_at", "recorded_at", "quarantined_at", "model_path"}
VOLATILE_TABLES = {"runs"}
# An instant inside a text: a quarantine reason names the run's time as the latest date allowed.
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")


def table_hash(path: pathlib.Path) -> tuple[int, str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        kept = [i for i, name in enumerate(header) if name not in VOLATILE_COLUMNS]
        rows = sorted("\x1f".join(INSTANT.sub("<instant>", row[i]) for i in kept) for row in reader)
    digest = hashlib.sha256("\x1e".join([",".join(header[i] for i in kept)] + rows).encode("utf-8"))
    return len(rows), digest.hexdigest()


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: table_hashes.py EXPORT_DIR (one CSV per table, as `bin/luister export --format csv` writes)")
    for path in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
        if path.stem in VOLATILE_TABLES:
            continue
        rows, digest = table_hash(path)
        print(f"{path.stem}\t{rows}\t{digest}")


if __name__ == "__main__":
    main()
