#!/usr/bin/env bash
# The notebook tests: the loader's unit tests, then executes every analyst notebook (notebooks/*.ipynb) headless against a warehouse with
# notebooks/run_all.py; fails when any cell of any notebook raises (a missing or empty table raises).
#   bin/lib/notebook-tests.sh WAREHOUSE [CONFIG]
# CONFIG (optional) is the program config, used to find the items behind expected_absent silences.
# Makes its own Python environment in .cache/notebook-venv (first time: about a minute of pip), remade when
# notebooks/requirements.txt changes. The executed copies go to a temporary folder that is removed after.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bin/lib/notebook-tests.sh WAREHOUSE [CONFIG]" >&2
  exit 2
fi
warehouse="$(cd "$1" && pwd)"
config_args=()
if [ $# -eq 2 ]; then
  config_args=(--config "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")")
fi

venv="$home/.cache/notebook-venv"
source "$home/bin/lib/venv.sh"
ensure_venv "$venv" "$home/notebooks/requirements.txt"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# The kernel's Jupyter and IPython state stays in the scratch folder, not in the user's home.
export JUPYTER_CONFIG_DIR="$scratch/jupyter" IPYTHONDIR="$scratch/ipython" MPLCONFIGDIR="$scratch/matplotlib"
echo "notebook tests: the shared loader (notebooks/test_luister_nb.py)"
(cd "$home/notebooks" && "$venv/bin/python" -m pytest -q -p no:cacheprovider --basetemp="$scratch/pytest" test_luister_nb.py)
echo "notebook tests: every notebook against $warehouse"
"$venv/bin/python" "$home/notebooks/run_all.py" "$warehouse" "${config_args[@]}" --out "$scratch/executed"
