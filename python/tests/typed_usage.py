"""A typed program using the public API; `mypy --strict` must accept it
(python/tests/test_stub.py). It is also run, so it must be correct."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import List, Optional

import xiangmu
from xiangmu import Area, Mention, Money, Project, XiangmuError


def total_investment(text: str, anchor: Optional[datetime.date] = None) -> Decimal:
    total = Decimal(0)
    for m in xiangmu.extract(text, anchor=anchor, kinds=["money"]):
        value = m.value
        if isinstance(value, Money) and value.role == "total_investment" and value.value is not None:
            total += value.value
    return total


def square_meters(found: List[Mention]) -> Decimal:
    out = Decimal(0)
    for m in found:
        if isinstance(m.value, Area) and m.value.square_meters is not None:
            out += m.value.square_meters
    return out


def batch(texts: List[str]) -> int:
    n = 0
    for result in xiangmu.extract_many(texts, anchors=["2023-06-27"] * len(texts), threads=2):
        if isinstance(result, BaseException):
            continue
        n += len(result)
        if result:
            first: Mention = result[0]
            rest: List[Mention] = result[1:]
            n += 0 if first in rest else 0
    return n


def project_investments(text: str) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for record in xiangmu.projects(text, anchor="2023-06-27"):
        if isinstance(record, Project) and record.investment is not None:
            value = record.investment.value
            if value is not None:
                out[record.name] = value
    return out


def error_position(expr: str) -> tuple[str, int, int]:
    try:
        xiangmu.parse_money(expr)
    except XiangmuError as e:
        return e.code, e.start, e.end
    return "", 0, 0


def main() -> None:
    text = "园区项目总投资约12亿元，规划用地300亩。"
    assert total_investment(text, datetime.date(2023, 6, 27)) == Decimal("1200000000")
    assert square_meters(xiangmu.extract(text)) == Decimal("200000.00")
    assert batch([text, text]) == 4
    assert error_position("约1.5亿人次")[0] == "unexpected"
    assert project_investments("新材料产业园项目总投资约12亿元。") == {"新材料产业园项目": Decimal("1200000000")}
    number: Decimal = xiangmu.parse_number("1.5万")
    kinds: tuple[str, ...] = xiangmu.KINDS
    d: dict[str, object] = xiangmu.extract(text)[0].to_dict()
    assert number == 15000 and kinds and d["kind"] == "money"
    print("ok")


if __name__ == "__main__":
    main()
