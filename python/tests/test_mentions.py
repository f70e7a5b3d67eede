"""Mentions: the lazy per-document sequence extract_many returns reads
exactly like the list extract gives."""

from __future__ import annotations

import pickle
from collections.abc import Sequence

import pytest

import xiangmu

TEXT = "项目总投资1.5亿元，占地约243.82亩，计划2023年3月底开工，年底竣工。"


@pytest.fixture(scope="module")
def pair():
    [lazy] = xiangmu.extract_many([TEXT], threads=1)
    return lazy, xiangmu.extract(TEXT)


def test_type_and_sequence_protocol(pair):
    lazy, plain = pair
    assert type(lazy) is xiangmu.Mentions
    assert isinstance(lazy, Sequence)
    assert len(lazy) == len(plain) >= 4
    assert bool(lazy) and not xiangmu.extract_many([""])[0]


def test_indexing_and_slicing(pair):
    lazy, plain = pair
    n = len(plain)
    for i in range(-n, n):
        assert lazy[i] == plain[i]
        assert type(lazy[i]) is xiangmu.Mention
    for s in (slice(None), slice(1, 3), slice(None, None, -1), slice(-2, None), slice(0, 100, 2), slice(5, 1)):
        assert lazy[s] == plain[s]
        assert type(lazy[s]) is list
    with pytest.raises(IndexError, match="out of range"):
        lazy[n]
    with pytest.raises(IndexError):
        lazy[-n - 1]
    with pytest.raises(TypeError, match="integers or slices"):
        lazy["0"]  # type: ignore[call-overload]


def test_iteration_contains_index_count(pair):
    lazy, plain = pair
    assert list(lazy) == plain
    assert list(reversed(lazy)) == plain[::-1]
    it = iter(lazy)
    assert iter(it) is it
    assert len(list(it)) == len(plain) and next(it, None) is None
    assert all(m in lazy for m in plain)
    assert "1.5亿元" not in lazy and 5 not in lazy
    assert [lazy.index(m) for m in plain] == list(range(len(plain)))
    assert lazy.count(plain[0]) == 1 and lazy.count(None) == 0
    with pytest.raises(ValueError):
        lazy.index("x")


def test_equality(pair):
    lazy, plain = pair
    assert lazy == plain and plain == lazy
    assert lazy == tuple(plain)
    assert lazy == xiangmu.extract_many([TEXT], threads=1)[0]
    assert lazy != plain[:-1] and lazy != plain[::-1]
    assert lazy != xiangmu.extract_many(["投资2亿元"])[0]
    assert lazy != "text" and lazy != 5
    with pytest.raises(TypeError):
        hash(lazy)


def test_objects_are_built_on_access_and_equal(pair):
    lazy, _ = pair
    assert lazy[0] == lazy[0] and lazy[0] is not lazy[0]
    assert lazy.to_list() == list(lazy)


def test_repr_and_pickle(pair):
    lazy, plain = pair
    assert repr(lazy) == f"Mentions({plain!r})"
    assert repr(xiangmu.extract_many([""])[0]) == "Mentions([])"
    back = pickle.loads(pickle.dumps(lazy))
    assert type(back) is xiangmu.Mentions and back == lazy
    assert [m.to_dict() for m in back] == [m.to_dict() for m in plain]


def test_to_pandas_reads_it(pair):
    pytest.importorskip("pandas")
    lazy, plain = pair
    assert xiangmu.to_pandas([lazy]).equals(xiangmu.to_pandas(plain))
