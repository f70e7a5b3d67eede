"""The examples of python/README.md run as written (doctest)."""

from __future__ import annotations

import doctest

import pytest

from conftest import REPO

pytest.importorskip("pandas")


def test_readme_examples():
    result = doctest.testfile(
        str(REPO / "python" / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0 and result.failed == 0
