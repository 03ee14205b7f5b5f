#!/usr/bin/env bash
# The masking corpus end to end: its variants (common/src/test/resources/privacy/masking-corpus.tsv, written by
# hand, no real person's data) as a small company's social posts and contact notes, run through every stage by
# `bin/luister run`, its gold tables exported as csv and xlsx; then every raw value of the corpus is looked for in
# the whole warehouse (Parquet files, Delta commits and checkpoints, theme models), the report (HTML, PDF text),
# the exports and the run's console output (bin/lib/privacy_corpus_scan.py). Fails on any hit. docs/reliability.md.
#   bin/lib/privacy-corpus-tests.sh SCRATCH_DIR
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -ne 1 ]; then
  echo "usage: bin/lib/privacy-corpus-tests.sh SCRATCH_DIR" >&2
  exit 2
fi
work="$1/privacy-corpus"
rm -rf "$work"
python3 "$home/bin/lib/privacy_corpus.py" "$home/common/src/test/resources/privacy/masking-corpus.tsv" "$work"
# A key of this run only: the development key is refused outside the shipped samples.
export LUISTER_PSEUDONYM_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
"$home/bin/luister" run --config "$work/luister.yaml" --period 2026-Q3 > "$work/run.log" 2>&1 || {
  tail -40 "$work/run.log" >&2
  echo "privacy corpus: FAILED - the run on the corpus's exports did not finish" >&2
  exit 1
}
for format in csv xlsx; do
  "$home/bin/luister" export --config "$work/luister.yaml" --table 'gold.*' --format "$format" \
    --out "$work/outputs/$format" > /dev/null 2>> "$work/export.log"
done

venv="$home/.cache/notebook-venv"
source "$home/bin/lib/venv.sh"
ensure_venv "$venv" "$home/notebooks/requirements.txt"
"$venv/bin/python" "$home/bin/lib/privacy_corpus_scan.py" "$work/raw-values.tsv" "$work/warehouse" \
  "$work/outputs" "$work/reports" "$work/run.log"
for html in "$work"/reports/*/luister-*.html; do
  python3 "$home/bin/lib/check_report_reading.py" "$html"
done
