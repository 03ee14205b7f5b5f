#!/usr/bin/env bash
# Prints a row count and a hash over every table of a warehouse (bronze, silver, gold, ops), run-dependent columns
# left out (bin/lib/table_hashes.py), to prove a change keeps every output identical:
#   bin/lib/table-hashes.sh /tmp/before/wh > before.txt; bin/lib/table-hashes.sh /tmp/after/wh > after.txt
#   diff before.txt after.txt
# Usage: bin/lib/table-hashes.sh WAREHOUSE
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
warehouse="${1:?usage: bin/lib/table-hashes.sh WAREHOUSE}"
export_dir="$(mktemp -d)"
trap 'rm -rf "$export_dir"' EXIT
"$home/bin/luister" export --warehouse "$warehouse" --table 'bronze.*' --table 'silver.*' --table 'gold.*' \
  --table 'ops.*' --format csv --out "$export_dir" > /dev/null 2>&1
python3 "$home/bin/lib/table_hashes.py" "$export_dir"
