"""extract_many (order, threads, GIL released), threads calling extract
concurrently, and pickling of every object."""

from __future__ import annotations

import copy
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import xiangmu


@pytest.fixture(scope="module")
def docs(corpus):
    texts = list(corpus.values())
    # Different lengths and orders, so a mix-up of slots would show.
    return [t[: len(t) // (1 + i % 4)] for i, t in enumerate(texts * 8)]


def test_extract_many_equals_extract_in_order(docs):
    expected = [xiangmu.extract(t) for t in docs]
    assert xiangmu.extract_many(docs) == expected
    assert xiangmu.extract_many(iter(docs)) == expected
    assert xiangmu.extract_many(tuple(docs)) == expected


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 8])
def test_thread_counts_give_identical_results(docs, threads):
    assert xiangmu.extract_many(docs, threads=threads) == xiangmu.extract_many(docs, threads=1)


def test_extract_many_empty_and_kinds(docs):
    assert xiangmu.extract_many([]) == []
    assert xiangmu.extract_many(["", "无"]) == [[], []]
    only = xiangmu.extract_many(docs[:3], kinds=["area"])
    assert only == [xiangmu.extract(t, kinds=["area"]) for t in docs[:3]]
    assert all(m.kind == "area" for doc in only for m in doc)


def test_anchors_per_document(docs):
    anchors = ["2023-06-27", None] * (len(docs) // 2) + [None] * (len(docs) % 2)
    out = xiangmu.extract_many(docs, anchors=anchors)
    assert out == [xiangmu.extract(t, anchor=a) for t, a in zip(docs, anchors)]


def test_threads_calling_extract_concurrently(corpus):
    texts = list(corpus.values()) * 6
    expected = [xiangmu.extract(t) for t in texts]
    barrier = threading.Barrier(8)

    def work(i: int):
        barrier.wait()
        return [xiangmu.extract(t) for t in texts[i:] + texts[:i]]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    for i, got in enumerate(results):
        assert got == expected[i:] + expected[:i]


def test_threads_calling_extract_many_concurrently(docs):
    expected = xiangmu.extract_many(docs, threads=1)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(xiangmu.extract_many, docs, threads=t) for t in (None, 1, 2, 3)]
        for f in futures:
            assert f.result() == expected


def test_gil_is_released_during_extract_many(docs):
    """The calling thread keeps running Python while a batch works in
    another: with the GIL held for the whole call it would count a handful
    of loops at the call's edges, not tens of thousands."""
    big = docs * 60
    t = threading.Thread(target=xiangmu.extract_many, args=(big,), kwargs={"threads": 1})
    loops = 0
    t.start()
    while t.is_alive():
        loops += 1
    t.join()
    assert loops > 10_000


# ---------------------------------------------------------------------------
# Pickling


def _values(corpus):
    found = [m for text in corpus.values() for m in xiangmu.extract(text)]
    kinds = {m.kind for m in found}
    assert {"money", "area"} <= kinds
    return found


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_every_object_pickles(corpus, protocol):
    found = _values(corpus)
    values = [m.value for m in found]
    objects = found + values + [xiangmu.parse_money("约1.5亿元"), xiangmu.parse_area("5-10亩")]
    back = pickle.loads(pickle.dumps(objects, protocol=protocol))
    assert back == objects
    assert [hash(o) for o in back] == [hash(o) for o in objects]
    assert [type(o) for o in back] == [type(o) for o in objects]
    assert [o.to_dict() for o in back] == [o.to_dict() for o in objects]
    assert [repr(o) for o in back] == [repr(o) for o in objects]
    # A restored mention behaves like the original in every respect.
    for a, b in zip(back[: len(found)], found):
        assert (a.kind, a.start, a.end, a.text, a.value) == (b.kind, b.start, b.end, b.text, b.value)
        assert pickle.loads(pickle.dumps(a)) == b


def test_batch_results_pickle(docs):
    out = xiangmu.extract_many(docs[:5] + [7])
    back = pickle.loads(pickle.dumps(out))
    assert back[:5] == out[:5]
    assert isinstance(back[5], TypeError)


def test_copy_and_deepcopy(corpus):
    m = xiangmu.extract(next(iter(corpus.values())))[0]
    assert copy.copy(m) == m and copy.deepcopy(m) == m
    assert copy.deepcopy(m.value) == m.value
