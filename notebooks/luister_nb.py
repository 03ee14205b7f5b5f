"""Shared loading code of the analyst notebooks: Luister's Delta tables read with delta-rs, no Spark.

Every reader fails with a message naming the table (and period) when the table is missing or holds no
rows where rows are expected, so a broken pipeline cannot produce a notebook that looks fine but is empty.
Customer text is only ever shown through show(), which escapes it: masked text is still text a customer
wrote, and it must stay inert in a notebook (no HTML, no Markdown, no links).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pandas as pd
from deltalake import DeltaTable

LAYERS = ("bronze", "silver", "gold", "ops")
PERIOD_PATTERN = re.compile(r"^\d{4}-Q[1-4]$")


class NotebookDataError(RuntimeError):
    """A table the notebook needs is missing, unreadable or empty."""


def warehouse_path(value: str | None = None) -> Path:
    """The warehouse: the given value, else $LUISTER_WAREHOUSE, else ../warehouse (bin/luister run's output)."""
    raw = value or os.environ.get("LUISTER_WAREHOUSE") or "../warehouse"
    path = Path(raw).expanduser().resolve()
    if not path.is_dir():
        raise NotebookDataError(
            f"warehouse {path} does not exist: set LUISTER_WAREHOUSE (or the WAREHOUSE parameter) to the "
            "folder `bin/luister run --warehouse` wrote")
    return path


def table_path(warehouse: Path, table: str) -> Path:
    layer, _, name = table.partition(".")
    if layer not in LAYERS or not name:
        raise ValueError(f"table names are layer.name with layer one of {LAYERS}, not {table!r}")
    return Path(warehouse) / layer / name


def delta_table(warehouse: Path, table: str) -> DeltaTable:
    path = table_path(warehouse, table)
    if not (path / "_delta_log").is_dir():
        raise NotebookDataError(
            f"{table}: no Delta table at {path} (has the stage that writes {table} run on this warehouse?)")
    try:
        return DeltaTable(str(path))
    except Exception as e:  # delta-rs raises several types; the table name is what the reader needs
        raise NotebookDataError(f"{table}: cannot open the Delta table at {path}: {e}") from e


def table_periods(warehouse: Path, table: str) -> list[str]:
    """The periods (partitions) a period-partitioned table holds, oldest first."""
    dt = delta_table(warehouse, table)
    if "period" not in dt.metadata().partition_columns:
        raise NotebookDataError(f"{table} is not partitioned by period")
    return sorted({p["period"] for p in dt.partitions() if p.get("period")})


def latest_period(warehouse: Path, tables: list[str]) -> str:
    """The latest period held by any of the given tables (the analysis period of the last run)."""
    found = set()
    for table in tables:
        found.update(table_periods(warehouse, table))
    if not found:
        raise NotebookDataError(f"none of {', '.join(tables)} holds any period: has the pipeline run?")
    return max(found)


def resolve_period(warehouse: Path, value: str | None, tables: list[str]) -> str:
    """The given period, else $LUISTER_PERIOD, else the latest period of the tables."""
    period = value or os.environ.get("LUISTER_PERIOD") or latest_period(warehouse, tables)
    if not PERIOD_PATTERN.match(period):
        raise NotebookDataError(f"period {period!r} is not a quarter like 2026-Q3")
    return period


def read(warehouse: Path, table: str, period: str | None = None, *, periods: list[str] | None = None,
         columns: list[str] | None = None, require_rows: bool = True) -> pd.DataFrame:
    """A table as a pandas DataFrame, optionally limited to one period or a list of periods.

    The period filter is pushed down to delta-rs, so only that period's files are read. With require_rows
    (the default) an empty result raises, naming the table and the period.
    """
    dt = delta_table(warehouse, table)
    wanted = [period] if period else periods
    filters = None
    if wanted is not None and not wanted:
        raise NotebookDataError(f"{table}: no period to read (the notebook asked for an empty list of periods)")
    if wanted is not None:
        if "period" not in dt.metadata().partition_columns:
            raise NotebookDataError(f"{table} is not partitioned by period; cannot filter it on {wanted}")
        filters = [("period", "in", list(wanted))]
    try:
        df = dt.to_pandas(columns=columns, filters=filters)
    except Exception as e:
        raise NotebookDataError(f"{table}: reading failed: {e}") from e
    if require_rows and df.empty:
        where = f" for period {period}" if period else (f" for periods {', '.join(wanted)}" if wanted else "")
        raise NotebookDataError(f"{table} has no rows{where}: did the stage that writes it run and succeed?")
    return df


def require(df: pd.DataFrame, what: str) -> pd.DataFrame:
    """Raise when a result that should hold rows is empty; returns df to allow chaining."""
    if df is None or len(df) == 0:
        raise NotebookDataError(f"no rows: {what}")
    return df


def previous_periods(period: str, count: int) -> list[str]:
    """The `count` quarters ending with period, oldest first (2026-Q3, 3 -> 2026-Q1, 2026-Q2, 2026-Q3)."""
    year, quarter = int(period[:4]), int(period[-1])
    out = []
    for _ in range(count):
        out.append(f"{year}-Q{quarter}")
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return out[::-1]


def customers(feedback: pd.DataFrame) -> pd.DataFrame:
    """Customer items about a brand, as the silences and analyses count them: no own-account posts, brand known."""
    own = feedback["own_account"].fillna(False).astype(bool)
    return feedback[~own & feedback["brand"].notna()]


def our_brand(warehouse: Path, period: str, value: str | None = None) -> str:
    """The program's own brand: the given value, $LUISTER_BRAND, else the brand of the contact-centre and
    survey items (those channels hold only our own customers), else the brand the silences are about."""
    brand = value or os.environ.get("LUISTER_BRAND")
    if brand:
        return brand
    feedback = read(warehouse, "silver.feedback", period, columns=["channel", "brand"])
    own_channels = feedback[feedback["channel"].isin(["contact_centre", "survey"]) & feedback["brand"].notna()]
    if not own_channels.empty:
        return own_channels["brand"].mode().iloc[0]
    silences = read(warehouse, "gold.silences", period, columns=["brand"], require_rows=False)
    if silences.empty:
        raise NotebookDataError(f"cannot tell our brand in {period}: no contact-centre or survey items in "
                                "silver.feedback and no silences; set LUISTER_BRAND (or the BRAND parameter)")
    return silences["brand"].mode().iloc[0]


def show(df: pd.DataFrame, max_rows: int = 50, max_chars: int = 300):
    """Display a table whose cells may hold customer text: every cell is escaped and shown as plain text.

    Long texts are cut to max_chars. Returns an IPython HTML object (or the plain text outside IPython).
    """
    shown = df.head(max_rows).copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: _cut(v, max_chars))
    try:
        from IPython.display import HTML
    except ImportError:
        return shown.to_string(index=False)
    # to_html escapes <, > and & itself; escape=True is spelled out because it is what keeps the text inert.
    table = shown.to_html(index=False, escape=True, render_links=False, na_rep="")
    more = f"<p>{len(df) - max_rows} more rows not shown</p>" if len(df) > max_rows else ""
    # The ignore classes keep MathJax from typesetting a customer's "$...$" as a formula.
    return HTML(f'<div class="tex2jax_ignore mathjax_ignore" style="white-space: pre-wrap">{table}{more}</div>')


