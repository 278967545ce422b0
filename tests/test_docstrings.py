"""The examples in the library's docstrings are run, so they cannot drift from the code.

Examples that need a workspace on disk are marked `# doctest: +SKIP` where they stand;
the rest (date parsing, ratings, greetings, screening words, ...) must hold as written.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import contentkit
import contentkit.cli


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(contentkit.__path__, "contentkit.")]
    names += [m.name for m in pkgutil.walk_packages(contentkit.cli.__path__, "contentkit.cli.")]
    return sorted({"contentkit", "contentkit.cli", *names} - {"contentkit.__main__"})


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    failed, _tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert failed == 0, capsys.readouterr().out


def test_the_examples_are_found() -> None:
    # A broken walk would make every case above pass on nothing.
    from contentkit.graphics import review_import

    assert "contentkit.graphics.review_import" in _modules() and "contentkit.cli.main" in _modules()
    assert doctest.testmod(review_import).attempted >= 2
