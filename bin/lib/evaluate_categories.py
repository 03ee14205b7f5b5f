"""Category macro-F1 of silver.feedback against the samples' ground truth (issue 3's acceptance figures).

Usage: bin/luister sql --format csv --limit 10000000 \
         "SELECT source, feedback_id, category, category_method, native_category FROM silver.feedback" > silver.csv
       python3 bin/lib/evaluate_categories.py silver.csv data-samples/ground-truth/items.csv.gz
The truth's category 'none' (chit-chat, own-account replies) counts as 'unclassified'.
"""
import csv
import gzip
import sys
from collections import Counter

SOURCE_TYPE = {"social": "social", "contact_centre": "contact", "nps_survey": "survey",
               "web_pageviews": "web_pageviews", "web_search": "web_search"}


def macro_f1(pairs):
    labels = {t for t, _ in pairs} | {p for _, p in pairs}
    tp, fp, fn = Counter(), Counter(), Counter()
    for t, p in pairs:
        if t == p:
            tp[t] += 1
        else:
            fp[p] += 1
            fn[t] += 1
    f1s = {}
    for label in labels:
        if tp[label] + fn[label] == 0:
            continue  # a label only ever predicted, never true: counted in precision of others, not averaged
        precision = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        recall = tp[label] / (tp[label] + fn[label])
        f1s[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(f1s.values()) / len(f1s), f1s


def evaluate(silver_csv, truth_gz):
    """(macro-F1 over all items, over items without a native category, per-label F1 over all items)."""
    truth = {}
    with gzip.open(truth_gz, "rt", newline="") as f:
        for r in csv.DictReader(f):
            truth[(r["source"], r["item_id"])] = "unclassified" if r["category"] == "none" else r["category"]
    everything, free_text = [], []
    missing = 0
    with open(silver_csv, newline="") as f:
        for r in csv.DictReader(f):
            key = (SOURCE_TYPE.get(r["source"], r["source"]), r["feedback_id"].split(":", 1)[1])
            if key not in truth:
                missing += 1
                continue
            pair = (truth[key], r["category"])
            everything.append(pair)
            if not r["native_category"]:
                free_text.append(pair)
    overall, per_label = macro_f1(everything)
    no_native, _ = macro_f1(free_text)
    return overall, no_native, per_label, len(everything), missing, len(free_text)


def main(silver_csv, truth_gz):
    overall, no_native, per_label, matched, missing, free_text = evaluate(silver_csv, truth_gz)
    print(f"items matched to truth: {matched} (not in truth: {missing})")
    print(f"macro-F1 over all items: {overall:.3f}")
    print(f"macro-F1 over items without a native category: {no_native:.3f} ({free_text} items)")
    for label, f1 in sorted(per_label.items()):
        print(f"  {label:20s} F1 {f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
