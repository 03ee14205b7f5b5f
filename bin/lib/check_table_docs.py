#!/usr/bin/env python3
"""Smoke check of the served shape of the gold tables after a full run.

Usage: check_table_docs.py SILENCES_CSV VIEW_COUNT_CSV DETAIL_CSV...
- gold.latest_silences holds exactly the silences of the latest period in gold.silences;
- the tables of DETAIL_CSV... carry a table comment (their description) and auto compaction (DESCRIBE DETAIL rows).
"""
import csv
import sys


def main(silences_csv: str, view_csv: str, *detail_csvs: str) -> int:
    with open(silences_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    latest = max((r["period"] for r in rows), default=None)
    expected = sum(1 for r in rows if r["period"] == latest and r["status"] == "silence")
    with open(view_csv, newline="", encoding="utf-8") as f:
        in_view = int(next(csv.DictReader(f))["silences_in_view"])
    problems = []
    if in_view != expected:
        problems.append(f"gold.latest_silences has {in_view} rows, gold.silences {expected} silences in {latest}")
    details = []
    for detail_csv in detail_csvs:
        with open(detail_csv, newline="", encoding="utf-8") as f:
            details.extend(csv.DictReader(f))
    for d in details:
        if not d["description"].startswith("Luister "):
            problems.append(f"{d['name']}: no table comment ({d['description']!r})")
        if "delta.autoOptimize.autoCompact -> true" not in d["properties"]:
            problems.append(f"{d['name']}: no auto compaction in {d['properties']}")
    if problems:
        print("table docs: FAILED\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"table docs: gold.latest_silences = the {in_view} silences of {latest}; "
          f"{len(details)} tables (one per stage) carry a comment and auto compaction")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
