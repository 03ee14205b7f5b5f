"""Checks ops.runs after two runs of the same program (used by bin/test's smoke test).

Every source must reconcile (rows read = accepted + quarantined) and the rerun must give the same counts.
Writes, for the next step, a query that counts each bronze table and the counts it should return.
"""
import csv
import os
import sys


def main(runs_csv: str, scratch: str) -> None:
    with open(runs_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    runs = sorted({r["run_id"] for r in rows})
    assert len(runs) == 2, f"expected two runs in ops.runs, found {runs}"
    bad = [r for r in rows if int(r["rows_read"]) != int(r["rows_accepted"]) + int(r["rows_quarantined"])]
    assert not bad, f"rows read != accepted + quarantined: {bad}"
    by_run = [
        {r["source"]: (int(r["rows_accepted"]), int(r["rows_quarantined"])) for r in rows if r["run_id"] == run}
        for run in runs
    ]
    assert by_run[0] == by_run[1], f"a rerun changed the counts: {by_run}"
    sources = sorted(by_run[1])
    print(f"smoke: {len(sources)} sources reconcile (read = accepted + quarantined); the rerun gives the same counts")
    with open(os.path.join(scratch, "bronze-count.sql"), "w") as q:
        q.write(" UNION ALL ".join(f"SELECT '{s}' AS source, count(*) AS n FROM bronze.{s}" for s in sources))
    with open(os.path.join(scratch, "bronze-count.expected"), "w") as e:
        e.write("".join(f"{s},{by_run[1][s][0]}\n" for s in sources))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
