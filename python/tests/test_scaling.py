"""docs/scaling.md: its Dask code, run on a local two-worker cluster, gives
exactly the single-process results."""

from __future__ import annotations

import json
import os
import re

import pytest

import xiangmu
from conftest import REPO, corpus_dir, eval_dir

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")


def doc_code() -> str:
    text = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
    assert blocks, "no python block in docs/scaling.md"
    return "\n".join(blocks)


def test_dask_matches_single_process(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("XIANGMU_CORPUS", str(corpus_dir()))
    monkeypatch.setenv("XIANGMU_EVAL_DIR", str(eval_dir()))
    from distributed import LocalCluster

    seen: list[int] = []
    close = LocalCluster.close

    def recording_close(self, *args, **kwargs):
        seen.append(len(self.scheduler_info.get("workers", {})))
        return close(self, *args, **kwargs)

    monkeypatch.setattr(LocalCluster, "close", recording_close)
    ns: dict = {"__name__": "__main__"}
    exec(compile(doc_code(), "docs/scaling.md", "exec"), ns)
    results = ns["results"]
    assert seen and seen[0] == 2, seen  # two worker processes were up

    paths = sorted(corpus_dir().glob("*.txt"))
    anchors = {}
    dev = eval_dir() / "dev.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                anchors[a["id"]] = a.get("anchor")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    expected = xiangmu.extract_many(texts, anchors=[anchors.get(p.stem) for p in paths])

    assert len(results) == len(paths) > 1
    assert results == expected
    assert [[m.to_dict() for m in doc] for doc in results] == [[m.to_dict() for m in doc] for doc in expected]
    assert sum(map(len, results)) > 0
    assert "money" in capsys.readouterr().out
