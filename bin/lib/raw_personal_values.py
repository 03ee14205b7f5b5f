"""Writes the raw personal values of the samples' exports as 'kind<TAB>value' lines for `bin/luister privacy-scan`.

Handles come from the social exports (every author, except the brands' own accounts, which are not personal
data), customer ids from the contact-centre and survey exports, and e-mail addresses, phone numbers and IBANs
from the ground truth's list of what was planted in texts.

Usage: raw_personal_values.py DATA_SAMPLES_DIR > values.tsv
"""
import csv
import glob
import json
import sys


def main(samples):
    truth = json.load(open(f"{samples}/ground-truth/truth.json", encoding="utf-8"))
    brand_accounts = {a.lower() for b in truth["brands"] for a in b.get("accounts", [])}
    values = set()
    for path in glob.glob(f"{samples}/social/*.jsonl"):
        for line in open(path, encoding="utf-8"):
            try:
                handle = (json.loads(line).get("user") or {}).get("handle")
            except (json.JSONDecodeError, AttributeError):
                continue  # the planted broken records
            if isinstance(handle, str) and handle.strip() and handle.lower() not in brand_accounts:
                values.add(("handle", handle.strip()))
    for pattern, delimiter, column in [("contact/*.csv", ";", "KlantID"), ("survey/*.csv", ",", "customer_number")]:
        for path in glob.glob(f"{samples}/{pattern}"):
            with open(path, encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f, delimiter=delimiter):
                    if (row.get(column) or "").strip():
                        values.add(("customer_id", row[column].strip()))
    for item in truth["pii"]["items"]:
        values.add((item["type"], item["value"]))
    for kind, value in sorted(values):
        print(f"{kind}\t{value}")
    print(f"{len(values)} raw values", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
