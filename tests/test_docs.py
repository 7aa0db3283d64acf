"""The examples in the documentation run: every doctest of the package, the README's code."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import newsparse

README = Path(__file__).resolve().parent.parent / "README.md"


def _modules() -> list[str]:
    names = ["newsparse"]
    for info in pkgutil.walk_packages(newsparse.__path__, "newsparse."):
        if info.name != "newsparse._core":
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def _public_callables() -> list[tuple[str, object]]:
    """Functions named in the public modules' ``__all__``, and the public methods of classes."""
    found: list[tuple[str, object]] = []
    for name in ["newsparse", "newsparse.files", "newsparse.samples", "newsparse.display"]:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            if callable(obj):
                found.append((f"{name}.{attr}", obj))
            if isinstance(obj, type) and obj.__module__.startswith("newsparse"):
                for meth, member in vars(obj).items():
                    if meth.startswith("_"):
                        continue
                    func = member.fget if isinstance(member, property) else member
                    if isinstance(func, (classmethod, staticmethod)):
                        func = func.__func__
                    if callable(func):
                        found.append((f"{name}.{attr}.{meth}", func))
    return found


def test_public_functions_have_examples() -> None:
    skip = {
        "newsparse.samples.Sample",  # a TypedDict: a record type, nothing to call
        "newsparse.Lexicon.from_petrarch",  # its example needs a dictionary file on disk
    }
    missing = [
        name
        for name, obj in _public_callables()
        if name not in skip and ">>>" not in (getattr(obj, "__doc__", None) or "")
    ]
    assert not missing, f"no doctest example in the docstrings of {missing}"


def _readme_blocks() -> list[str]:
    if not README.exists():
        return []
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("index", range(max(len(_readme_blocks()), 1)))
def test_readme_python_blocks(index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _readme_blocks()
    if not blocks:
        pytest.skip("README.md has no python code block")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSPARSE_NUM_THREADS", os.environ.get("NEWSPARSE_NUM_THREADS", "2"))
    code = compile(blocks[index], f"README.md python block {index + 1}", "exec")
    exec(code, {"__name__": "__readme__"})
