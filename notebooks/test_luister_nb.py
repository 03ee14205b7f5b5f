"""Tests of the notebooks' shared loader on tiny Delta tables written here (pytest; bin/lib/notebook-tests.sh)."""

import pandas as pd
import pyarrow as pa
import pytest
from deltalake import write_deltalake

import luister_nb as nb


@pytest.fixture
def warehouse(tmp_path):
    rows = pa.table({"period": ["2026-Q2", "2026-Q3", "2026-Q3"], "subject": ["a", "b", "c"]})
    write_deltalake(str(tmp_path / "gold" / "things"), rows, partition_by=["period"])
    write_deltalake(str(tmp_path / "gold" / "empty"), rows.slice(0, 0), partition_by=["period"])
    return tmp_path


def test_reads_one_period_only(warehouse):
    df = nb.read(warehouse, "gold.things", "2026-Q3")
    assert sorted(df["subject"]) == ["b", "c"]
    assert set(df["period"]) == {"2026-Q3"}


def test_missing_table_names_the_table(warehouse):
    with pytest.raises(nb.NotebookDataError, match=r"gold\.silences: no Delta table"):
        nb.read(warehouse, "gold.silences", "2026-Q3")


def test_empty_table_and_missing_period_raise_naming_table_and_period(warehouse):
    with pytest.raises(nb.NotebookDataError, match=r"gold\.empty has no rows for period 2026-Q3"):
        nb.read(warehouse, "gold.empty", "2026-Q3")
    with pytest.raises(nb.NotebookDataError, match=r"gold\.things has no rows for period 2025-Q1"):
        nb.read(warehouse, "gold.things", "2025-Q1")
    with pytest.raises(nb.NotebookDataError, match=r"gold\.things: no period to read"):
        nb.read(warehouse, "gold.things", periods=[])
    assert nb.read(warehouse, "gold.empty", "2026-Q3", require_rows=False).empty


def test_latest_period_and_explicit_period(warehouse, monkeypatch):
    monkeypatch.delenv("LUISTER_PERIOD", raising=False)
    assert nb.resolve_period(warehouse, None, ["gold.things"]) == "2026-Q3"
    assert nb.resolve_period(warehouse, "2026-Q2", ["gold.things"]) == "2026-Q2"
    monkeypatch.setenv("LUISTER_PERIOD", "2026-Q2")
    assert nb.resolve_period(warehouse, None, ["gold.things"]) == "2026-Q2"
    with pytest.raises(nb.NotebookDataError, match="not a quarter"):
        nb.resolve_period(warehouse, "2026-07", ["gold.things"])
    with pytest.raises(nb.NotebookDataError, match="none of gold.empty holds any period"):
        nb.latest_period(warehouse, ["gold.empty"])


def test_require_raises_on_empty():
    with pytest.raises(nb.NotebookDataError, match="no rows: the thing"):
        nb.require(pd.DataFrame({"a": []}), "the thing")


def test_previous_periods_cross_the_year():
    assert nb.previous_periods("2026-Q2", 4) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]


def test_customer_text_is_shown_inert():
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> **bold** $x$ [link](http://example.org)'
    shown = nb.show(pd.DataFrame({"text": [hostile]})).data
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in shown and "mathjax_ignore" in shown
    single = nb.show_text(hostile).data
    assert "<script>" not in single and "&lt;img src=x" in single


def test_show_cuts_long_text_and_counts_hidden_rows():
    shown = nb.show(pd.DataFrame({"text": ["x" * 1000] * 3}), max_rows=2, max_chars=10).data
    assert "x" * 11 not in shown and "1 more rows not shown" in shown


def test_keyword_match_is_whole_words_with_accents_folded_like_the_pipeline():
    texts = pd.Series(["Het Dynamisch Contract is er", "dynamische contracten", "een café-bezoek", None])
    assert nb.keyword_match(texts, ["dynamisch contract"]).tolist() == [True, False, False, False]
    assert nb.keyword_match(texts, ["cafe"]).tolist() == [False, False, True, False]
    assert not nb.keyword_match(texts, []).any()


def test_customers_leaves_out_own_accounts_and_unknown_brands():
    feedback = pd.DataFrame({"own_account": [True, False, None, False], "brand": ["A", "A", "A", None]})
    assert len(nb.customers(feedback)) == 2
