"""Checks a run on data-samples/ against the planted ground truth (used by bin/test's smoke test).

- Silences: every planted silence is found with status 'silence', by its detector, in its channel;
  no control category is flagged in any channel.
- Categories: macro-F1 over all items and over items without a native category reach the bars of the
  unify issue (0.85 and 0.80).

Usage: check_samples.py TRUTH_JSON ITEMS_CSV_GZ SILENCES_CSV SILVER_CSV
"""
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from evaluate_categories import evaluate  # noqa: E402

CHANNEL_OF_SOURCE = {"social": "social", "contact": "contact_centre", "survey": "survey"}


def planted_silences(truth):
    s = truth["signals"]
    return [
        ("channel_gap", s["channel_gap"]["category"], "social"),
        ("baseline_drop", s["baseline_drop"]["category"], CHANNEL_OF_SOURCE[s["baseline_drop"]["source"]]),
        ("competitor_gap", s["competitor_gap"]["category"], CHANNEL_OF_SOURCE[s["competitor_gap"]["source"]]),
        ("expected_absent", s["silent_expected_theme"]["category"], CHANNEL_OF_SOURCE[s["silent_expected_theme"]["source"]]),
    ]


def main(truth_json, items_gz, silences_csv, silver_csv):
    import csv

    truth = json.load(open(truth_json))
    with open(silences_csv, newline="") as f:
        found = [r for r in csv.DictReader(f) if r["status"] == "silence"]
    failures = []
    for detector, category, channel in planted_silences(truth):
        # expected_absent findings name the expectation (the samples' is "dynamic_contract_launch").
        hit = [r for r in found if r["detector"] == detector and r["channel"] == channel
               and (r["subject"] == category or (detector == "expected_absent" and r["subject"].startswith(category)))]
        print(f"planted {detector} {category} in {channel}: {'found' if hit else 'MISSING'}")
        if not hit:
            failures.append(f"planted {detector} of {category} in {channel} was not found")
    for control in truth["signals"]["controls"]["categories"]:
        flagged = [r for r in found if r["subject"] == control]
        if flagged:
            failures.append(f"control {control} was flagged: {[(r['detector'], r['channel']) for r in flagged]}")
    overall, no_native = evaluate(silver_csv, items_gz)[:2]
    print(f"category macro-F1: {overall:.3f} over all items, {no_native:.3f} without a native category")
    if overall < 0.85:
        failures.append(f"category macro-F1 {overall:.3f} < 0.85")
    if no_native < 0.80:
        failures.append(f"category macro-F1 without native category {no_native:.3f} < 0.80")
    if failures:
        print("smoke: FAILED\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("smoke: the planted silences are found, no control is flagged, categories meet their bars")


if __name__ == "__main__":
    main(*sys.argv[1:5])
