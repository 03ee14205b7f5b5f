#!/usr/bin/env python3
"""Macro-F1 of a samples run's sentiment against the samples' ground truth, per language.

    bin/luister sql -w WAREHOUSE --format csv "SELECT feedback_id, sentiment FROM silver.sentiment" > run.csv
    python3 bin/lib/evaluate_sentiment.py run.csv [data-samples/ground-truth/items.csv.gz]

run.csv: a header and columns feedback_id, sentiment (feedback_id = <source name>:<item_id>). The truth is the
`sentiment` column of items.csv.gz; its source kinds are mapped to the samples' source names (contact →
contact_centre, survey → nps_survey). Items without a truth label (web statistics) are skipped. Stdlib only.
"""
import csv
import gzip
import sys
from collections import Counter, defaultdict

SOURCE_NAMES = {"contact": "contact_centre", "survey": "nps_survey"}
CLASSES = ("negative", "neutral", "positive")


def macro_f1(pairs):
    confusion = Counter(pairs)
    total = 0.0
    for c in CLASSES:
        tp = confusion[(c, c)]
        support = sum(confusion[(c, p)] for p in CLASSES)
        predicted = sum(confusion[(t, c)] for t in CLASSES)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        total += 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return total / len(CLASSES)


def main(argv):
    run_file = argv[1]
    truth_file = argv[2] if len(argv) > 2 else "data-samples/ground-truth/items.csv.gz"
    predicted = {}
    with open(run_file, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            predicted[row["feedback_id"]] = row["sentiment"]
    pairs = defaultdict(list)
    missing = Counter()
    with gzip.open(truth_file, "rt", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["sentiment"] not in CLASSES:
                continue
            fid = SOURCE_NAMES.get(row["source"], row["source"]) + ":" + row["item_id"]
            if fid not in predicted:
                missing[row["language"]] += 1
                continue
            for key in (row["language"], "all"):
                pairs[key].append((row["sentiment"], predicted[fid]))
    for key in sorted(pairs, key=lambda k: (k == "all", k)):
        print(f"{key:6s} items {len(pairs[key]):7d}  macro-F1 {macro_f1(pairs[key]):.3f}")
    if missing:
        print("labelled items not in the run (other periods or not free text):", dict(missing))


if __name__ == "__main__":
    main(sys.argv)
