"""The hand-kept stub matches the runtime (mypy.stubtest) and types a real
program (mypy --strict)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

pytest.importorskip("mypy")


CACHE = tempfile.mkdtemp(prefix="xiangmu-mypy-")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # mypy (and stubtest, which ignores MYPY_CACHE_DIR) keep their cache in
    # a temporary folder, not in the work tree.
    env = {**os.environ, "MYPY_CACHE_DIR": CACHE}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=CACHE, timeout=600, env=env
    )


def test_stubtest():
    p = run("-m", "mypy.stubtest", "xiangmu", "--allowlist", str(HERE / "stubtest_allowlist.txt"))
    assert p.returncode == 0, p.stdout + p.stderr


def test_typed_example_passes_mypy_strict():
    p = run("-m", "mypy", "--strict", "--no-incremental", str(HERE / "typed_usage.py"))
    assert p.returncode == 0, p.stdout + p.stderr


def test_typed_example_runs():
    p = run(str(HERE / "typed_usage.py"))
    assert p.returncode == 0 and p.stdout.strip() == "ok", p.stdout + p.stderr


def test_mypy_catches_misuse(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import xiangmu\n"
        "xiangmu.extract(5)\n"
        "xiangmu.extract('x', kinds=['price'])\n"
        "m = xiangmu.parse_money('1亿元')\n"
        "m.value + 1.5\n",
        encoding="utf-8",
    )
    p = run("-m", "mypy", "--strict", "--no-incremental", str(bad))
    assert p.returncode == 1
    assert p.stdout.count("error:") >= 3, p.stdout
