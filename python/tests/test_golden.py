"""The golden comparison of crates/xiangmu/tests/golden.rs, from Python.

Scores ``extract`` on ``shared/eval/dev.jsonl`` through ``Mention.to_dict()``
with the rule of eval/README.md: predictions inside ``body``; a prediction
matches a gold mention of the same kind whose span it overlaps (one-to-one,
greedy: gold mentions in span order each take the unmatched prediction
that overlaps most, the earliest on a tie); a match is correct when every
normalized gold field (all keys but kind/start/end/text/note) equals the
prediction's. Precision, recall and F1 per kind, for spans and for values.

The table is printed in the Rust test's format and must be identical to
what ``cargo test --test golden dev_articles -- --nocapture`` prints (the
second test runs it when cargo is on PATH; XIANGMU_SKIP_RUST_GOLDEN=1 skips).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import xiangmu
from conftest import REPO, eval_dir

SPEC_KIND_ORDER = ["money", "area", "date", "duration", "milestone", "count", "percent", "capacity"]
NON_VALUE_KEYS = {"kind", "start", "end", "text", "note"}


def kind_rank(kind: str) -> tuple[int, str]:
    rank = SPEC_KIND_ORDER.index(kind) if kind in SPEC_KIND_ORDER else len(SPEC_KIND_ORDER)
    return (rank, kind)


def json_eq(a: Any, b: Any) -> bool:
    """Equality of two JSON values as serde_json's `Value` has it (1 != 1.0,
    true != 1)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_eq(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_eq(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def match_greedy(gold: list[tuple[str, int, int]], pred: list[dict[str, Any]]) -> list[int | None]:
    taken = [False] * len(pred)
    pairs: list[int | None] = [None] * len(gold)
    for gi in sorted(range(len(gold)), key=lambda i: (gold[i][1], gold[i][2])):
        kind, gs, ge = gold[gi]
        best = None
        for pi, p in enumerate(pred):
            if taken[pi] or p["kind"] != kind or not (p["start"] < ge and gs < p["end"]):
                continue
            overlap = min(p["end"], ge) - max(p["start"], gs)
            if best is None or overlap > best[0]:
                best = (overlap, pi)
        if best is not None:
            taken[best[1]] = True
            pairs[gi] = best[1]
    return pairs


class Score:
    def __init__(self) -> None:
        self.gold = self.predicted = self.matched = self.correct = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        if self.gold == 0 and self.predicted == 0:
            return (1.0, 1.0, 1.0)
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
        return (p, r, f)


def score_dev(articles: list[dict[str, Any]]) -> dict[tuple[int, str], Score]:
    scores: dict[tuple[int, str], Score] = {kind_rank(k): Score() for k in xiangmu.KINDS}
    for article in articles:
        text = article["text"]
        b0, b1 = article["body"]
        anchor = article.get("anchor")
        found = xiangmu.extract(text, anchor=anchor if isinstance(anchor, str) else None)
        pred = [d for d in (m.to_dict() for m in found) if d["start"] >= b0 and d["end"] <= b1]
        gold = article["mentions"]
        for g in gold:
            scores.setdefault(kind_rank(g["kind"]), Score()).gold += 1
        for p in pred:
            scores.setdefault(kind_rank(p["kind"]), Score()).predicted += 1
        spans = [(g["kind"], g.get("start", 0), g.get("end", 0)) for g in gold]
        pairs = match_greedy(spans, pred)
        for gi, g in enumerate(gold):
            if g["kind"] not in xiangmu.KINDS or pairs[gi] is None:
                continue
            s = scores[kind_rank(g["kind"])]
            s.matched += 1
            p = pred[pairs[gi]]  # type: ignore[index]
            want = {k: v for k, v in g.items() if k not in NON_VALUE_KEYS}
            if all(json_eq(p.get(k), v) for k, v in want.items()):
                s.correct += 1
    return scores


def table_rows(scores: dict[tuple[int, str], Score]) -> list[str]:
    rows = []
    for (_, kind), s in sorted(scores.items()):
        if kind not in xiangmu.KINDS:
            rows.append(f"{kind:<10} {s.gold:>5} {s.predicted:>5} | not supported yet")
            continue
        sp, sr, sf = s.prf(s.matched)
        vp, vr, vf = s.prf(s.correct)
        rows.append(
            f"{kind:<10} {s.gold:>5} {s.predicted:>5} | {sp:>6.3f} {sr:>6.3f} {sf:>6.3f}"
            f" | {vp:>6.3f} {vr:>6.3f} {vf:>6.3f}"
        )
    return rows


HEADER = "{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}".format(
    "kind", "gold", "pred", "span P", "R", "F1", "val P", "R", "F1"
)


@pytest.fixture(scope="module")
def dev_rows() -> list[str]:
    path = eval_dir() / "dev.jsonl"
    if not path.is_file():
        pytest.fail(f"no {path}: set XIANGMU_EVAL_DIR to the shared/eval folder")
    lines = path.read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    return table_rows(score_dev(articles))


def test_dev_table(dev_rows, capsys):
    with capsys.disabled():
        print("\n=== dev.jsonl from Python (xiangmu.extract + to_dict) ===")
        print(HEADER)
        for row in dev_rows:
            print(row)
    assert any(row.startswith("money ") for row in dev_rows)


def rust_rows() -> list[str]:
    cargo = shutil.which("cargo")
    if cargo is None or os.environ.get("XIANGMU_SKIP_RUST_GOLDEN") == "1":
        pytest.skip("cargo not on PATH (or XIANGMU_SKIP_RUST_GOLDEN=1)")
    # --workspace: the feature set of `cargo test --workspace`, so CI's build is reused.
    p = subprocess.run(
        [cargo, "test", "-q", "--workspace", "--test", "golden", "dev_articles", "--", "--nocapture", "--exact"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    out = p.stdout
    m = re.search(r"^=== dev\.jsonl: .*===\n(.*)\n((?:.+\n)*)", out, re.M)
    if m is None:
        pytest.fail(f"no dev table in the Rust golden test's output:\n{out[-3000:]}\n{p.stderr[-3000:]}")
    assert m.group(1) == HEADER
    return [line for line in m.group(2).splitlines() if line.strip()]


def test_identical_to_rust_golden(dev_rows):
    # The Rust table may carry extra rows (milestone stage+status); compare
    # the per-kind rows, which must be the same rows in the same order.
    kinds = {row.split()[0] for row in dev_rows}
    rust = [row for row in rust_rows() if row.split()[0] in kinds and not row.endswith(")")]
    assert dev_rows == rust
