"""Shared fixtures: where the repository, the corpus and the eval data are.

- corpus: ``$XIANGMU_CORPUS``, else ``<repo>/../shared/corpus``
- eval data: ``$XIANGMU_EVAL_DIR``, else ``<repo>/../shared/eval`` (as the
  Rust golden test)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def corpus_dir() -> Path:
    return Path(os.environ.get("XIANGMU_CORPUS") or REPO.parent / "shared" / "corpus")


def eval_dir() -> Path:
    return Path(os.environ.get("XIANGMU_EVAL_DIR") or REPO.parent / "shared" / "eval")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus() -> dict[str, str]:
    """The corpus articles by file stem, in name order."""
    d = corpus_dir()
    files = sorted(d.glob("*.txt"))
    if not files:
        pytest.fail(f"no corpus articles in {d} (set XIANGMU_CORPUS)")
    return {f.stem: f.read_text(encoding="utf-8") for f in files}