def show_text(text: str):
    """Display one piece of text (a masked customer text or an explanation) escaped, as plain text."""
    try:
        from IPython.display import HTML
    except ImportError:
        return text
    return HTML(f'<pre class="tex2jax_ignore mathjax_ignore" style="white-space: pre-wrap">{html.escape(str(text))}</pre>')


def _cut(value, max_chars):
    if isinstance(value, str) and len(value) > max_chars:
        return value[: max_chars - 1] + "…"
    return value


def fold(value: str) -> str:
    """Lower-case and fold accents exactly as Luister's AccentFolding does (for keyword matching)."""
    accented, plain = "áàäâãåéèëêíìïîóòöôõúùüûýÿçñ", "aaaaaaeeeeiiiiooooouuuuyycn"
    return value.strip().lower().translate(str.maketrans(accented, plain))


def keyword_match(texts: pd.Series, keywords: list[str]) -> pd.Series:
    """Whether each text holds one of the keywords as whole words (the silences stage's expectation match)."""
    if not keywords:
        return pd.Series(False, index=texts.index)
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(fold(k)) for k in keywords) + r")(?![^\W_])")
    return texts.fillna("").map(lambda t: bool(pattern.search(fold(t))))


def load_expectations(config_path: str | None) -> dict:
    """The program config's expectations by name ({} without a config): needed to find the items behind an
    expected_absent silence, whose rule (a category and keywords) lives only in the config."""
    if not config_path:
        return {}
    import yaml

    path = Path(config_path)
    if not path.is_file():
        raise NotebookDataError(f"program config {path} does not exist (LUISTER_CONFIG / CONFIG parameter)")
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {e["name"]: e for e in config.get("expectations") or []}
