#!/usr/bin/env python3
"""Train, evaluate and export Luister's shipped text-sentiment model (docs/SENTIMENT.md, "Text model").

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install -r bin/lib/train-sentiment-requirements.txt
    /tmp/venv/bin/python bin/lib/train_text_sentiment.py [--realdata ../shared/realdata] [--evaluate] [--export]

--evaluate  leave-one-corpus-out over every labelled real corpus (train on all the others, whatever their
            licence, test on the one left out), and the shipped model (trained on the shippable corpora only)
            on every corpus; prints a Markdown table.
--export    trains on the shippable corpora (SHIPPABLE below) and writes
            jobs/src/main/resources/sentiment/text-model.tsv.gz, which io.luister.jobs.sentiment.TextModel scores
            on the JVM without Python; also writes a sample of predictions for the Java reproduction test
            (jobs/src/test/resources/sentiment/text-model-check.tsv).

The model: a multinomial logistic regression over
  * binary word unigrams ("w <word>"), word bigrams ("b <w1> <w2>") and character 3-5-grams inside each word
    padded with spaces ("c <gram>"), the words being exactly LexiconScorer.words (lower case, split on anything
    that is not a letter, digit or apostrophe, ’ and ‘ read as '), weighted by IDF and L2-normalised;
  * three language-independent features from the shipped lexicons (the VADER-style compound score read by
    LexiconReading, ported below to the bit): max(compound, 0), max(-compound, 0), and "no sentiment word".
    They are what lets a model trained on English corpora say something about Dutch text.
Everything is deterministic (fixed seeds, sorted vocabulary).
"""
import argparse
import csv
import gzip
import json
import math
import os
import sys

import numpy as np
import regex
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCES = os.path.join(ROOT, "jobs", "src", "main", "resources", "sentiment")
CLASSES = ["negative", "neutral", "positive"]
VERSION = "2026-12-06.1"

# Licences as recorded in each corpus's SOURCE.md. A model is shipped only from corpora whose licence allows it:
#   womens-clothing-reviews  CC0 (Kaggle listing)                         -> shipped
#   vader-groundtruth-en     MIT (cjhutto/vaderSentiment)                 -> shipped
#   uci-sentiment-sentences  CC BY 4.0 (UCI page, reportedly; cite paper) -> shipped, attribution in LICENSE file
#   airline-tweets           CC BY-NC-SA 4.0 upstream (non-commercial)    -> evaluation only
#   amazon-alexa-reviews     none stated / unverified                     -> evaluation only
#   zoover-reviews-nl        none stated                                  -> evaluation only
#   bever-reviews-nl         none stated (scraped)                        -> evaluation only
#   semeval16-restaurants-nl research/evaluation only per SOURCE.md       -> evaluation only
SHIPPABLE = ["womens-clothing-reviews", "vader-groundtruth-en", "uci-sentiment-sentences"]

# ---------------------------------------------------------------- the corpora


def star_label(stars):
    """1-2 negative, 3 neutral, 4-5 positive (the issue's reading of a 1-5 rating)."""
    return "negative" if stars <= 2 else "neutral" if stars == 3 else "positive"


def ten_label(score):
    """ScoreLabels on a 1-10 scale: position p < 0.65 negative, < 0.85 neutral, else positive."""
    p = (score - 1) / 9
    return "negative" if p < 0.65 else "neutral" if p < 0.85 else "positive"


