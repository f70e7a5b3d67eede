"""docs/notebooks/analysis.ipynb runs top to bottom (nbclient) and plots."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, corpus_dir, eval_dir

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

NOTEBOOK = REPO / "docs" / "notebooks" / "analysis.ipynb"


def test_committed_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None


def test_notebook_executes(monkeypatch):
    monkeypatch.setenv("XIANGMU_CORPUS", str(corpus_dir()))
    monkeypatch.setenv("XIANGMU_EVAL_DIR", str(eval_dir()))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 5, "expected the five plots"
    text = "".join(o.get("text", "") for o in outputs)
    assert "articles" in text and "mentions" in text
