#!/usr/bin/env python3
"""Executes every analyst notebook headless against a warehouse and writes the executed copies.

    python notebooks/run_all.py WAREHOUSE [--period 2026-Q3] [--config luister.yaml] [--out DIR]

The notebooks read their parameters from the environment (LUISTER_WAREHOUSE, LUISTER_PERIOD,
LUISTER_CONFIG), so the copies stored in git stay parameter-free. Exits 1 when any cell of any notebook
raised (after trying them all, so one run shows every broken notebook), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Execute every Luister notebook against a warehouse.")
    parser.add_argument("warehouse", help="the warehouse folder (bronze/, silver/, gold/, ops/)")
    parser.add_argument("--period", help="the quarter, e.g. 2026-Q3 (default: the latest in the data)")
    parser.add_argument("--config", help="the program config (finds the items of expected_absent silences)")
    parser.add_argument("--out", default="notebooks-out", help="folder for the executed copies (default: %(default)s)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds one cell may take (default: %(default)s)")
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: every NN_*.ipynb beside this script)")
    args = parser.parse_intermixed_args(argv)

    warehouse = Path(args.warehouse).resolve()
    if not warehouse.is_dir():
        print(f"run_all: warehouse {warehouse} does not exist", file=sys.stderr)
        return 2
    notebooks = [Path(n).resolve() for n in args.notebooks] or sorted(HERE.glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        print(f"run_all: no notebooks found in {HERE}", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    # The kernel inherits this process's environment: that is how the parameters reach the notebooks.
    os.environ["LUISTER_WAREHOUSE"] = str(warehouse)
    for name, value in (("LUISTER_PERIOD", args.period), ("LUISTER_CONFIG", args.config)):
        if value:
            os.environ[name] = str(Path(value).resolve()) if name == "LUISTER_CONFIG" else value
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    failed = []
    for path in notebooks:
        started = time.monotonic()
        notebook = nbformat.read(path, as_version=4)
        # Run in the notebook's own folder, so `import luister_nb` and relative paths work as in Jupyter.
        client = NotebookClient(notebook, timeout=args.timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        error = None
        try:
            client.execute()
        except CellExecutionError as e:
            error = e
        except Exception as e:  # a dead kernel or a timeout fails the notebook just the same
            error = e
        target = out / path.name
        nbformat.write(notebook, target)
        seconds = time.monotonic() - started
        if error is None:
            print(f"ok      {path.name}  ({seconds:.1f} s) -> {target}")
        else:
            failed.append(path.name)
            print(f"FAILED  {path.name}  ({seconds:.1f} s) -> {target}\n{_last_lines(error)}", file=sys.stderr)
    print(f"{len(notebooks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def _last_lines(error: Exception) -> str:
    """The exception a cell raised, in one line (the full traceback is in the executed copy)."""
    if isinstance(error, CellExecutionError) and error.ename:
        return f"    {error.ename}: {ANSI.sub('', error.evalue)}"
    return "    " + ANSI.sub("", str(error)).strip().splitlines()[-1]


if __name__ == "__main__":
    sys.exit(main())