def load(realdata):
    """{corpus: (language, truth kind, [(text, label)])}."""
    out = {}
    rows = []
    with open(os.path.join(realdata, "airline-tweets", "Tweets.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows.append((r["text"], r["airline_sentiment"]))
    out["airline-tweets"] = ("en", "annotators", rows)

    rows = []
    with open(os.path.join(realdata, "womens-clothing-reviews", "womens_clothing_ecommerce_reviews.csv"),
              encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            text = " ".join(t for t in (r["Title"].strip(), r["Review Text"].strip()) if t)
            if r["Review Text"].strip():
                rows.append((text, star_label(int(r["Rating"]))))
    out["womens-clothing-reviews"] = ("en", "stars 1-5", rows)

    rows = []
    with open(os.path.join(realdata, "amazon-alexa-reviews", "amazon_alexa.tsv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["verified_reviews"].strip():
                rows.append((r["verified_reviews"], star_label(int(r["rating"]))))
    out["amazon-alexa-reviews"] = ("en", "stars 1-5", rows)

    rows = []
    for name in ("amazonReviewSnippets_GroundTruth.txt", "tweets_GroundTruth.txt"):
        with open(os.path.join(realdata, "vader-groundtruth-en", name), encoding="utf-8-sig", errors="replace") as f:
            for line in f.read().split("\n"):
                parts = line.split("\t")
                if len(parts) >= 3:
                    m = float(parts[1])
                    rows.append(("\t".join(parts[2:]), "negative" if m < -0.5 else "positive" if m > 0.5 else "neutral"))
    out["vader-groundtruth-en"] = ("en", "mean rating of 20+ raters (±0.5 band)", rows)

    rows = []
    for name in ("amazon_cells_labelled.txt", "yelp_labelled.txt", "imdb_labelled.txt"):
        with open(os.path.join(realdata, "uci-sentiment-sentences", name), encoding="utf-8") as f:
            for line in f.read().split("\n"):
                if "\t" in line:
                    text, label = line.rsplit("\t", 1)
                    rows.append((text, "positive" if label.strip() == "1" else "negative"))
    out["uci-sentiment-sentences"] = ("en", "binary labels", rows)

    rows = []
    with open(os.path.join(realdata, "zoover-reviews-nl", "reviews.json"), encoding="utf-8") as f:
        for r in json.load(f):
            if r.get("locale") not in ("nl", "nl-be"):
                continue
            lang = "nl" if "nl" in (r.get("texts") or {}) else None
            if lang is None:
                continue
            text = " ".join(t for t in ((r.get("titles") or {}).get(lang, ""), r["texts"][lang]) if t)
            g = r["ratings"]["general"]["general"]
            rows.append((text, ten_label(g)))
    out["zoover-reviews-nl"] = ("nl", "general rating 1-10", rows)

    rows = []
    with open(os.path.join(realdata, "bever-reviews-nl", "bever_reviews.json"), encoding="utf-8") as f:
        for sku, ratings, good, bad in json.load(f):
            if ratings:
                rows.append((" ".join(good + bad), ten_label(sum(ratings) / len(ratings))))
    out["bever-reviews-nl"] = ("nl", "mean of 1-10 ratings", rows)

    rows = []
    with open(os.path.join(realdata, "semeval16-restaurants-nl", "sentences.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            lab = r["sentence_label"]
            if lab == "mixed":
                continue  # both polarities: no single class
            rows.append((r["text"], "neutral" if lab in ("none", "neutral") else lab))
    out["semeval16-restaurants-nl"] = ("nl", "sentence opinions (none/neutral = neutral, mixed left out)", rows)
    return out


# ---------------------------------------------------------------- features (TextModel.java mirrors these)

WORD_SPLIT = regex.compile(r"[^\p{L}\p{N}']+")


def words(text):
    """LexiconScorer.words: lower case, ’ ‘ as ', split on non letters/digits/apostrophes, drop apostrophe-only."""
    lowered = (text or "").replace("’", "'").replace("‘", "'").lower()
    return [w for w in WORD_SPLIT.split(lowered) if w.replace("'", "")]


def terms(ws):
    out = set()
    for i, w in enumerate(ws):
        out.add("w " + w)
        if i > 0:
            out.add("b " + ws[i - 1] + " " + w)
        padded = " " + w + " "
        for n in (3, 4, 5):
            for s in range(0, len(padded) - n + 1):
                out.add("c " + padded[s:s + n])
    return out


class Lexicon:
    """LexiconReading/SentimentLexicon ported: same resources, same arithmetic in the same order."""

    def __init__(self):
        self.langs = {c: self._read(c) for c in ("en", "nl")}
        en, nl = self.langs["en"], self.langs["nl"]
        self.langs["any"] = ({**nl[0], **en[0]}, nl[1] | en[1], {**nl[2], **en[2]}, nl[3] | en[3])

    @staticmethod
    def _lines(name):
        with open(os.path.join(RESOURCES, name), encoding="utf-8") as f:
            return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]

    def _read(self, code):
        valences = {f[0]: float(f[1]) for f in self._lines("lexicon-%s.tsv" % code)}
        negators, boosters, contrasts = set(), {}, set()
        for f in self._lines("modifiers-%s.tsv" % code):
            if f[0] == "negator":
                negators.add(f[1])
            elif f[0] == "booster":
                boosters[f[1]] = float(f[2])
            elif f[0] == "contrast":
                contrasts.add(f[1])
        return valences, negators, boosters, contrasts

    def reading(self, ws, language):
        valences, negators, boosters, contrasts = self.langs[language if language in ("en", "nl") else "any"]
        n = len(ws)
        if n == 0:
            return 0.0, 0
        contrast_at, seen = 0, set()
        for i, w in enumerate(ws):
            if w in contrasts and w not in seen:
                seen.add(w)
                contrast_at = i + 1
        last_negator = -3 - 1
        hits = []
        for i, w in enumerate(ws):
            v = valences.get(w)
            if v is not None:
                negated = i - last_negator <= 3
                boost = boosters.get(ws[i - 1], 0.0) if i > 0 else 0.0
                contrast = 1.0 if contrast_at == 0 else 0.5 if i < contrast_at - 1 else 1.5 if i > contrast_at - 1 else 0.0
                sign = (v > 0) - (v < 0)
                hits.append((i, (v + sign * boost) * (-0.74 if negated else 1.0) * contrast, w in boosters))
            if w in negators or w.endswith("n't"):
                last_negator = i
        if not hits:
            return 0.0, 0
        s = 0.0
        for h, (pos, value, is_booster) in enumerate(hits):
            modifies_next = is_booster and h + 1 < len(hits) and hits[h + 1][0] == pos + 1
            s = s + (0.0 if modifies_next else value)
        return s / math.sqrt(s * s + 15.0), len(hits)


LEXICON = None


def lexicon():
    """The shipped lexicons, read once."""
    global LEXICON
    if LEXICON is None:
        LEXICON = Lexicon()
    return LEXICON


def dense_features(ws, language):
    compound, hits = lexicon().reading(ws, language)
    return [max(compound, 0.0), max(-compound, 0.0), 1.0 if hits == 0 else 0.0]


DENSE = ["lexicon_positive", "lexicon_negative", "lexicon_no_hit"]


class Model:
    def __init__(self, min_df=3, max_terms=150_000, c=4.0, max_iter=2000):
        self.min_df, self.max_terms, self.c, self.max_iter = min_df, max_terms, c, max_iter

    def fit(self, docs, labels, weights):
        """docs: [prepare(words, language)]."""
        df = {}
        for ts, _ in docs:
            for t in ts:
                df[t] = df.get(t, 0) + 1
        kept = sorted((t for t, d in df.items() if d >= self.min_df), key=lambda t: (-df[t], t))[: self.max_terms]
        kept.sort()
        self.vocab = {t: i for i, t in enumerate(kept)}
        n = len(docs)
        # sklearn's smooth IDF: ln((1 + n) / (1 + df)) + 1
        self.idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in kept])
        x = self.matrix(docs)
        y = np.array([CLASSES.index(l) for l in labels])
        self.lr = LogisticRegression(C=self.c, max_iter=self.max_iter, solver="lbfgs", random_state=0)
        self.lr.fit(x, y, sample_weight=weights)
        return self

    def matrix(self, docs):
        rows, cols, vals = [], [], []
        dense = []
        for r, (ts, dense_x) in enumerate(docs):
            idx = sorted(self.vocab[t] for t in ts if t in self.vocab)
            v = self.idf[idx] if idx else np.array([])
            norm = math.sqrt(float(np.dot(v, v))) if idx else 1.0
            rows += [r] * len(idx)
            cols += idx
            vals += list(v / norm)
            dense.append(dense_x)
        x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocab)))
        return sparse.hstack([x, sparse.csr_matrix(np.array(dense))]).tocsr()

    def predict_proba(self, docs):
        return self.lr.predict_proba(self.matrix(docs))

    def predict(self, docs):
        return [CLASSES[i] for i in self.predict_proba(docs).argmax(axis=1)]


def weights_for(corpus_of, labels):
    """Every training corpus weighs the same in total, and within it every class it has weighs the same: a corpus
    of 22,000 reviews must not drown a corpus of 3,000 sentences, nor 80 % positive reviews the complaints."""
    groups = {}
    for c, l in zip(corpus_of, labels):
        groups[(c, l)] = groups.get((c, l), 0) + 1
    classes_in = {}
    for c, l in groups:
        classes_in[c] = classes_in.get(c, 0) + 1
    corpora = len(classes_in)
    total = len(labels)
    return np.array([total / (corpora * classes_in[c] * groups[(c, l)]) for c, l in zip(corpus_of, labels)])


def prepare(ws, language):
    return terms(ws), dense_features(ws, language)


PREPARED = {}


def prepared(data, name):
    """The corpus's items as (term set, dense features), computed once."""
    if name not in PREPARED:
        lang, _, rows = data[name]
        PREPARED[name] = [prepare(words(t), lang) for t, _ in rows]
    return PREPARED[name]


def training_set(data, names, cap=None):
    """The corpora's items with their labels and weights; with a cap, a seeded sample of at most cap items per
    corpus (the weights give every corpus the same total anyway)."""
    docs, labels, corpus_of = [], [], []
    for name in names:
        _, _, rows = data[name]
        items = prepared(data, name)
        keep = range(len(rows))
        if cap and len(rows) > cap:
            keep = sorted(np.random.RandomState(7).choice(len(rows), cap, replace=False))
        for i in keep:
            docs.append(items[i])
            labels.append(rows[i][1])
            corpus_of.append(name)
    return docs, labels, weights_for(corpus_of, labels)


class Exported(Model):
    """The model as shipped (text-model.tsv.gz), for scoring in Python without training again."""

    def __init__(self, path):
        vocab, idf, coef_terms, dense, intercept = {}, [], [], [], None
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                k = line.rstrip("\n").split("\t")
                if k[0] == "intercept":
                    intercept = [float(v) for v in k[3:6]]
                elif k[0] == "dense":
                    dense.append([float(v) for v in k[3:6]])
                else:
                    vocab[k[1]] = len(idf)
                    idf.append(float(k[2]))
                    coef_terms.append([float(v) for v in k[3:6]])
        self.vocab, self.idf = vocab, np.array(idf)
        self.coef = np.vstack([np.array(coef_terms), np.array(dense)])  # (terms + 3) x 3
        self.intercept = np.array(intercept)

    def predict_proba(self, docs):
        z = self.matrix(docs) @ self.coef + self.intercept
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def macro_f1_and_accuracy(truth, pred):
    """Macro-F1 over the three classes (over the labels present when a corpus has only two) and accuracy."""
    labels = sorted(set(truth))
    return f1_score(truth, pred, labels=CLASSES if len(labels) == 3 else labels, average="macro"), accuracy_score(truth, pred)


def scores(model, data, name):
    _, _, rows = data[name]
    return macro_f1_and_accuracy([l for _, l in rows], model.predict(prepared(data, name)))


def lexicon_only(data, name):
    lang, _, rows = data[name]
    pred = []
    for t, _ in rows:
        c, _ = lexicon().reading(words(t), lang)
        pred.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return macro_f1_and_accuracy([l for _, l in rows], pred)


def export(model, path):
    coef, intercept = model.lr.coef_, model.lr.intercept_
    nterms = len(model.vocab)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        f = raw
        def line(s):
            f.write((s + "\n").encode("utf-8"))
        line("# Luister text sentiment model %s: multinomial logistic regression, classes negative neutral positive." % VERSION)
        line("# Rebuilt by bin/lib/train_text_sentiment.py --export from %s (licences: LICENSE-text-model.txt)." % ", ".join(SHIPPABLE))
        line("# kind\tname\tidf\tw_negative\tw_neutral\tw_positive")
        line("intercept\t-\t0\t%s" % "\t".join("%.6g" % v for v in intercept))
        for j, name in enumerate(DENSE):
            line("dense\t%s\t0\t%s" % (name, "\t".join("%.6g" % v for v in coef[:, nterms + j])))
        for t, i in sorted(model.vocab.items(), key=lambda kv: kv[1]):
            w = coef[:, i]
            line("term\t%s\t%.6g\t%s" % (t, model.idf[i], "\t".join("%.6g" % v for v in w)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--realdata", default=os.path.join(ROOT, "..", "shared", "realdata"))
    ap.add_argument("--evaluate", action="store_true")
    ap.add_argument("--export", action="store_true")
    ap.add_argument("--check", action="store_true", help="only rewrite the Java reproduction test's expected probabilities")
    ap.add_argument("--only", help="comma-separated corpora to leave out (default: all)")
    ap.add_argument("--max-iter", type=int, default=2000, help="L-BFGS iterations of the evaluation fits")
    ap.add_argument("--cap", type=int, default=None, help="at most this many training items per corpus in the evaluation fits (seeded sample)")
    ap.add_argument("--max-terms", type=int, default=150_000, help="vocabulary size of the evaluation fits")
    args = ap.parse_args()
    data = load(args.realdata)
    names = list(data)
    if args.evaluate:
        left_out = args.only.split(",") if args.only else names
        shipped = Exported(os.path.join(RESOURCES, "text-model.tsv.gz"))
        print("| corpus | lang | items | truth | lexicon only F1 / acc | shipped model F1 / acc |")
        print("|---|---|---|---|---|---|")
        for name in left_out:
            lf, la = lexicon_only(data, name)
            sf, sa = scores(shipped, data, name)
            note = " (in its training set)" if name in SHIPPABLE else ""
            lang, truth, rows = data[name]
            print("| %s | %s | %d | %s | %.3f / %.3f | %.3f / %.3f%s |" % (name, lang, len(rows), truth, lf, la, sf, sa, note),
                  flush=True)
        print()
        print("Leave-one-corpus-out (train on all the other corpora, whatever their licence; cap %s per corpus, "
              "%d terms, %d iterations):" % (args.cap, args.max_terms, args.max_iter))
        print("| left-out corpus | F1 | accuracy |")
        print("|---|---|---|")
        for name in left_out:
            others = [n for n in names if n != name]
            loco = Model(max_iter=args.max_iter, max_terms=args.max_terms).fit(*training_set(data, others, args.cap))
            f, a = scores(loco, data, name)
            print("| %s | %.3f | %.3f |" % (name, f, a), flush=True)
    if args.export:
        model = Model().fit(*training_set(data, SHIPPABLE))
        path = os.path.join(RESOURCES, "text-model.tsv.gz")
        export(model, path)
        print("wrote", path, os.path.getsize(path), "bytes,", len(model.vocab), "terms")
    if args.export or args.check:
        write_check(data, Exported(os.path.join(RESOURCES, "text-model.tsv.gz")))


def write_check(data, model):
    """Probabilities of the shipped model for a sample of items, for the Java reproduction test (TextModelTest).
    Only references (corpus, row) are written, never the texts: the test reads them from ../shared/realdata."""
    check = os.path.join(ROOT, "jobs", "src", "test", "resources", "sentiment", "text-model-check.tsv")
    os.makedirs(os.path.dirname(check), exist_ok=True)
    sample = []
    for name in ("uci-sentiment-sentences", "bever-reviews-nl"):
        lang, _, rows = data[name]
        step = max(1, len(rows) // 150)
        sample += [(name, i, lang, rows[i][0]) for i in range(0, len(rows), step)][:150]
    docs = [prepare(words(t), lang) for _, _, lang, t in sample]
    proba = model.predict_proba(docs)
    with open(check, "w", encoding="utf-8") as f:
        f.write("# corpus\trow (0-based, as train_text_sentiment.load reads it)\tlanguage\tP(negative)\tP(neutral)\tP(positive)"
                "; the shipped model scored in Python by train_text_sentiment.py --check\n")
        for (name, i, lang, _), p in zip(sample, proba):
            f.write("%s\t%d\t%s\t%.6f\t%.6f\t%.6f\n" % (name, i, lang, p[0], p[1], p[2]))
    print("wrote", check, len(sample), "items")


if __name__ == "__main__":
    sys.exit(main())
