"""The error contract: XiangmuError(ValueError) with code/start/end in code
points, TypeError naming the argument, and error slots in batches."""

from __future__ import annotations

import datetime
import pickle

import pytest

import xiangmu
from xiangmu import XiangmuError


def test_error_has_code_and_code_point_span():
    expr = "总投资约1.5亿人次"
    with pytest.raises(XiangmuError) as info:
        xiangmu.parse_money(expr)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.code == "unexpected"
    assert (e.start, e.end) == (8, 9)
    assert expr[e.start : e.end] == "人"
    # The core's message, unchanged.
    assert str(e).startswith("expected ") and '"人次"' in str(e)
    assert e.args == (str(e),)


def test_error_span_through_traditional_and_fullwidth():
    expr = "總投資約１．５億人次"
    with pytest.raises(XiangmuError) as info:
        xiangmu.parse_money(expr)
    assert expr[info.value.start : info.value.end] == "人"


@pytest.mark.parametrize(
    "func, expr, code",
    [
        (xiangmu.parse_money, "", "empty"),
        (xiangmu.parse_money, "   ", "empty"),
        (xiangmu.parse_area, "三百", "unexpected"),
        (xiangmu.parse_area, "3.5亿元", "unexpected"),
        (xiangmu.parse_number, "12x", "unexpected"),
        (xiangmu.parse_number, "9" * 40, "overflow"),
        (xiangmu.parse_date, "2023年2月30日", "invalid_date"),
        (xiangmu.parse_date, "十四五", "unexpected"),
        (xiangmu.parse_duration, "2018年", "unexpected"),
    ],
)
def test_error_codes(func, expr, code):
    with pytest.raises(XiangmuError) as info:
        func(expr)
    e = info.value
    assert e.code == code
    assert 0 <= e.start <= e.end <= len(expr)


def test_number_error_position():
    with pytest.raises(XiangmuError) as info:
        xiangmu.parse_number("12x")
    assert (info.value.start, info.value.end) == (2, 3)


def test_error_pickles():
    with pytest.raises(XiangmuError) as info:
        xiangmu.parse_money("约1.5亿人次")
    e = pickle.loads(pickle.dumps(info.value))
    assert type(e) is XiangmuError
    assert (e.code, e.start, e.end, str(e)) == (
        info.value.code,
        info.value.start,
        info.value.end,
        str(info.value),
    )


@pytest.mark.parametrize(
    "call, arg",
    [
        (lambda: xiangmu.parse_money(5), "expr"),
        (lambda: xiangmu.parse_area(b"5\xe4\xba\xa9"), "expr"),
        (lambda: xiangmu.parse_number(None), "expr"),
        (lambda: xiangmu.parse_date(20230627), "expr"),
        (lambda: xiangmu.parse_date("3月", anchor=3), "anchor"),
        (lambda: xiangmu.parse_duration(1.5), "expr"),
        (lambda: xiangmu.parse_stage(None), "expr"),
        (lambda: xiangmu.extract(5), "text"),
        (lambda: xiangmu.extract(["投资1亿元"]), "text"),
        (lambda: xiangmu.extract("x", anchor=20230627), "anchor"),
        (lambda: xiangmu.extract("x", kinds=5), "kinds"),
        (lambda: xiangmu.extract("x", kinds="money"), "kinds"),
        (lambda: xiangmu.extract("x", kinds=[1]), "kinds"),
        (lambda: xiangmu.extract_many(5), "texts"),
        (lambda: xiangmu.extract_many("投资1亿元"), "texts"),
        (lambda: xiangmu.extract_many(["x"], anchors=5), "anchors"),
        (lambda: xiangmu.extract_many(["x"], anchors="2023-06-27"), "anchors"),
    ],
)
def test_type_errors_name_the_argument(call, arg):
    with pytest.raises(TypeError) as info:
        call()
    assert f"'{arg}'" in str(info.value)


def test_missing_argument_is_type_error():
    with pytest.raises(TypeError):
        xiangmu.extract()  # type: ignore[call-arg]


@pytest.mark.parametrize("anchor", ["2023-6-27", "2023-13-01", "2023-02-30", "yesterday", "", "2023-06-27T00:00"])
def test_bad_anchor_string(anchor):
    with pytest.raises(XiangmuError) as info:
        xiangmu.extract("x", anchor=anchor)
    e = info.value
    assert e.code == "invalid_anchor"
    assert (e.start, e.end) == (0, len(anchor))
    assert "anchor" in str(e)


def test_bad_anchor_in_parse_date():
    with pytest.raises(XiangmuError) as info:
        xiangmu.parse_date("3月", anchor="2023/06/27")
    assert info.value.code == "invalid_anchor"


def test_unknown_kind_is_value_error():
    with pytest.raises(ValueError, match="price") as info:
        xiangmu.extract("x", kinds=["money", "price"])
    assert not isinstance(info.value, XiangmuError)


def test_lone_surrogate_is_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        xiangmu.extract("投资1亿元\ud800")


def test_batch_keeps_good_documents():
    texts = ["投资1亿元", 42, "用地5亩", None, "投资\ud800", "计划投资3亿元"]
    out = xiangmu.extract_many(texts)
    assert len(out) == len(texts)
    assert out[0] == xiangmu.extract("投资1亿元")
    assert isinstance(out[1], TypeError) and "texts[1]" in str(out[1]) and "int" in str(out[1])
    assert out[2] == xiangmu.extract("用地5亩")
    assert isinstance(out[3], TypeError) and "texts[3]" in str(out[3])
    assert isinstance(out[4], UnicodeEncodeError)
    assert out[5] == xiangmu.extract("计划投资3亿元")


def test_batch_bad_anchor_in_its_slot():
    texts = ["投资1亿元", "用地5亩", "投资2亿元", "投资3亿元"]
    anchors = ["2023-06-27", "June 27", 7, datetime.date(2023, 6, 27)]
    out = xiangmu.extract_many(texts, anchors=anchors)
    assert out[0] == xiangmu.extract(texts[0])
    assert isinstance(out[1], XiangmuError) and out[1].code == "invalid_anchor"
    assert (out[1].start, out[1].end) == (0, len("June 27"))
    assert isinstance(out[2], TypeError) and "anchors[2]" in str(out[2])
    assert out[3] == xiangmu.extract(texts[3])
    # Error slots pickle (they cross process boundaries in Dask).
    back = pickle.loads(pickle.dumps(out))
    assert back[1].code == "invalid_anchor" and str(back[2]) == str(out[2])


def test_batch_arguments_wrong_as_a_whole():
    with pytest.raises(ValueError, match="2 texts but 1 anchors"):
        xiangmu.extract_many(["a", "b"], anchors=["2023-06-27"])
    with pytest.raises(ValueError, match="threads"):
        xiangmu.extract_many(["a"], threads=0)
    with pytest.raises(ValueError, match="threads"):
        xiangmu.extract_many(["a"], threads=-1)
    with pytest.raises(TypeError):
        xiangmu.extract_many(["a"], threads="2")
    with pytest.raises(ValueError, match="unknown kind"):
        xiangmu.extract_many(["a"], kinds=["date_of_birth"])
