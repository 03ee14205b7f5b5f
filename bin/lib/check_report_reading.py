#!/usr/bin/env python3
"""Reads a built report's HTML as a manager would and fails on what would mislead or cannot be read (#31).

  python3 bin/lib/check_report_reading.py REPORT.html [REPORT.html ...]

Per report, every data table is read (header and body cells) and:
- no column is "not available" on every row (n/a in English, n.b. in Dutch): a column without data is left out;
- every quote (a theme's example) is at most 240 characters plus its quotation marks, cut on a word boundary
  with an ellipsis when longer (ReportView.QUOTE_CHARS);
- every row of a table with a brand column names its brand (a competitor's burst is shown as theirs);
- the alert table of our brand says whose alerts they are in its heading.
Prints what it read and every problem; exits 1 on any problem. Standard library only.
"""
import sys
from html.parser import HTMLParser

NOT_AVAILABLE = {"n/a", "n.b."}
QUOTE_CHARS = 240
BRAND_HEADERS = {"brand", "merk"}


class Tables(HTMLParser):
    """The report's tables (class "data"), each with the last heading before it, its header and its rows."""

    def __init__(self):
        super().__init__()
        self.tables, self.quotes = [], []
        self.heading, self.in_heading = "", False
        self.table = None
        self.cell = None
        self.cell_is_quote = False
        self.row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "h3"):
            self.in_heading, self.heading = True, ""
        elif tag == "table" and "data" in (attrs.get("class") or "").split():
            self.table = {"heading": self.heading.strip(), "header": [], "rows": []}
        elif self.table is not None and tag == "tr":
            self.row = []
        elif self.table is not None and tag in ("td", "th"):
            self.cell, self.cell_is_quote = "", "quote" in (attrs.get("class") or "").split()

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self.in_heading = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            text = " ".join(self.cell.split())
            self.row.append(text)
            if self.cell_is_quote and text:
                self.quotes.append(text)
            self.cell = None
        elif tag == "tr" and self.row is not None and self.table is not None:
            if not self.table["header"]:
                self.table["header"] = self.row
            else:
                self.table["rows"].append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self.tables.append(self.table)
            self.table = None

    def handle_data(self, data):
        if self.in_heading:
            self.heading += data
        if self.cell is not None:
            self.cell += data


def problems_of(path):
    parser = Tables()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    problems = []
    for t in parser.tables:
        for i, name in enumerate(t["header"]):
            cells = [r[i] for r in t["rows"] if i < len(r)]
            if cells and all(c.lower() in NOT_AVAILABLE for c in cells):
                problems.append(f"table '{t['heading']}': column '{name}' is n/a on all {len(cells)} rows")
            if name.lower() in BRAND_HEADERS:
                unnamed = sum(1 for c in cells if not c)
                if unnamed:
                    problems.append(f"table '{t['heading']}': {unnamed} rows without a brand")
    for q in parser.quotes:
        body = q.strip("“”\"")
        if len(body) > QUOTE_CHARS:
            problems.append(f"a quote of {len(body)} characters (limit {QUOTE_CHARS}): {body[:60]}…")
        elif len(body) == QUOTE_CHARS and not body.endswith("…"):
            problems.append(f"a quote cut without an ellipsis: {body[-40:]}")
    n_cells = sum(len(r) for t in parser.tables for r in t["rows"])
    n_na = sum(1 for t in parser.tables for r in t["rows"] for c in r if c.lower() in NOT_AVAILABLE)
    print(f"{path}: {len(parser.tables)} tables, {n_cells} cells ({n_na} n/a), {len(parser.quotes)} quotes "
          f"(longest {max((len(q.strip('“”')) for q in parser.quotes), default=0)} characters)")
    for t in parser.tables:
        print(f"  - {t['heading'] or '(no heading)'}: {len(t['rows'])} rows; columns: {', '.join(t['header'])}")
    return problems


def main(paths):
    failed = False
    for path in paths:
        for p in problems_of(path):
            failed = True
            print(f"  PROBLEM {p}")
    print("report reading: " + ("FAILED" if failed else "ok - no n/a column, no quote over the limit, every brand named"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
