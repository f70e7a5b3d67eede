"""projects / projects_many: one record per named project, batch records."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal

import pytest

import xiangmu
from xiangmu import Area, Batch, DateSpan, Milestone, Money, Project

# Written for these tests.
TEXT = (
    "园区新材料产业园项目总投资约12亿元，规划用地300亩，预计今年9月底开工。"
    "10月28日，78个项目集中开竣工，总投资233亿元。"
)
ANCHOR = "2023-06-27"


def test_named_record():
    records = xiangmu.projects(TEXT, anchor=ANCHOR)
    assert [type(r) for r in records] == [Project, Batch]
    p = records[0]
    assert p.name == "新材料产业园项目" and TEXT[p.start : p.end] == p.name
    assert isinstance(p.investment, Money) and p.investment.value == Decimal("1200000000")
    assert p.investment.role == "total_investment"
    assert isinstance(p.area, Area) and p.area.square_meters == Decimal("200000.00")
    assert len(p.milestones) == 1
    m = p.milestones[0]
    assert isinstance(m, Milestone)
    assert (m.stage, m.status, m.project) == ("construction_start", "planned", None)
    assert isinstance(m.date, DateSpan) and m.date.end == datetime.date(2023, 9, 30)
    assert p.to_dict() == {
        "name": "新材料产业园项目",
        "start": 2,
        "end": 10,
        "investment": {"value": "1200000000", "currency": "CNY", "qualifier": "approx", "role": "total_investment"},
        "area": {"value": "300", "unit": "mu", "square_meters": "200000.00", "qualifier": "exact"},
        "milestones": [
            {
                "stage": "construction_start",
                "status": "planned",
                "date": {"start": "2023-09-21", "end": "2023-09-30", "grain": "xun"},
            }
        ],
    }


def test_batch_record():
    b = xiangmu.projects(TEXT, anchor=ANCHOR)[1]
    assert (b.kind, b.count, b.stages, b.members) == ("batch", 78, ["construction_start", "completion"], [])
    assert TEXT[b.start : b.end] == "78个"
    assert b.date == xiangmu.parse_date("10月28日", anchor=ANCHOR)
    assert b.investment == xiangmu.parse_money("总投资233亿元")
    d = b.to_dict()
    assert list(d) == ["kind", "start", "end", "count", "stages", "date", "investment", "members"]
    assert d["kind"] == "batch" and d["date"] == {"start": "2023-10-28", "end": "2023-10-28", "grain": "day"}


def test_records_without_anchor_and_empty():
    records = xiangmu.projects(TEXT)
    date = records[0].milestones[0].date  # 今年9月底 needs the anchor
    assert date is None or date.start is None
    assert xiangmu.projects("") == []
    assert xiangmu.projects("没有项目。") == []


def test_records_pickle_compare_hash(corpus):
    records = [r for t in corpus.values() for r in xiangmu.projects(t)] + xiangmu.projects(TEXT, ANCHOR)
    assert any(isinstance(r, Batch) for r in records) and any(isinstance(r, Project) for r in records)
    back = pickle.loads(pickle.dumps(records))
    assert back == records and [hash(r) for r in back] == [hash(r) for r in records]
    assert [repr(r) for r in back] == [repr(r) for r in records]
    assert xiangmu.projects(TEXT, ANCHOR) == xiangmu.projects(TEXT, datetime.date(2023, 6, 27))


def test_corpus_names_are_spans(corpus):
    for text in corpus.values():
        for r in xiangmu.projects(text):
            if isinstance(r, Project):
                assert text[r.start : r.end] == r.name


def test_projects_many(corpus):
    texts = list(corpus.values()) * 3
    expected = [xiangmu.projects(t) for t in texts]
    for threads in (None, 1, 2):
        assert xiangmu.projects_many(texts, threads=threads) == expected
    out = xiangmu.projects_many([TEXT, 5, TEXT], anchors=[ANCHOR, None, "bad"])
    assert out[0] == xiangmu.projects(TEXT, ANCHOR)
    assert isinstance(out[1], TypeError) and "texts[1]" in str(out[1])
    assert isinstance(out[2], xiangmu.XiangmuError) and out[2].code == "invalid_anchor"


@pytest.mark.parametrize(
    "call, arg",
    [
        (lambda: xiangmu.projects(5), "text"),
        (lambda: xiangmu.projects("x", anchor=1), "anchor"),
        (lambda: xiangmu.projects_many("x"), "texts"),
    ],
)
def test_type_errors(call, arg):
    with pytest.raises(TypeError, match=f"'{arg}'"):
        call()
