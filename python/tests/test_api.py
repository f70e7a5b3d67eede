"""The functions and classes of the package: types, values, SPEC JSON."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest

import xiangmu
from xiangmu import Area, Batch, Capacity, Count, DateSpan, Duration, Mention, Milestone, Money, Percent, Project

# Sentences written for these tests in the style of local project news.
SIMPLE = "园区项目总投资约12亿元，规划用地300亩。"
TRADITIONAL = "該產(chǎn)業園區項目總投資約１２億元，規劃用地３００畝。"
DATES = "该项目于2023年3月25日签约，预计今年9月底开工，工期10个月，力争明年上半年投产。"
MIXED = "全年实现产值１２３.５亿元，同比增长15.3%，引进项目18个，装机2×100万千瓦"


def test_package_exports():
    assert set(xiangmu.__all__) <= set(dir(xiangmu))
    assert isinstance(xiangmu.__version__, str) and xiangmu.__version__.count(".") == 2
    assert xiangmu.KINDS[:2] == ("money", "area")
    assert all(isinstance(k, str) for k in xiangmu.KINDS)
    assert issubclass(xiangmu.XiangmuError, ValueError)
    for cls in (Money, Area, DateSpan, Duration, Milestone, Count, Percent, Capacity, Mention, Project, Batch):
        assert cls.__module__ == "xiangmu"


@pytest.mark.parametrize(
    "cls", [Money, Area, DateSpan, Duration, Milestone, Count, Percent, Capacity, Mention, Project, Batch]
)
def test_no_public_constructor(cls):
    with pytest.raises(TypeError):
        cls()


@pytest.mark.parametrize("cls", [Money, Area, DateSpan, Duration, Milestone, Count, Percent, Capacity, Mention])
def test_frozen(cls):
    obj = {
        Money: lambda: xiangmu.parse_money("1亿元"),
        Area: lambda: xiangmu.parse_area("5亩"),
        Mention: lambda: xiangmu.extract("投资1亿元")[0],
        DateSpan: lambda: xiangmu.parse_date("2023年5月"),
        Duration: lambda: xiangmu.parse_duration("10个月"),
        Milestone: lambda: xiangmu.extract("项目已开工")[0].value,
        Count: lambda: xiangmu.extract("引进项目18个")[0].value,
        Percent: lambda: xiangmu.extract("增长15.3%")[0].value,
        Capacity: lambda: xiangmu.extract("装机300万千瓦")[0].value,
    }[cls]()
    assert isinstance(obj, cls)
    with pytest.raises(AttributeError):
        obj.value = 1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        obj.anything = 1  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------
# parse_*


def test_parse_money():
    m = xiangmu.parse_money("總投資超過70億元")
    assert isinstance(m, Money)
    assert m.value == Decimal("7000000000") and isinstance(m.value, Decimal)
    assert (m.low, m.high) == (None, None)
    assert (m.currency, m.qualifier, m.role) == ("CNY", "more_than", "total_investment")
    assert m.to_dict() == {
        "value": "7000000000",
        "currency": "CNY",
        "qualifier": "more_than",
        "role": "total_investment",
    }


def test_parse_money_range_vague_currency():
    r = xiangmu.parse_money("5-10亿元")
    assert (r.value, r.low, r.high, r.qualifier) == (
        None,
        Decimal("500000000"),
        Decimal("1000000000"),
        "range",
    )
    assert r.to_dict() == {
        "low": "500000000",
        "high": "1000000000",
        "currency": "CNY",
        "qualifier": "range",
        "role": "other",
    }
    v = xiangmu.parse_money("数十亿元")
    assert (v.value, v.qualifier) == (None, "vague")
    assert xiangmu.parse_money("1.2亿美元").currency == "USD"


def test_decimal_is_exact_spec_string():
    m = xiangmu.parse_money("12345.6元")
    assert str(m.value) == "12345.6"
    assert str(xiangmu.parse_money("1.5亿元").value) == "150000000"


def test_parse_area():
    a = xiangmu.parse_area("约243.82亩")
    assert isinstance(a, Area)
    assert a.value == Decimal("243.82")
    assert a.unit == "mu" and a.qualifier == "approx"
    assert a.square_meters == Decimal("162546.67") and str(a.square_meters) == "162546.67"
    assert (a.low, a.high, a.low_square_meters, a.high_square_meters) == (None,) * 4
    assert a.to_dict() == {
        "value": "243.82",
        "unit": "mu",
        "square_meters": "162546.67",
        "qualifier": "approx",
    }
    assert xiangmu.parse_area("3.5平方公里").square_meters == Decimal("3500000.00")


def test_parse_stage():
    assert xiangmu.parse_stage("開工") == "construction_start"
    assert xiangmu.parse_stage("主体竣工") == "topping_out"
    assert xiangmu.parse_stage("签约") == "signing"
    with pytest.raises(xiangmu.XiangmuError) as info:
        xiangmu.parse_stage("开工率")
    assert "开工率"[info.value.start : info.value.end] == "率"


def test_parse_number():
    assert xiangmu.parse_number("1.5万") == Decimal(15000)
    assert isinstance(xiangmu.parse_number("12"), Decimal)
    assert xiangmu.parse_number("１２") == 12
    assert xiangmu.parse_number("二〇二三") == 2023


# ---------------------------------------------------------------------------
# extract


def test_extract_simple_spec_json():
    found = xiangmu.extract(SIMPLE)
    assert [m.to_dict() for m in found] == [
        {
            "start": 7,
            "end": 12,
            "text": "约12亿元",
            "kind": "money",
            "value": "1200000000",
            "currency": "CNY",
            "qualifier": "approx",
            "role": "total_investment",
        },
        {
            "start": 17,
            "end": 21,
            "text": "300亩",
            "kind": "area",
            "value": "300",
            "unit": "mu",
            "square_meters": "200000.00",
            "qualifier": "exact",
        },
    ]
    m = found[0]
    assert isinstance(m, Mention)
    assert (m.kind, m.start, m.end, m.text) == ("money", 7, 12, "约12亿元")
    assert isinstance(m.value, Money) and m.value.value == Decimal("1200000000")
    assert isinstance(found[1].value, Area)


def test_to_dict_key_order_is_the_cli_order():
    d = xiangmu.extract(SIMPLE)[0].to_dict()
    assert list(d) == ["start", "end", "text", "kind", "value", "currency", "qualifier", "role"]


def test_secondary_kinds():
    by_kind = {m.kind: m for m in xiangmu.extract(MIXED)}
    assert set(by_kind) == {"date", "money", "percent", "count", "capacity"}
    assert by_kind["date"].text == "全年" and by_kind["date"].value.start is None
    assert by_kind["money"].value.role == "output_value"
    p = by_kind["percent"].value
    assert isinstance(p, Percent) and p.value == Decimal("15.3") and p.unit == "percent"
    c = by_kind["count"].value
    assert isinstance(c, Count) and c.value == 18 and isinstance(c.value, int) and c.unit == "个"
    assert c.to_dict() == {"value": 18, "unit": "个", "qualifier": "exact"}
    cap = by_kind["capacity"].value
    assert isinstance(cap, Capacity)
    assert (cap.value, cap.units, cap.unit_value) == (Decimal(2000000), 2, Decimal(1000000))
    assert by_kind["capacity"].to_dict() == {
        "start": 34,
        "end": 42,
        "text": "2×100万千瓦",
        "kind": "capacity",
        "value": "2000000",
        "units": 2,
        "unit_value": "1000000",
        "qualifier": "exact",
    }


def test_kinds_filter():
    assert [m.kind for m in xiangmu.extract(SIMPLE, kinds=["area"])] == ["area"]
    assert [m.kind for m in xiangmu.extract(SIMPLE, kinds=("money", "area"))] == ["money", "area"]
    assert xiangmu.extract(SIMPLE, kinds=[]) == []
    assert xiangmu.extract(SIMPLE, kinds=None) == xiangmu.extract(SIMPLE)
    assert xiangmu.extract(SIMPLE, kinds=iter(xiangmu.KINDS)) == xiangmu.extract(SIMPLE)


def test_no_facts_is_empty():
    assert xiangmu.extract("") == []
    assert xiangmu.extract("这是一段普通的文字。") == []


def test_anchor_forms_accepted():
    base = xiangmu.extract(DATES, anchor="2023-06-27")
    for anchor in ("2023-06-27", datetime.date(2023, 6, 27), datetime.datetime(2023, 6, 27, 8)):
        assert xiangmu.extract(DATES, anchor=anchor) == base
        assert xiangmu.extract(DATES, anchor) == base
    assert xiangmu.extract(DATES, anchor=None) == xiangmu.extract(DATES)
    assert xiangmu.extract(DATES) != base


# ---------------------------------------------------------------------------
# Dates and durations


def test_extract_dates_with_anchor():
    found = xiangmu.extract(DATES, anchor=datetime.date(2023, 6, 27), kinds=["date", "duration"])
    assert [(m.kind, m.text) for m in found] == [
        ("date", "2023年3月25日"),
        ("date", "今年9月底"),
        ("duration", "10个月"),
        ("date", "明年上半年"),
    ]
    d = found[1].value
    assert isinstance(d, DateSpan)
    assert (d.start, d.end, d.grain) == (datetime.date(2023, 9, 21), datetime.date(2023, 9, 30), "xun")
    assert isinstance(d.start, datetime.date)
    assert found[1].to_dict() == {
        "start": 19,
        "end": 24,
        "text": "今年9月底",
        "kind": "date",
        "value": {"start": "2023-09-21", "end": "2023-09-30", "grain": "xun"},
    }
    assert d.to_dict() == {"start": "2023-09-21", "end": "2023-09-30", "grain": "xun"}
    assert found[3].value.start == datetime.date(2024, 1, 1)
    dur = found[2].value
    assert isinstance(dur, Duration)
    assert (dur.value, dur.unit, dur.qualifier) == (Decimal(10), "month", "exact")
    assert found[2].to_dict() == {
        "start": 29,
        "end": 33,
        "text": "10个月",
        "kind": "duration",
        "value": "10",
        "unit": "month",
        "qualifier": "exact",
    }


def test_dates_without_anchor_are_open():
    found = xiangmu.extract(DATES, kinds=["date"])
    assert found[0].value.start == datetime.date(2023, 3, 25)
    assert (found[1].value.start, found[1].value.end, found[1].value.grain) == (None, None, "xun")
    assert found[1].to_dict()["value"] == {"start": None, "end": None, "grain": "xun"}
    assert repr(found[1].value) == "DateSpan(start=None, end=None, grain='xun')"


def test_milestones():
    found = xiangmu.extract(DATES, anchor="2023-06-27", kinds=["milestone"])
    assert [m.text for m in found] == ["签约", "开工", "投产"]
    m = found[1]
    assert isinstance(m.value, Milestone)
    assert (m.value.stage, m.value.status) == ("construction_start", "planned")
    assert isinstance(m.value.date, DateSpan)
    assert m.value.date.end == datetime.date(2023, 9, 30)
    # The milestone's date equals the date mention that governs it.
    dates = xiangmu.extract(DATES, anchor="2023-06-27", kinds=["date"])
    assert m.value.date == dates[1].value and hash(m.value.date) == hash(dates[1].value)
    d = m.to_dict()
    assert list(d) == ["start", "end", "text", "kind", "stage", "status", "project", "date"]
    assert d["date"] == {"start": "2023-09-21", "end": "2023-09-30", "grain": "xun"}
    assert m.value.to_dict()["date"] == d["date"]
    assert found[0].value.status == "done"
    assert xiangmu.extract("项目已开工")[0].value.date is None


def test_parse_date():
    d = xiangmu.parse_date("9月下旬", anchor="2022-11-18")
    assert isinstance(d, DateSpan)
    assert (d.start, d.end, d.grain) == (datetime.date(2022, 9, 21), datetime.date(2022, 9, 30), "xun")
    assert xiangmu.parse_date("9月下旬", datetime.date(2022, 11, 18)) == d
    assert xiangmu.parse_date("截至9月底", "2022-11-18").to_dict() == {
        "start": None,
        "end": "2022-09-30",
        "grain": "xun",
    }
    assert xiangmu.parse_date("二〇一八年十二月十八日").start == datetime.date(2018, 12, 18)
    assert xiangmu.parse_date("3月25日").start is None
    assert repr(d) == "DateSpan(start=datetime.date(2022, 9, 21), end=datetime.date(2022, 9, 30), grain='xun')"


def test_parse_duration():
    d = xiangmu.parse_duration("24小时内")
    assert isinstance(d, Duration)
    assert (d.value, d.unit, d.qualifier) == (Decimal(24), "hour", "at_most")
    assert xiangmu.parse_duration("半年").value == Decimal("0.5")
    assert d.to_dict() == {"value": "24", "unit": "hour", "qualifier": "at_most"}


# ---------------------------------------------------------------------------
# Offsets: str indices into the original text


@pytest.mark.parametrize(
    "text",
    [
        SIMPLE,
        TRADITIONAL,
        MIXED,
        "總投資１２億(yì)元，用地１．５萬平方米",
        "🏗️项目总投资10亿元，\r\n占地５０亩😀，计划投资3亿元",
        "a" * 1000 + "投资1亿元",
    ],
)
def test_offsets_are_str_indices(text):
    found = xiangmu.extract(text)
    assert found
    for m in found:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_offsets_traditional_glosses_fullwidth():
    found = xiangmu.extract(TRADITIONAL)
    assert [(m.start, m.end, m.text) for m in found] == [(16, 21, "約１２億元"), (26, 30, "３００畝")]
    assert found[0].value.value == Decimal("1200000000")
    gloss_inside = xiangmu.extract("總投資１２億(yì)元")[0]
    assert gloss_inside.text == "１２億(yì)元" and gloss_inside.value.value == Decimal("1200000000")


def test_offsets_on_corpus(corpus):
    for name, text in corpus.items():
        found = xiangmu.extract(text)
        assert found, name
        for m in found:
            assert text[m.start : m.end] == m.text, (name, m)
            assert m.to_dict()["text"] == m.text


# ---------------------------------------------------------------------------
# Objects


def test_repr_is_readable():
    m = xiangmu.extract(SIMPLE)[0]
    assert repr(m) == (
        "Mention(kind='money', start=7, end=12, text='约12亿元', value=Money("
        "value=Decimal('1200000000'), currency='CNY', qualifier='approx', role='total_investment'))"
    )
    assert repr(xiangmu.parse_area("5亩")) == (
        "Area(value=Decimal('5'), unit='mu', square_meters=Decimal('3333.33'), qualifier='exact')"
    )
    assert repr(xiangmu.parse_money("5-10亿元")) == (
        "Money(low=Decimal('500000000'), high=Decimal('1000000000'), currency='CNY', "
        "qualifier='range', role='other')"
    )


def test_eq_and_hash():
    a, b = xiangmu.extract(SIMPLE), xiangmu.extract(SIMPLE)
    assert a == b and a[0] is not b[0]
    assert hash(a[0]) == hash(b[0])
    assert a[0] != a[1]
    assert len({*a, *b}) == 2
    assert xiangmu.parse_money("1亿元") == xiangmu.parse_money("一亿元")
    assert hash(xiangmu.parse_money("1亿元")) == hash(xiangmu.parse_money("一亿元"))
    assert xiangmu.parse_money("1亿元") != xiangmu.parse_money("约1亿元")
    assert xiangmu.parse_money("1亿元") != "1亿元"
    assert a[0] != a[0].to_dict()
    # A money value and the same amount as a mention's value.
    assert xiangmu.extract("计划投资1亿元")[0].value == xiangmu.parse_money("计划投资1亿元")


def test_value_attributes_are_fresh_typed_objects():
    m = xiangmu.extract(SIMPLE)[0]
    assert m.value == m.value
    assert json.loads(json.dumps(m.to_dict())) == m.to_dict()


# ---------------------------------------------------------------------------
# Stub and runtime agree on the kind names


def test_stub_kind_literal_matches_runtime(repo):
    import ast

    stub = ast.parse((repo / "python" / "xiangmu" / "_xiangmu.pyi").read_text(encoding="utf-8"))
    for node in stub.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_KindName":
            names = tuple(e.value for e in node.value.slice.elts)  # type: ignore[attr-defined]
            assert names == xiangmu.KINDS
            return
    pytest.fail("_KindName not found in the stub")
