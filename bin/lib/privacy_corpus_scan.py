#!/usr/bin/env python3
"""Looks for the masking corpus's raw personal values in everything a run wrote.

An independent check of what `privacy-scan` checks by tokens: here every value is searched as a substring of
every text, after the same normalisation on both sides (Unicode NFKC, lower case, zero-width characters
removed, white space collapsed), so that a value which reached an output in another form (full-width digits,
a no-break space) is still found. Names are searched as whole words ("Jan" is not a hit in "januari"); phone
numbers, IBANs and BSNs by their letters and digits alone, so "06 12 34 56 78" is a hit for 0612345678.

Reads: every Parquet file (data files, Delta checkpoints, the theme models) and every Delta commit under the
warehouse, bronze included (ingest masks texts and pseudonymises handles and ids before bronze); the report's
HTML and PDF (text by pdftotext); the exports (csv, xlsx); any further file given (a run's console output).

  python bin/lib/privacy_corpus_scan.py RAW_VALUES_TSV WAREHOUSE FILE_OR_DIR...

Prints the number of values, files and texts read and, for every hit, the file, the kind and the value's
position in raw-values.tsv (never the value). Exits 1 on any hit. Needs pyarrow (the notebooks' venv).
"""
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pyarrow.parquet as pq

ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff]")
SQUEEZED_KINDS = {"phone", "iban", "bsn"}


def normalise(text):
    text = ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"\s+", " ", text)


def squeeze(text):
    return re.sub(r"[^0-9a-z+]", "", text)


def texts_of(path):
    """The texts of one file, as one string per row or page."""
    name = path.name
    if name.endswith(".parquet"):
        for row in pq.read_table(path).to_pylist():
            yield json.dumps(row, ensure_ascii=False, default=str)
    elif name.endswith(".pdf"):
        yield subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                             text=True).stdout
    elif name.endswith(".xlsx"):
        with zipfile.ZipFile(path) as z:
            for member in z.namelist():
                if member.endswith(".xml"):
                    yield z.read(member).decode("utf-8", "replace")
    else:
        data = path.read_bytes()
        if b"\0" not in data[:4096]:  # any other text file (commits, csv, html, logs); binary files are skipped
            yield data.decode("utf-8", "replace")


def files(warehouse, others):
    for path in sorted(Path(warehouse).rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield path
    for other in others:
        other = Path(other)
        yield from (sorted(p for p in other.rglob("*") if p.is_file()) if other.is_dir() else [other])


def main(values_tsv, warehouse, others):
    values = []
    for n, line in enumerate(Path(values_tsv).read_text(encoding="utf-8").splitlines(), start=1):
        kind, value = line.split("\t", 1)
        needle = normalise(value).strip()
        if kind in SQUEEZED_KINDS:
            values.append((n, kind, squeeze(needle), "squeezed"))
        elif kind in ("name", "handle", "customer"):
            values.append((n, kind, re.compile(r"(?<!\w)@?" + re.escape(needle.lstrip("@")) + r"(?!\w)"), "word"))
        else:
            values.append((n, kind, needle, "substring"))
    hits, n_files, n_texts = [], 0, 0
    for path in files(warehouse, others):
        n_files += 1
        for text in texts_of(path):
            n_texts += 1
            plain = normalise(text)
            squeezed = squeeze(plain)
            for n, kind, needle, how in values:
                found = (needle.search(plain) if how == "word" else needle in (squeezed if how == "squeezed" else plain))
                if found:
                    hits.append((str(path), kind, n))
    print(f"privacy corpus scan: {len(values)} raw values, {n_files} files, {n_texts} texts (rows, pages, commits)")
    for path, kind, n in sorted(set(hits)):
        print(f"  HIT {kind} (raw-values.tsv line {n}) in {path}")
    if hits:
        print(f"privacy corpus scan: FAILED - {len(set(hits))} raw values found in what the run wrote")
        return 1
    print("privacy corpus scan: clean - no raw value of the corpus in the warehouse, the report or the exports")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
