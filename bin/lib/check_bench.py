"""Checks that a bench run wrote a complete result (used by bin/test so the harness cannot rot).

No timing is asserted: only that the JSON has the documented fields, every requested stage is there with
rows and a wall time, and the floor was measured.

Usage: check_bench.py RESULTS_DIR
"""
import glob
import json
import sys

REQUIRED = ["items", "total_wall_seconds", "floor_seconds", "floor_ratio", "cores", "cpu_model", "memory_gb", "stages",
            "pipeline_cpu_seconds", "peak_rss_mb"]
STAGE_FIELDS = ["name", "wall_seconds", "rows_in", "rows_out", "rows_per_second", "peak_driver_heap_mb",
                "shuffle_write_bytes", "spill_bytes"]


def main(results_dir):
    files = sorted(glob.glob(f"{results_dir}/bench-*.json"))
    problems = []
    if not files:
        problems.append(f"no bench-*.json in {results_dir}")
    for path in files:
        result = json.load(open(path))
        problems += [f"{path}: missing {k}" for k in REQUIRED if k not in result]
        stages = result.get("stages", [])
        if not stages or stages[0].get("name") != "ingest":
            problems.append(f"{path}: the stages list must start with ingest: {[s.get('name') for s in stages]}")
        for s in stages:
            problems += [f"{path}: stage {s.get('name')} lacks {k}" for k in STAGE_FIELDS if k not in s]
        ingest = next((s for s in stages if s.get("name") == "ingest"), {})
        if ingest.get("rows_in", 0) <= 0 or result.get("floor_seconds", 0) <= 0:
            problems.append(f"{path}: ingest read no rows or the floor was not measured")
    if problems:
        print("bench: FAILED\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"bench: {len(files)} result file(s) complete ({', '.join(s['name'] for s in stages)})")


if __name__ == "__main__":
    main(sys.argv[1])
