"""xiangmu.to_pandas: a tidy DataFrame of mentions."""

from __future__ import annotations

import builtins
from decimal import Decimal

import pytest

import xiangmu

pd = pytest.importorskip("pandas")

TEXTS = ["园区项目总投资约12亿元，规划用地300亩。", "没有数字。", "计划投资5-10亿元，引进项目18个"]


def test_one_row_per_mention():
    results = xiangmu.extract_many(TEXTS)
    df = xiangmu.to_pandas(results)
    assert len(df) == sum(len(r) for r in results)
    assert list(df.columns[:5]) == ["doc", "kind", "start", "end", "text"]
    assert list(df["doc"]) == [0, 0, 2, 2]
    assert list(df["kind"]) == ["money", "area", "money", "count"]
    for _, row in df.iterrows():
        assert TEXTS[row["doc"]][row["start"] : row["end"]] == row["text"]
    assert {"value", "low", "high", "currency", "qualifier", "role", "unit", "square_meters"} <= set(df.columns)


def test_values_are_exact_and_typed():
    df = xiangmu.to_pandas(xiangmu.extract_many(TEXTS))
    money = df[df["kind"] == "money"]
    assert money["value"].iloc[0] == Decimal("1200000000") and isinstance(money["value"].iloc[0], Decimal)
    assert money["low"].iloc[1] == Decimal("500000000")
    assert pd.isna(money["value"].iloc[1])
    assert list(money["role"]) == ["total_investment", "planned_investment"]
    area = df[df["kind"] == "area"].iloc[0]
    assert area["square_meters"] == Decimal("200000.00") and area["unit"] == "mu"
    count = df[df["kind"] == "count"].iloc[0]
    assert count["value"] == 18
    assert pd.isna(area["role"])
    assert df["value"].dropna().astype(float).sum() == pytest.approx(1.2e9 + 300 + 18)


def test_single_document_and_ids():
    found = xiangmu.extract(TEXTS[0])
    df = xiangmu.to_pandas(found)
    assert list(df["doc"]) == [0, 0]
    df = xiangmu.to_pandas(xiangmu.extract_many(TEXTS), ids=["a", "b", "c"])
    assert list(df["doc"]) == ["a", "a", "c", "c"]
    with pytest.raises(ValueError, match="ids"):
        xiangmu.to_pandas(xiangmu.extract_many(TEXTS), ids=["a"])


def test_empty():
    df = xiangmu.to_pandas([])
    assert len(df) == 0 and list(df.columns) == ["doc", "kind", "start", "end", "text"]
    assert len(xiangmu.to_pandas([[], []])) == 0


def test_error_slots():
    results = xiangmu.extract_many([TEXTS[0], 3])
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        xiangmu.to_pandas(results)
    assert len(xiangmu.to_pandas(results, errors="skip")) == 2
    with pytest.raises(ValueError):
        xiangmu.to_pandas(results, errors="ignore")


def test_corpus_table(corpus):
    results = xiangmu.extract_many(list(corpus.values()))
    df = xiangmu.to_pandas(results, ids=list(corpus))
    assert len(df) == sum(map(len, results))
    assert set(df["kind"]) <= set(xiangmu.KINDS)
    texts = dict(corpus)
    assert all(texts[d][s:e] == t for d, s, e, t in zip(df["doc"], df["start"], df["end"], df["text"]))


def test_clear_import_error_without_pandas(monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"to_pandas needs pandas.*pip install pandas"):
        xiangmu.to_pandas([])
