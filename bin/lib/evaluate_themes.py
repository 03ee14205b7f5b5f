#!/usr/bin/env python3
"""Scores discovered themes against the samples' planted themes (stdlib only).

usage: evaluate_themes.py MEMBERSHIP_CSV ITEMS_CSV_GZ [--period 2026-Q3] [--config data-samples/luister.yaml]
                          [--min-purity 0.8] [--min-nmi 0.6] [--min-items 20]

MEMBERSHIP_CSV has a header with at least feedback_id and theme_id (for example
`bin/luister sql --format csv "SELECT feedback_id, theme_id FROM gold.theme_membership WHERE period = '2026-Q3'"`).
feedback_id is `<source name>:<item id>`; the truth file names sources by type (social, contact, survey), so the
source names are mapped to types from the config's `sources` (name/type pairs).

Only items that are in both files and have a planted theme count. Items without a discovered theme count as
one extra cluster "(none)". For every planted theme with at least --min-items items it prints the discovered
theme holding most of its items, that theme's purity (the share of its items that carry the planted theme) and
recall (the share of the planted theme's items it holds); then the normalised mutual information (arithmetic
mean normalisation, as scikit-learn's default). Exits 1 when a planted theme's best match has purity below the bar
or NMI is below the bar.
"""
import argparse
import collections
import csv
import gzip
import math
import re
import sys


def source_types(config_path):
    """name -> type from the config's sources list, read with a tiny line parser (no YAML library in stdlib)."""
    types, name = {}, None
    with open(config_path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\s*-?\s*name:\s*['\"]?([A-Za-z0-9_]+)", line)
            if m:
                name = m.group(1)
                continue
            m = re.match(r"^\s*type:\s*['\"]?([A-Za-z_]+)", line)
            if m and name:
                types[name] = m.group(1)
    return types


def nmi(pairs):
    n = len(pairs)
    a = collections.Counter(p for p, _ in pairs)
    b = collections.Counter(d for _, d in pairs)
    joint = collections.Counter(pairs)
    mi = sum(c / n * math.log(c * n / (a[p] * b[d])) for (p, d), c in joint.items())
    ha = -sum(c / n * math.log(c / n) for c in a.values())
    hb = -sum(c / n * math.log(c / n) for c in b.values())
    denom = (ha + hb) / 2
    return mi / denom if denom > 0 else 1.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("membership")
    ap.add_argument("items")
    ap.add_argument("--period", default=None, help="only truth rows of this period (default: all in the membership)")
    ap.add_argument("--config", default="data-samples/luister.yaml")
    ap.add_argument("--min-purity", type=float, default=0.8)
    ap.add_argument("--min-nmi", type=float, default=0.6)
    ap.add_argument("--min-items", type=int, default=20,
                    help="planted themes with fewer items in the period are reported but not held to the purity bar")
    ap.add_argument("--exclude", default="own_account_reply",
                    help="comma-separated planted themes left out (own-account replies are not in the themes' scope)")
    args = ap.parse_args(argv)

    types = source_types(args.config)
    discovered = {}
    with open(args.membership, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            source, _, item = row["feedback_id"].partition(":")
            theme = row.get("theme_id") or "(none)"
            if theme in ("null", "NULL"):
                theme = "(none)"
            discovered[(types.get(source, source), item)] = theme
    excluded = set(t for t in args.exclude.split(",") if t)
    pairs = []
    with gzip.open(args.items, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if args.period and row["period"] != args.period:
                continue
            theme = row["theme"]
            if not theme or theme in excluded:
                continue
            d = discovered.get((row["source"], row["item_id"]))
            if d is not None:
                pairs.append((theme, d))
    if not pairs:
        print("no items in common between the membership and the truth: check the period and source names")
        return 2

    planted = collections.Counter(p for p, _ in pairs)
    sizes = collections.Counter(d for _, d in pairs)
    joint = collections.Counter(pairs)
    failures = []
    print(f"{len(pairs)} items with a planted theme, {len(planted)} planted themes, {len(sizes)} discovered themes")
    print(f"{'planted theme':<28} {'items':>6}  {'best discovered':<16} {'purity':>6} {'recall':>6}")
    for theme in sorted(planted, key=lambda t: -planted[t]):
        best = max((d for (p, d) in joint if p == theme), key=lambda d: (joint[(theme, d)], d))
        purity = joint[(theme, best)] / sizes[best]
        recall = joint[(theme, best)] / planted[theme]
        held = planted[theme] >= args.min_items
        flag = "" if not held else (" ok" if purity >= args.min_purity else " BELOW")
        if held and purity < args.min_purity:
            failures.append(theme)
        print(f"{theme:<28} {planted[theme]:>6}  {best:<16} {purity:>6.3f} {recall:>6.3f}{flag if held else ' (too few items)'}")
    score = nmi(pairs)
    print(f"NMI {score:.3f} (bar {args.min_nmi})")
    if score < args.min_nmi:
        failures.append("NMI")
    if failures:
        print("FAILED: " + ", ".join(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
