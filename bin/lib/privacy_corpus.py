#!/usr/bin/env python3
"""Turns the masking corpus into a small company's exports, and lists the raw personal values in them.

The corpus (common/src/test/resources/privacy/masking-corpus.tsv: kind, input, expected masked form) is written
by hand and holds no real person's data. Each variant's input is put into customers' social posts and into
contact-centre notes, with ordinary complaint sentences around it, so the texts pass through ingest, unify,
themes, sentiment, the analyses and the report like any feedback. A few posts lack their date and are
quarantined, so the quarantine's raw records carry variants too. The raw values are read off each variant:
the expected form's placeholders ([email], [phone], ...) matched against the input give what they replaced.

  python3 bin/lib/privacy_corpus.py CORPUS_TSV OUT_DIR

writes OUT_DIR/social/posts.jsonl, OUT_DIR/contact/notes.csv, OUT_DIR/raw-values.tsv (kind TAB value) and
OUT_DIR/luister.yaml (the program's config; its warehouse and report folders are under OUT_DIR).
"""
import csv
import json
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

PLACEHOLDER = re.compile(r"\\\[(email|phone|iban|bsn|address|name|user|customer)\\\]")
# Sentences around a variant, so that the texts carry subjects that themes and sentiment can work on.
CARRIERS = [
    "Zonnewijs, mijn stroom is al twee dagen uitgevallen en niemand reageert. {v}. Heel slecht geregeld.",
    "De jaarafrekening van Zonnewijs klopt niet, ik betaal veel te veel. {v}. Graag een correctie.",
    "My Zonnewijs invoice is wrong again and the refund never came. {v}. Very disappointed.",
    "Het termijnbedrag bij Zonnewijs is verhoogd zonder uitleg. {v}. Waarom dit?",
    "Zonnewijs app werkt niet, inloggen mislukt steeds. {v}. Los dit op aub.",
    "Thanks Zonnewijs, the solar panels were installed quickly and the team was friendly. {v}. Great service.",
]
NOTES = [
    "Klant belt over storing, monteur ingepland. {v}. Klant ontevreden.",
    "Mail klant over jaarafrekening, correctie doorgevoerd. {v}. Opgelost.",
    "Chat: klant kan niet inloggen in de app, wachtwoord gereset. {v}.",
]


def unescape(s):
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def variants(corpus):
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, given, expected = line.split("\t")
        yield kind, unescape(given), unescape(expected)


def raw_values(kind, given, expected):
    """What the expected form's placeholders replaced in the input (nothing for variants that must be kept)."""
    pattern = PLACEHOLDER.sub("(.+?)", re.escape(expected))
    if pattern == re.escape(expected):
        return []
    m = re.fullmatch(pattern, given, flags=re.S)
    if not m:
        raise SystemExit(f"privacy_corpus: cannot line up {kind} variant {given!r} with {expected!r}")
    return [g.strip(" ,.") for g in m.groups() if g.strip(" ,.")]


def main(corpus, out):
    rng = random.Random(20261207)
    (out / "social").mkdir(parents=True, exist_ok=True)
    (out / "contact").mkdir(parents=True, exist_ok=True)
    start = datetime(2026, 7, 1, 8, 0)
    values, posts, notes = [], [], []
    for n, (kind, given, expected) in enumerate(variants(corpus)):
        # Variants of every kind but "keep" and "control" hold personal data.
        if kind not in ("keep", "control"):
            values += [(kind, v) for v in raw_values(kind, given, expected)]
        for copy in range(3):
            i = len(posts)
            posts.append({"post_id": f"p{i:05d}", "created": (start + timedelta(hours=7 * i + rng.randint(0, 5)))
                          .strftime("%Y-%m-%dT%H:%M:%S+02:00"),
                          "content": CARRIERS[(n + copy) % len(CARRIERS)].format(v=given),
                          "handle": f"@klant{i:05d}", "followers": rng.randint(0, 900)})
        notes.append({"ContactID": f"C{n:05d}", "Startdatum": (start + timedelta(hours=19 * n)).strftime("%d-%m-%Y %H:%M"),
                      "Notities": NOTES[n % len(NOTES)].format(v=given), "KlantID": f"KL-{n:05d}"})
    # Three posts without a date: quarantined (missing required field), with a variant in the raw record.
    for j, p in enumerate(posts[:3]):
        posts.append(dict(p, post_id=f"q{j}", created=None))
    values += [("handle", p["handle"]) for p in posts] + [("customer", n["KlantID"]) for n in notes]
    with open(out / "social" / "posts.jsonl", "w", encoding="utf-8") as f:
        for p in posts:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(out / "contact" / "notes.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(notes[0]), delimiter=";")
        w.writeheader()
        w.writerows(notes)
    with open(out / "raw-values.tsv", "w", encoding="utf-8") as f:
        for kind, v in values:
            f.write(f"{kind}\t{v}\n")
    (out / "luister.yaml").write_text(f"""# Generated by bin/lib/privacy_corpus.py: the masking corpus as a small company's exports.
program: privacy_corpus
brand:
  name: Zonnewijs
  aliases: [Zonnewijs]
  accounts: ["@Zonnewijs", "@ZonnewijsHelpt"]
timezone: Europe/Amsterdam
warehouse: {out / 'warehouse'}
report:
  output_dir: {out / 'reports'}
pseudonymisation:
  key_env: LUISTER_PSEUDONYM_KEY
  staff_names: [Josh, Amanda]
ingest:
  max_quarantine_share: 0.02
sources:
  - name: social
    type: social
    path: social/posts.jsonl
    format: jsonl
    options:
      timestamp_formats: ["yyyy-MM-dd'T'HH:mm:ssXXX"]
    brand: Zonnewijs
    mapping:
      id: post_id
      published_at: created
      text: content
      author: handle
      author_followers: followers
  - name: contact_centre
    type: contact
    path: contact/notes.csv
    format: csv
    options:
      delimiter: ";"
      timestamp_formats: ["dd-MM-yyyy HH:mm"]
    brand: Zonnewijs
    mapping:
      id: ContactID
      started_at: Startdatum
      notes: Notities
      customer_id: KlantID
""", encoding="utf-8")
    print(f"privacy_corpus: {len(posts)} posts, {len(notes)} contact notes, {len(values)} raw values -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]).resolve())
